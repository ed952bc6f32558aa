package porttracer.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import porttracer.domain.MacAddress;
import porttracer.domain.Sighting;
import porttracer.index.LocationDoc.SightingDoc;
import porttracer.store.SwitchRecord;
import porttracer.vendor.OuiRegistry;

/**
 * Folds each switch's snapshot into the per-MAC documents of {@code porttracer-current} and
 * records appeared / moved / disappeared events. Writes are proportional to change: only MACs
 * whose rows on this switch differ from its last snapshot are handed to the {@link LocationWriter},
 * which folds them ({@link LocationMerge}) and writes each document once per batch, conditionally.
 */
public final class LocationIndex {

    /** Kind of the alert signal for a MAC on two edge ports at once; never written to the events index. */
    public static final String DUPLICATE = "duplicate";

    private final ElasticsearchClient es;
    private final Elastic elastic;
    private final LocationWriter writer;
    private final Map<Integer, SwitchTable> lastTables = new ConcurrentHashMap<>();
    private final Map<Integer, Map<MacAddress, String>> lastIps = new ConcurrentHashMap<>();

    /** {@code vendors} may be null: documents then carry no vendor name. */
    public LocationIndex(Elastic elastic, OuiRegistry vendors) {
        this.es = elastic.client();
        this.elastic = elastic;
        this.writer = new LocationWriter(elastic, new LocationMerge(vendors));
    }

    /** What applying one snapshot did. */
    public record Applied(int macsChanged, int docsWritten, List<MoveEvent> events) {
    }

    public Applied apply(Snapshot snap) throws IOException {
        return apply(snap, false);
    }

    /**
     * As {@link #apply(Snapshot)}; {@code fresh} when a poll just took it (not a replay): its write may wait a
     * moment for the snapshots of the site's other switches, polled at the same instant, to write them together.
     */
    public Applied apply(Snapshot snap, boolean fresh) throws IOException {
        int switchId = snap.sw().id();
        SwitchTable after = SwitchTable.of(snap.sightings());
        SwitchTable before = lastTables.get(switchId);
        Set<MacAddress> changed = new LinkedHashSet<>();
        if (before == null) {
            // First poll since this node started: compare against what the index holds.
            changed.addAll(SwitchTable.all(after));
            changed.addAll(macsIndexedOn(switchId));
        } else {
            SwitchTable.diff(before, after, changed::add);
        }
        Map<MacAddress, String> ipsBefore = lastIps.getOrDefault(switchId, Map.of());
        snap.ips().forEach((mac, ip) -> {
            if (!ip.equals(ipsBefore.get(mac))) {
                changed.add(mac);
            }
        });
        Map<MacAddress, List<Sighting>> byMac = new HashMap<>();
        for (Sighting s : snap.sightings()) {
            if (changed.contains(s.mac())) {
                byMac.computeIfAbsent(s.mac(), m -> new ArrayList<>(2)).add(s);
            }
        }
        LocationWriter.Pending done = writer.write(new LocationWriter.Pending(snap, new ArrayList<>(changed), byMac, fresh));
        lastTables.put(switchId, after);
        lastIps.put(switchId, snap.ips());
        return new Applied(changed.size(), done.written, done.events);
    }

    /**
     * Folds a live lookup of one MAC on one switch into its document: the switch's sightings of
     * that MAC are replaced by {@code found}. The switch's other MACs are left alone.
     */
    public Applied applyLive(SwitchRecord sw, Instant at, MacAddress mac, List<Sighting> found) throws IOException {
        Snapshot snap = new Snapshot(sw, at, found, 0);
        LocationWriter.Pending done = writer.write(new LocationWriter.Pending(snap, List.of(mac), Map.of(mac, found), false));
        return new Applied(done.written, done.written, done.events);
    }

    /**
     * What the polls concluded about a port: true edge, false uplink, null when no MAC is indexed
     * on it. Lets a live lookup of one MAC classify its port without the whole table.
     */
    public record PortRole(boolean edge, String reason, Integer macsOnPort) {
    }

    public PortRole knownRole(int switchId, String portKey) throws IOException {
        String edge = SightingDoc.portRole(switchId, portKey, true);
        String uplink = SightingDoc.portRole(switchId, portKey, false);
        var resp = es.search(s -> s.index(elastic.current()).size(1).source(src -> src.filter(f -> f.includes("sightings.portRole", "sightings.edge", "sightings.reason",
                        "sightings.switchId", "sightings.portKey", "sightings.vlan", "sightings.port", "sightings.macsOnPort")))
                .query(q -> q.terms(t -> t.field("sightings.portRole").terms(v -> v.value(List.of(
                        FieldValue.of(edge), FieldValue.of(uplink)))))), LocationDoc.class);
        if (resp.hits().hits().isEmpty() || resp.hits().hits().get(0).source() == null) {
            return null;
        }
        for (SightingDoc s : resp.hits().hits().get(0).source().sightings()) {
            if (edge.equals(s.portRole()) || uplink.equals(s.portRole())) {
                return new PortRole(s.edge(), s.reason(), s.macsOnPort());
            }
        }
        return null;
    }

    /** Forgets a switch's last table, e.g. when it is removed or another node takes it over. */
    public void forget(int switchId) {
        lastTables.remove(switchId);
        lastIps.remove(switchId);
    }

    private Set<MacAddress> macsIndexedOn(int switchId) throws IOException {
        Set<MacAddress> out = new LinkedHashSet<>();
        List<FieldValue> after = null;
        while (true) {
            final var searchAfter = after;
            var resp = es.search(s -> {
                s.index(elastic.current()).size(5_000).source(src -> src.fetch(false))
                        .query(q -> q.term(t -> t.field("sightings.switchId").value(switchId)))
                        .sort(o -> o.field(f -> f.field("macBare")));
                if (searchAfter != null) {
                    s.searchAfter(searchAfter);
                }
                return s;
            }, Void.class);
            var hits = resp.hits().hits();
            for (var h : hits) {
                out.add(MacAddress.parse(h.id()));
            }
            if (hits.size() < 5_000) {
                return out;
            }
            after = hits.get(hits.size() - 1).sort();
        }
    }
}
