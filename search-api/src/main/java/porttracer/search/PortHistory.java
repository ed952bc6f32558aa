package porttracer.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import porttracer.index.Elastic;

/**
 * Which MACs were on one port, from when to when, rebuilt from the movement events: an event that
 * arrives on the port opens a stay, the same MAC's next event that leaves it (moved, disappeared)
 * closes it. Newest stay first.
 */
final class PortHistory {

    /** Events read per port at most: years of a busy port; past it the oldest stays are left out. */
    static final int MAX_EVENTS = 10_000;

    private final ElasticsearchClient es;
    private final Elastic elastic;

    PortHistory(Elastic elastic) {
        this.es = elastic.client();
        this.elastic = elastic;
    }

    /**
     * Stays on one port ({@code portKey}), or on every port of the switch when it is null. {@code spelling}:
     * the port as asked, which also finds events written before the canonical name was kept.
     */
    Map<String, Object> history(int switchId, String portKey, String spelling, int page, int size) throws IOException {
        List<Query> should = new ArrayList<>();
        for (String side : List.of("from", "to")) {
            if (portKey == null) {
                should.add(Query.of(q -> q.term(t -> t.field(side + ".switchId").value(switchId))));
            } else {
                should.add(at(side, switchId, Query.of(q -> q.term(t -> t.field(side + ".portKey").value(portKey)))));
                should.add(at(side, switchId, Query.of(q -> q.term(t -> t.field(side + ".port").value(spelling)))));
            }
        }
        SearchResponse<ObjectNode> resp = es.search(s -> s.index(elastic.events()).ignoreUnavailable(true)
                .allowNoIndices(true).size(MAX_EVENTS)
                .query(q -> q.bool(b -> b.should(should).minimumShouldMatch("1")))
                .sort(o -> o.field(f -> f.field("@timestamp").order(SortOrder.Desc))), ObjectNode.class);
        List<JsonNode> events = new ArrayList<>();
        for (Hit<ObjectNode> h : resp.hits().hits()) {
            events.add(0, h.source());
        }
        List<Map<String, Object>> stays = stays(events, switchId, portKey);
        int from = Math.min((page - 1) * size, stays.size());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("page", page);
        out.put("size", size);
        out.put("total", stays.size());
        out.put("stays", stays.subList(from, Math.min(from + size, stays.size())));
        return out;
    }

    private static Query at(String side, int switchId, Query port) {
        return Query.of(q -> q.bool(b -> b.filter(f -> f.term(t -> t.field(side + ".switchId").value(switchId)))
                .filter(port)));
    }

    /** Stays on the switch's ports (one port when {@code portKey} is given) from events oldest first; newest first out. */
    static List<Map<String, Object>> stays(List<JsonNode> events, int switchId, String portKey) {
        Map<String, Map<String, Object>> open = new HashMap<>();
        List<Map<String, Object>> done = new ArrayList<>();
        for (JsonNode e : events) {
            String mac = Locations.text(e, "mac");
            String at = Locations.text(e, "@timestamp");
            String left = keyHere(e.path("from"), switchId, portKey);
            if (left != null) {
                Map<String, Object> stay = open.remove(mac + ' ' + left);
                if (stay != null) {
                    stay.put("until", at);
                    stay.put("current", false);
                    stay.put("endedBy", Locations.text(e, "kind"));
                    JsonNode to = e.path("to");
                    // A move target is named without its management address: the history is readable by every role.
                    stay.put("movedTo", to.isObject() ? Map.of("switch", Locations.switchRef(to, Role.OSS),
                            "port", Locations.text(to, "port")) : null);
                }
            }
            String arrived = keyHere(e.path("to"), switchId, portKey);
            if (arrived != null) {
                Map<String, Object> stay = new LinkedHashMap<>();
                stay.put("mac", mac);
                stay.put("vendor", Locations.text(e, "vendor"));
                stay.put("port", Locations.text(e.path("to"), "port"));
                stay.put("vlan", e.path("to").path("vlan").asInt());
                stay.put("from", at);
                stay.put("until", null);
                stay.put("current", true);
                stay.put("arrivedBy", Locations.text(e, "kind"));
                stay.put("endedBy", null);
                stay.put("movedTo", null);
                open.put(mac + ' ' + arrived, stay);
                done.add(stay);
            }
        }
        List<Map<String, Object>> newestFirst = new ArrayList<>(done.size());
        for (int i = done.size() - 1; i >= 0; i--) {
            newestFirst.add(done.get(i));
        }
        return newestFirst;
    }

    /** The canonical port of a place on this switch (and on the asked port, if one is), else null. */
    private static String keyHere(JsonNode place, int switchId, String portKey) {
        if (!place.isObject() || place.path("switchId").asInt() != switchId) {
            return null;
        }
        String key = Locations.text(place, "portKey");
        if (key == null) {
            String printed = Locations.text(place, "port");
            key = printed == null || printed.isBlank() ? "" : porttracer.domain.PortName.keyOf(printed);
        }
        return portKey == null || portKey.equals(key) ? key : null;
    }
}
