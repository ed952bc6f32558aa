package porttracer.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.json.JsonData;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import porttracer.index.Elastic;

/**
 * Port-centric answers from {@code porttracer-ports}: every port of a switch with its state, the
 * free-port report. A port is "free" when no MAC has been on it and its link has been down since
 * {@code freeSince}; a port with a MAC is never free.
 */
final class PortViews {

    /** A port unused this long is drawn and reported as free; shorter, as merely down. */
    static final int FREE_DAYS = 30;
    static final int MAX_PORTS = 10_000;

    private final ElasticsearchClient es;
    private final Elastic elastic;
    private final Search search;

    PortViews(Elastic elastic, Search search) {
        this.es = elastic.client();
        this.elastic = elastic;
        this.search = search;
    }

    /**
     * Every port of the switch: the interface status ports joined with the ports the MAC index has
     * (a port-channel may only be in the latter). oss: no uplinks, no MAC lists, no trunk VLAN lists.
     */
    List<Map<String, Object>> ports(int switchId, Role role, Instant lastOk) throws IOException {
        Map<String, Map<String, Object>> withMacs = new HashMap<>();
        for (Map<String, Object> p : search.ports(switchId, role)) {
            withMacs.put((String) p.get("portKey"), p);
        }
        Map<String, Map<String, Object>> out = new TreeMap<>(Search::naturalOrder);
        Instant now = Instant.now();
        for (JsonNode d : docs(Query.of(q -> q.term(t -> t.field("switchId").value(switchId))))) {
            Map<String, Object> p = fromDoc(d, role);
            Map<String, Object> macs = withMacs.remove(text(d, "portKey"));
            if (macs != null) {
                macs.forEach(p::putIfAbsent);
                p.put("macs", macs.get("macs"));
            }
            finish(p, role, lastOk, now);
            out.put((String) p.get("portKey"), p);
        }
        for (Map<String, Object> p : withMacs.values()) {
            // On a port the interface status did not list (or before the first poll that read it).
            p.put("macCount", ((List<?>) p.get("macs")).size());
            finish(p, role, lastOk, now);
            out.put((String) p.get("portKey"), p);
        }
        List<Map<String, Object>> list = new ArrayList<>();
        for (Map<String, Object> p : out.values()) {
            if (role.seesUplinks() || !Boolean.FALSE.equals(p.get("edge"))) {
                list.add(p);
            }
        }
        return list;
    }

