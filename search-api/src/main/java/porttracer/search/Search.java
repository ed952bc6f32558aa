package porttracer.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.elasticsearch.core.search.TotalHitsRelation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import porttracer.domain.MacAddress;
import porttracer.index.Elastic;

/**
 * Every index query other than a trace: the one-box search, a MAC's movement history and a
 * switch's ports. Only term, prefix and wildcard queries on keyword (and ip) fields are used.
 */
final class Search {

    static final int CAP = 1_000;
    private static final Pattern MAC_CHARS = Pattern.compile("[0-9a-fA-F:.\\-]+");
    private static final Pattern HEX = Pattern.compile("[0-9a-f]{2,12}");
    private static final Pattern IP = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}(/\\d{1,2})?");
    private static final Pattern IP_PREFIX = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){0,2}\\.?");

    private final ElasticsearchClient es;
    private final Elastic elastic;
    private final Locations locations;

    /** Looks DNS names up when the box holds one; null: names are searched as text only. */
    private final HostResolver hosts;

    Search(Elastic elastic, Locations locations) {
        this(elastic, locations, null);
    }

    Search(Elastic elastic, Locations locations, HostResolver hosts) {
        this.es = elastic.client();
        this.elastic = elastic;
        this.locations = locations;
        this.hosts = hosts;
    }

    /** One box: what {@code q} could be (MAC, MAC or OUI prefix, IP or IP prefix, vendor, switch, port, description). */
    Map<String, Object> search(String q, int page, int size, Role role) throws IOException {
        List<String> kinds = new ArrayList<>();
        List<Query> should = interpretations(q.strip(), role, kinds);
        List<String> resolved = hostname(q.strip(), kinds, should);
        int from = (page - 1) * size;
        if (from + size > CAP) {
            throw new ApiError(400, "results past the first " + CAP + " are not served: refine your search",
                    Map.of("cap", CAP));
        }
        SearchResponse<ObjectNode> resp = es.search(s -> s.index(elastic.current()).from(from).size(size)
                .trackTotalHits(t -> t.count(CAP))
                .query(b -> b.bool(x -> {
                    x.should(should).minimumShouldMatch("1");
                    // A MAC seen on uplinks only (sightings, no edge ever): oss must not learn of it at all.
                    return role.seesUplinks() ? x : x.filter(f -> f.bool(o -> o.minimumShouldMatch("1")
                            .should(s1 -> s1.exists(e -> e.field("edge.switchId")))
                            .should(s2 -> s2.bool(n -> n.mustNot(m -> m.exists(e -> e.field("sightings.switchId")))))));
                }))
                .sort(o -> o.field(f -> f.field("edge.current").order(SortOrder.Desc).missing("_last")))
                .sort(o -> o.field(f -> f.field("present").order(SortOrder.Desc)))
                .sort(o -> o.field(f -> f.field("macBare"))), ObjectNode.class);
        long total = resp.hits().total() == null ? 0 : resp.hits().total().value();
        boolean capped = resp.hits().total() != null && resp.hits().total().relation() == TotalHitsRelation.Gte;
        Instant now = Instant.now();
        List<Map<String, Object>> results = new ArrayList<>();
        for (Hit<ObjectNode> h : resp.hits().hits()) {
            results.add(locations.answer(h.source(), role, now));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("q", q);
        out.put("kinds", kinds);
        out.put("page", page);
        out.put("size", size);
        out.put("total", total);
        out.put("capped", capped);
        if (resolved != null) {
            out.put("resolved", resolved);
        }
        if (capped) {
            out.put("message", "more than " + CAP + " matches: refine your search (a longer MAC prefix, a switch "
                    + "name with its port, an IP address)");
        }
        out.put("results", results);
        return out;
    }

    /** A DNS name: its IPs (bounded, cached lookup), then the MACs whose ARP entries hold them; null when not a name. */
    private List<String> hostname(String q, List<String> kinds, List<Query> should) {
        if (hosts == null || !HostResolver.NAME.matcher(q).matches() || MacAddress.tryParse(q) != null) {
            return null;
        }
        List<String> ips = hosts.resolve(q);
        if (!ips.isEmpty()) {
            kinds.add("hostname");
            for (String ip : ips) {
                should.add(Query.of(x -> x.term(t -> t.field("ips").value(ip))));
            }
        }
        return ips;
    }

    private static List<Query> interpretations(String q, Role role, List<String> kinds) {
        List<Query> should = new ArrayList<>();
        MacAddress mac = MacAddress.tryParse(q);
        String hex = q.replaceAll("[:.\\-]", "").toLowerCase(Locale.ROOT);
        if (mac != null) {
            kinds.add("mac");
            should.add(Query.of(x -> x.term(t -> t.field("macBare").value(mac.bare()))));
        } else if (MAC_CHARS.matcher(q).matches() && HEX.matcher(hex).matches()) {
            kinds.add(hex.length() == 6 ? "oui" : "mac-prefix");
            should.add(Query.of(x -> x.prefix(p -> p.field("macBare").value(hex))));
        }
        if (IP.matcher(q).matches() && validIp(q)) {
            kinds.add(q.contains("/") ? "ip-prefix" : "ip");
            should.add(Query.of(x -> x.term(t -> t.field("ips").value(q))));
        } else if (IP_PREFIX.matcher(q).matches() && q.contains(".") && validIp(q)) {
            String[] parts = q.split("\\.");
            StringBuilder net = new StringBuilder(String.join(".", parts));
            for (int i = parts.length; i < 4; i++) {
                net.append(".0");
            }
            String cidr = net + "/" + parts.length * 8;
            kinds.add("ip-prefix");
            should.add(Query.of(x -> x.term(t -> t.field("ips").value(cidr))));
        }
        if (q.length() >= 2) {
            String pattern = "*" + q.replace("\\", "\\\\").replace("*", "\\*").replace("?", "\\?") + "*";
            kinds.add("text");
            should.add(wildcard("vendor", pattern));
            for (String where : role.seesUplinks() ? List.of("edge", "sightings") : List.of("edge")) {
                should.add(wildcard(where + ".switchName", pattern));
                should.add(wildcard(where + ".port", pattern));
                should.add(wildcard(where + ".description", pattern));
            }
        }
        if (should.isEmpty()) {
            throw new ApiError(400, "search text too short: give at least two characters");
        }
        return should;
    }

    private static boolean validIp(String q) {
        for (String part : q.replaceFirst("/.*", "").split("\\.")) {
            if (!part.isEmpty() && Integer.parseInt(part) > 255) {
                return false;
            }
        }
        return true;
    }

    private static Query wildcard(String field, String pattern) {
        return Query.of(x -> x.wildcard(w -> w.field(field).value(pattern).caseInsensitive(true)));
    }

    /** Appeared / moved / disappeared events of one MAC, newest first. */
    Map<String, Object> history(MacAddress mac, int page, int size, Role role) throws IOException {
        int from = (page - 1) * size;
        if (from + size > 10_000) {
            throw new ApiError(400, "history pages past the first 10000 events are not served");
        }
        SearchResponse<ObjectNode> resp = es.search(s -> s.index(elastic.events()).from(from).size(size)
                .ignoreUnavailable(true).allowNoIndices(true)
                .query(x -> x.term(t -> t.field("mac").value(mac.toString())))
                .sort(o -> o.field(f -> f.field("@timestamp").order(SortOrder.Desc))), ObjectNode.class);
        List<Map<String, Object>> events = new ArrayList<>();
        for (Hit<ObjectNode> h : resp.hits().hits()) {
            JsonNode e = h.source();
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("at", Locations.text(e, "@timestamp"));
            one.put("kind", Locations.text(e, "kind"));
            one.put("vlan", e.path("vlan").isMissingNode() ? null : e.path("vlan").asInt());
            one.put("from", place(e.path("from"), role));
            one.put("to", place(e.path("to"), role));
            events.add(one);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("mac", mac.toString());
        out.put("page", page);
        out.put("size", size);
        out.put("total", resp.hits().total() == null ? 0 : resp.hits().total().value());
        out.put("events", events);
        return out;
    }

    private static Map<String, Object> place(JsonNode p, Role role) {
        if (!p.isObject()) {
            return null;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("switch", Locations.switchRef(p, role));
        out.put("port", Locations.text(p, "port"));
        out.put("vlan", p.path("vlan").asInt());
        // Events record edge places only.
        out.put("edge", true);
        return out;
    }

    /** Every port of a switch on which the index has MACs, each with its MACs; oss: edge ports only. */
    List<Map<String, Object>> ports(int switchId, Role role) throws IOException {
        Query which = role.seesUplinks()
                ? Query.of(x -> x.term(t -> t.field("sightings.switchId").value(switchId)))
                : Query.of(x -> x.bool(b -> b.filter(f -> f.term(t -> t.field("edge.switchId").value(switchId)))
                        .filter(f -> f.term(t -> t.field("edge.current").value(true)))));
        Map<String, Map<String, Object>> ports = new TreeMap<>(Search::naturalOrder);
        Instant now = Instant.now();
        List<FieldValue> after = null;
        while (true) {
            List<FieldValue> searchAfter = after;
            SearchResponse<ObjectNode> resp = es.search(s -> {
                s.index(elastic.current()).size(2_000).query(which).sort(o -> o.field(f -> f.field("macBare")));
                return searchAfter == null ? s : s.searchAfter(searchAfter);
            }, ObjectNode.class);
            for (Hit<ObjectNode> h : resp.hits().hits()) {
                addToPorts(ports, h.source(), switchId, role, now);
            }
            if (resp.hits().hits().size() < 2_000) {
                return new ArrayList<>(ports.values());
            }
            after = resp.hits().hits().get(resp.hits().hits().size() - 1).sort();
        }
    }

    @SuppressWarnings("unchecked")
    private void addToPorts(Map<String, Map<String, Object>> ports, JsonNode doc, int switchId, Role role, Instant now) {
        for (JsonNode s : doc.path("sightings")) {
            if (s.path("switchId").asInt() != switchId || !(s.path("edge").asBoolean() || role.seesUplinks())) {
                continue;
            }
            Map<String, Object> port = ports.computeIfAbsent(Locations.text(s, "portKey"), k -> {
                Map<String, Object> p = locations.location(s, role, now);
                p.remove("switch");
                p.remove("vlan");
                p.remove("firstSeen");
                p.remove("badges");
                p.put("macs", new ArrayList<Map<String, Object>>());
                return p;
            });
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("mac", Locations.text(doc, "mac"));
            m.put("vendor", Locations.text(doc, "vendor"));
            m.put("vlan", s.path("vlan").asInt());
            m.put("firstSeen", Locations.text(s, "firstSeen"));
            ((List<Map<String, Object>>) port.get("macs")).add(m);
        }
    }

    /** Port keys with their numbers compared as numbers: gi1/0/2 before gi1/0/10. */
    static int naturalOrder(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char x = a.charAt(i);
            char y = b.charAt(j);
            if (Character.isDigit(x) && Character.isDigit(y)) {
                int si = i;
                int sj = j;
                while (i < a.length() && Character.isDigit(a.charAt(i))) {
                    i++;
                }
                while (j < b.length() && Character.isDigit(b.charAt(j))) {
                    j++;
                }
                int c = Long.compare(Long.parseLong(a.substring(si, Math.min(i, si + 18))),
                        Long.parseLong(b.substring(sj, Math.min(j, sj + 18))));
                if (c != 0) {
                    return c;
                }
            } else {
                if (x != y) {
                    return Character.compare(x, y);
                }
                i++;
                j++;
            }
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
