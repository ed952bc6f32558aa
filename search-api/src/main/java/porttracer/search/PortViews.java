package porttracer.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.json.JsonData;
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
import porttracer.index.PortIndex.PortDoc;

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
        for (PortDoc d : docs(Query.of(q -> q.term(t -> t.field("switchId").value(switchId))))) {
            Map<String, Object> p = fromDoc(d, role);
            Map<String, Object> macs = withMacs.remove(d.portKey());
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

    private static Map<String, Object> fromDoc(PortDoc d, Role role) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("port", d.port());
        p.put("portKey", d.portKey());
        p.put("edge", d.edge());
        p.put("reason", d.reason());
        p.put("link", d.link());
        p.put("speed", d.speed());
        p.put("description", d.description());
        p.put("mode", d.mode());
        p.put("pvid", d.pvid());
        if (role.seesUplinks() || "access".equalsIgnoreCase(d.mode())) {
            p.put("allowedVlans", d.allowedVlans());
        }
        p.put("macCount", d.macCount());
        p.put("lastMacSeen", d.lastMacAt());
        p.put("freeSince", d.freeSince());
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
    FreeReport free(String site, String floor, int days) throws IOException {
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
        List<PortDoc> hits = docs(which);
        hits.sort((a, b) -> {
            int c = a.site().compareTo(b.site());
            c = c != 0 ? c : String.valueOf(a.floor()).compareTo(String.valueOf(b.floor()));
            c = c != 0 ? c : a.switchName().compareTo(b.switchName());
            return c != 0 ? c : Search.naturalOrder(a.portKey(), b.portKey());
        });
        return new FreeReport(site, floor, days, Elastic.time(now), hits.size(), hits.size() >= MAX_PORTS,
                FreeReport.group(hits, now));
    }

    private List<PortDoc> docs(Query which) throws IOException {
        SearchResponse<PortDoc> resp = es.search(s -> s.index(elastic.ports()).ignoreUnavailable(true)
                .allowNoIndices(true).size(MAX_PORTS).query(which)
                .sort(o -> o.field(f -> f.field("portKey").order(SortOrder.Asc))), PortDoc.class);
        List<PortDoc> out = new ArrayList<>();
        for (Hit<PortDoc> h : resp.hits().hits()) {
            out.add(h.source());
        }
        return out;
    }
}