    private static Map<String, Object> fromDoc(JsonNode d, Role role) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("port", text(d, "port"));
        p.put("portKey", text(d, "portKey"));
        p.put("edge", d.path("edge").isBoolean() ? d.path("edge").asBoolean() : null);
        p.put("reason", text(d, "reason"));
        p.put("link", text(d, "link"));
        p.put("speed", text(d, "speed"));
        p.put("description", text(d, "description"));
        String mode = text(d, "mode");
        p.put("mode", mode);
        p.put("pvid", d.path("pvid").isInt() ? d.path("pvid").asInt() : null);
        if (role.seesUplinks() || "access".equalsIgnoreCase(mode)) {
            p.put("allowedVlans", text(d, "allowedVlans"));
        }
        p.put("macCount", d.path("macCount").asInt());
        p.put("lastMacSeen", text(d, "lastMacAt"));
        p.put("freeSince", text(d, "freeSince"));
        return p;
    }

    /** Last MAC time and state, and what oss may not see removed. */
    private static void finish(Map<String, Object> p, Role role, Instant lastOk, Instant now) {
        int count = (Integer) p.get("macCount");
        if (count > 0 && lastOk != null) {
            // The MACs are there as of the switch's last good poll.
            p.put("lastMacSeen", Elastic.time(lastOk));
        }
        p.putIfAbsent("lastMacSeen", null);
        p.putIfAbsent("freeSince", null);
        p.putIfAbsent("link", null);
        p.put("state", state(p, now));
        if (!role.seesUplinks()) {
            p.remove("macs");
        } else {
            p.putIfAbsent("macs", List.of());
        }
    }

    /** edge (a device on it), uplink, free (down, no MAC for FREE_DAYS), down (recently used), empty (up, no MAC). */
    static String state(Map<String, Object> p, Instant now) {
        if (Boolean.FALSE.equals(p.get("edge"))) {
            return "uplink";
        }
        if ((Integer) p.get("macCount") > 0) {
            return "edge";
        }
        String freeSince = (String) p.get("freeSince");
        if (freeSince != null) {
            String lastMac = (String) p.get("lastMacSeen");
            String cutoff = Elastic.time(now.minus(Duration.ofDays(FREE_DAYS)));
            return lastMac == null || lastMac.compareTo(cutoff) <= 0 ? "free" : "down";
        }
        return "down".equals(p.get("link")) ? "down" : "empty";
    }

    /** Ports free for at least {@code days} days, by site, floor and switch. */
    Map<String, Object> free(String site, String floor, int days) throws IOException {
        Instant now = Instant.now();
        String cutoff = Elastic.time(now.minus(Duration.ofDays(days)));
        List<Query> filters = new ArrayList<>();
        filters.add(Query.of(q -> q.range(r -> r.untyped(u -> u.field("freeSince").lte(JsonData.of(cutoff))))));
        filters.add(Query.of(q -> q.term(t -> t.field("macCount").value(0))));
        if (site != null) {
            filters.add(Query.of(q -> q.term(t -> t.field("site").value(site))));
        }
        if (floor != null) {
            filters.add(Query.of(q -> q.term(t -> t.field("floor").value(floor))));
        }
        // An uplink that is down is a broken link, not a port to patch a device into.
        Query which = Query.of(q -> q.bool(b -> b.filter(filters)
                .mustNot(m -> m.term(t -> t.field("edge").value(false)))));
        List<JsonNode> hits = docs(which);
        hits.sort((a, b) -> {
            int c = text(a, "site").compareTo(text(b, "site"));
            c = c != 0 ? c : String.valueOf(text(a, "floor")).compareTo(String.valueOf(text(b, "floor")));
            c = c != 0 ? c : text(a, "switchName").compareTo(text(b, "switchName"));
            return c != 0 ? c : Search.naturalOrder(text(a, "portKey"), text(b, "portKey"));
        });
        Map<String, Map<String, Object>> floors = new LinkedHashMap<>();
        for (JsonNode d : hits) {
            Map<String, Object> fl = floors.computeIfAbsent(text(d, "site") + "\u0000" + text(d, "floor"), k -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("site", text(d, "site"));
                m.put("floor", text(d, "floor"));
                m.put("free", 0);
                m.put("switches", new LinkedHashMap<Integer, Map<String, Object>>());
                return m;
            });
            fl.put("free", (Integer) fl.get("free") + 1);
            @SuppressWarnings("unchecked")
            Map<Integer, Map<String, Object>> switches = (Map<Integer, Map<String, Object>>) fl.get("switches");
            Map<String, Object> sw = switches.computeIfAbsent(d.path("switchId").asInt(), id -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", id);
                m.put("name", text(d, "switchName"));
                m.put("ports", new ArrayList<Map<String, Object>>());
                return m;
            });
            Map<String, Object> port = new LinkedHashMap<>();
            port.put("port", text(d, "port"));
            port.put("portKey", text(d, "portKey"));
            port.put("description", text(d, "description"));
            port.put("speed", text(d, "speed"));
            port.put("freeSince", text(d, "freeSince"));
            port.put("lastMacSeen", text(d, "lastMacAt"));
            port.put("daysFree", Duration.between(Instant.parse(text(d, "freeSince")), now).toDays());
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> ports = (List<Map<String, Object>>) sw.get("ports");
            ports.add(port);
        }
        List<Map<String, Object>> floorList = new ArrayList<>();
        for (Map<String, Object> fl : floors.values()) {
            fl.put("switches", new ArrayList<>(((Map<?, ?>) fl.get("switches")).values()));
            floorList.add(fl);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("site", site);
        out.put("floor", floor);
        out.put("days", days);
        out.put("asOf", Elastic.time(now));
        out.put("total", hits.size());
        out.put("capped", hits.size() >= MAX_PORTS);
        out.put("floors", floorList);
        return out;
    }

    /** The free-port report as CSV rows, one per port. */
    @SuppressWarnings("unchecked")
    static String freeCsv(Map<String, Object> report) {
        List<List<Object>> rows = new ArrayList<>();
        for (Map<String, Object> fl : (List<Map<String, Object>>) report.get("floors")) {
            for (Map<String, Object> sw : (List<Map<String, Object>>) fl.get("switches")) {
                for (Map<String, Object> p : (List<Map<String, Object>>) sw.get("ports")) {
                    rows.add(java.util.Arrays.asList(fl.get("site"), fl.get("floor"), sw.get("name"), p.get("port"),
                            p.get("description"), p.get("speed"), p.get("freeSince"), p.get("lastMacSeen"),
                            p.get("daysFree")));
                }
            }
        }
        return Csv.write(List.of("site", "floor", "switch", "port", "description", "speed", "freeSince", "lastMacSeen",
                "daysFree"), rows);
    }

    private List<JsonNode> docs(Query which) throws IOException {
        SearchResponse<ObjectNode> resp = es.search(s -> s.index(elastic.ports()).ignoreUnavailable(true)
                .allowNoIndices(true).size(MAX_PORTS).query(which)
                .sort(o -> o.field(f -> f.field("portKey").order(SortOrder.Asc))), ObjectNode.class);
        List<JsonNode> out = new ArrayList<>();
        for (Hit<ObjectNode> h : resp.hits().hits()) {
            out.add(h.source());
        }
        return out;
    }

    static String text(JsonNode n, String field) {
        JsonNode v = n.path(field);
        return v.isMissingNode() || v.isNull() ? null : v.asText();
    }
}
