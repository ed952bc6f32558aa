package porttracer.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.elasticsearch.core.search.TotalHitsRelation;
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
import porttracer.index.LocationDoc;
import porttracer.index.MoveEvent;

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
    SearchAnswer search(String q, int page, int size, Role role) throws IOException {
        List<String> kinds = new ArrayList<>();
        List<Query> should = interpretations(q.strip(), role, kinds);
        List<String> resolved = hostname(q.strip(), kinds, should);
        int from = (page - 1) * size;
        if (from + size > CAP) {
            throw new ApiError(400, "results past the first " + CAP + " are not served: refine your search",
                    Map.of("cap", CAP));
        }
        SearchResponse<LocationDoc> resp = es.search(s -> s.index(elastic.current()).from(from).size(size)
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
                .sort(o -> o.field(f -> f.field("macBare"))), LocationDoc.class);
        long total = resp.hits().total() == null ? 0 : resp.hits().total().value();
        boolean capped = resp.hits().total() != null && resp.hits().total().relation() == TotalHitsRelation.Gte;
        Instant now = Instant.now();
        List<TraceAnswer> results = new ArrayList<>();
        for (Hit<LocationDoc> h : resp.hits().hits()) {
            results.add(locations.answer(h.source(), role, now));
        }
        String message = !capped ? null : "more than " + CAP + " matches: refine your search (a longer MAC prefix, "
                + "a switch name with its port, an IP address)";
        return new SearchAnswer(q, kinds, page, size, total, capped, resolved, message, results);
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
    HistoryAnswer history(MacAddress mac, int page, int size, Role role) throws IOException {
        int from = (page - 1) * size;
        if (from + size > 10_000) {
            throw new ApiError(400, "history pages past the first 10000 events are not served");
        }
        SearchResponse<MoveEvent> resp = es.search(s -> s.index(elastic.events()).from(from).size(size)
                .ignoreUnavailable(true).allowNoIndices(true)
                .query(x -> x.term(t -> t.field("mac").value(mac.toString())))
                .sort(o -> o.field(f -> f.field("@timestamp").order(SortOrder.Desc))), MoveEvent.class);
        List<HistoryAnswer.Event> events = new ArrayList<>();
        for (Hit<MoveEvent> h : resp.hits().hits()) {
            MoveEvent e = h.source();
            events.add(new HistoryAnswer.Event(e.timestamp(), e.kind(), e.vlan(), place(e.from(), role),
                    place(e.to(), role)));
        }
        return new HistoryAnswer(mac.toString(), page, size,
                resp.hits().total() == null ? 0 : resp.hits().total().value(), events);
    }

    private static HistoryAnswer.Place place(MoveEvent.Place p, Role role) {
        // Events record edge places only, and no management address.
        return p == null ? null : new HistoryAnswer.Place(switchRef(p, role), p.port(), p.vlan(), true);
    }

    static SwitchRef switchRef(MoveEvent.Place p, Role role) {
        return SwitchRef.of(p.switchId(), p.switchName(), null, p.site(), p.floor(), role);
    }

    /** Every port of a switch on which the index has MACs, each with its MACs; oss: edge ports only. */
    List<Map<String, Object>> ports(int switchId, Role role) throws IOException {
        Query which = role.seesUplinks()
                ? Query.of(x -> x.term(t -> t.field("sightings.switchId").value(switchId)))
                : Query.of(x -> x.bool(b -> b.filter(f -> f.term(t -> t.field("edge.switchId").value(switchId)))
                        .filter(f -> f.term(t -> t.field("edge.current").value(true)))));
        Map<String, PortMacs> ports = new TreeMap<>(Search::naturalOrder);
        Instant now = Instant.now();
        List<FieldValue> after = null;
        while (true) {
            List<FieldValue> searchAfter = after;
            SearchResponse<LocationDoc> resp = es.search(s -> {
                s.index(elastic.current()).size(2_000).query(which).sort(o -> o.field(f -> f.field("macBare")));
                return searchAfter == null ? s : s.searchAfter(searchAfter);
            }, LocationDoc.class);
            for (Hit<LocationDoc> h : resp.hits().hits()) {
                addToPorts(ports, h.source(), switchId, role, now);
            }
            if (resp.hits().hits().size() < 2_000) {
                return ports.values().stream().map(PortMacs::asMap).toList();
            }
            after = resp.hits().hits().get(resp.hits().hits().size() - 1).sort();
        }
    }

    /** One MAC on a port. */
    record PortMac(String mac, String vendor, int vlan, String firstSeen) {
    }

    /** A port with the MACs the index has on it (as a map: the port views merge it with the port's document). */
    private record PortMacs(LocationView at, List<PortMac> macs) {
        /** The location's port fields (not its switch, VLAN, first sighting, count or badges) and the MACs. */
        Map<String, Object> asMap() {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("port", at.port());
            p.put("portKey", at.portKey());
            p.put("edge", at.edge());
            p.put("reason", at.reason());
            p.put("lastSeen", at.lastSeen());
            p.put("stale", at.stale());
            p.put("staleReason", at.staleReason());
            putIfSet(p, "description", at.description());
            putIfSet(p, "mode", at.mode());
            putIfSet(p, "pvid", at.pvid());
            putIfSet(p, "members", at.members());
            putIfSet(p, "allowedVlans", at.allowedVlans());
            p.put("macs", macs);
            return p;
        }

        private static void putIfSet(Map<String, Object> p, String key, Object value) {
            if (value != null) {
                p.put(key, value);
            }
        }
    }

    private void addToPorts(Map<String, PortMacs> ports, LocationDoc doc, int switchId, Role role, Instant now) {
        for (LocationDoc.SightingDoc s : Locations.sightings(doc)) {
            if (s.switchId() != switchId || !(s.edge() || role.seesUplinks())) {
                continue;
            }
            PortMacs port = ports.computeIfAbsent(s.portKey(),
                    k -> new PortMacs(locations.location(s, role, now), new ArrayList<>()));
            port.macs().add(new PortMac(doc.mac(), doc.vendor(), s.vlan(), s.firstSeen()));
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
