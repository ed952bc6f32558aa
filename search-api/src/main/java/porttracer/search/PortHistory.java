package porttracer.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import porttracer.index.Elastic;
import porttracer.index.MoveEvent;

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

    /** A port's (or a switch's) stays, one page, newest first. */
    record Answer(@JsonProperty("switch") Named sw, String port, int page, int size, int total, List<Stay> stays) {
    }

    /** A switch named without its management address: the history is readable by every role. */
    record Named(int id, String name) {
    }

    /** One MAC's time on the port: {@code until}, {@code endedBy} and {@code movedTo} null while it is there. */
    record Stay(String mac, String vendor, String port, int vlan, String from, String until, boolean current,
                String arrivedBy, String endedBy, MovedTo movedTo) {
        Stay ended(String at, String by, MovedTo to) {
            return new Stay(mac, vendor, port, vlan, from, at, false, arrivedBy, by, to);
        }
    }

    /** Where a MAC went when it left the port. */
    record MovedTo(@JsonProperty("switch") SwitchRef sw, String port) {
    }

    /**
     * Stays on one port ({@code portKey}), or on every port of the switch when it is null. {@code spelling}:
     * the port as asked, which also finds events written before the canonical name was kept.
     */
    Answer history(int switchId, String switchName, String portKey, String spelling, int page, int size)
            throws IOException {
        List<Query> should = new ArrayList<>();
        for (String side : List.of("from", "to")) {
            if (portKey == null) {
                should.add(Query.of(q -> q.term(t -> t.field(side + ".switchId").value(switchId))));
            } else {
                should.add(at(side, switchId, Query.of(q -> q.term(t -> t.field(side + ".portKey").value(portKey)))));
                should.add(at(side, switchId, Query.of(q -> q.term(t -> t.field(side + ".port").value(spelling)))));
            }
        }
        SearchResponse<MoveEvent> resp = es.search(s -> s.index(elastic.events()).ignoreUnavailable(true)
                .allowNoIndices(true).size(MAX_EVENTS)
                .query(q -> q.bool(b -> b.should(should).minimumShouldMatch("1")))
                .sort(o -> o.field(f -> f.field("@timestamp").order(SortOrder.Desc))), MoveEvent.class);
        List<MoveEvent> events = new ArrayList<>();
        for (Hit<MoveEvent> h : resp.hits().hits()) {
            events.add(0, h.source());
        }
        List<Stay> stays = stays(events, switchId, portKey);
        int from = Math.min((page - 1) * size, stays.size());
        return new Answer(new Named(switchId, switchName), spelling, page, size, stays.size(),
                stays.subList(from, Math.min(from + size, stays.size())));
    }

    private static Query at(String side, int switchId, Query port) {
        return Query.of(q -> q.bool(b -> b.filter(f -> f.term(t -> t.field(side + ".switchId").value(switchId)))
                .filter(port)));
    }

    /** Stays on the switch's ports (one port when {@code portKey} is given) from events oldest first; newest first out. */
    static List<Stay> stays(List<MoveEvent> events, int switchId, String portKey) {
        Map<String, Integer> open = new HashMap<>();
        List<Stay> done = new ArrayList<>();
        for (MoveEvent e : events) {
            String left = keyHere(e.from(), switchId, portKey);
            if (left != null) {
                Integer stay = open.remove(e.mac() + ' ' + left);
                if (stay != null) {
                    MoveEvent.Place to = e.to();
                    done.set(stay, done.get(stay).ended(e.timestamp(), e.kind(), to == null ? null
                            : new MovedTo(Search.switchRef(to, Role.OSS), to.port())));
                }
            }
            String arrived = keyHere(e.to(), switchId, portKey);
            if (arrived != null) {
                open.put(e.mac() + ' ' + arrived, done.size());
                done.add(new Stay(e.mac(), e.vendor(), e.to().port(), e.to().vlan(), e.timestamp(), null, true,
                        e.kind(), null, null));
            }
        }
        List<Stay> newestFirst = new ArrayList<>(done);
        java.util.Collections.reverse(newestFirst);
        return newestFirst;
    }

    /** The canonical port of a place on this switch (and on the asked port, if one is), else null. */
    private static String keyHere(MoveEvent.Place place, int switchId, String portKey) {
        if (place == null || place.switchId() != switchId) {
            return null;
        }
        String key = place.portKey();
        if (key == null) {
            String printed = place.port();
            key = printed == null || printed.isBlank() ? "" : porttracer.domain.PortName.keyOf(printed);
        }
        return portKey == null || portKey.equals(key) ? key : null;
    }
}
