package porttracer.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.MgetResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.mget.MultiGetResponseItem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import porttracer.collect.Snapshot;
import porttracer.domain.MacAddress;
import porttracer.domain.Sighting;
import porttracer.index.LocationDoc.EdgeDoc;
import porttracer.index.LocationDoc.SightingDoc;
import porttracer.store.SwitchRecord;

/**
 * Folds each switch's snapshot into the per-MAC documents of {@code porttracer-current} and
 * records appeared / moved / disappeared events. Writes are proportional to change: only MACs
 * whose rows on this switch differ from its last snapshot are read and rewritten. Each rewrite
 * is conditional on the document's sequence number, so collectors on several nodes polling
 * different switches that see the same MAC never overwrite each other's sightings.
 */
public final class LocationIndex {

    private static final int BATCH = 1_000;
    private static final int MAX_ATTEMPTS = 30;
    private static final int STRIPES = 1024;
    /** Kind of the alert signal for a MAC on two edge ports at once; never written to the events index. */
    public static final String DUPLICATE = "duplicate";
    private static final Comparator<SightingDoc> EDGE_FIRST = Comparator.comparing((SightingDoc s) -> !s.edge())
            .thenComparing(SightingDoc::switchName).thenComparing(SightingDoc::portKey).thenComparingInt(SightingDoc::vlan);

    private final ElasticsearchClient es;
    private final Elastic elastic;
    private final Map<Integer, SwitchTable> lastTables = new ConcurrentHashMap<>();
    // Polls on this node that touch the same MAC take turns (every switch of a site sees every
    // MAC of the site); conditional writes still settle races with other nodes.
    private final java.util.concurrent.locks.ReentrantLock[] stripes = new java.util.concurrent.locks.ReentrantLock[STRIPES];
    {
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new java.util.concurrent.locks.ReentrantLock();
        }
    }

    private final porttracer.vendor.OuiRegistry vendors;
    private final Map<Integer, Map<MacAddress, String>> lastIps = new ConcurrentHashMap<>();

    /** {@code vendors} may be null: documents then carry no vendor name. */
    public LocationIndex(Elastic elastic, porttracer.vendor.OuiRegistry vendors) {
        this.es = elastic.client();
        this.elastic = elastic;
        this.vendors = vendors;
    }

    /** What applying one snapshot did. */
    public record Applied(int macsChanged, int docsWritten, List<MoveEvent> events) {
    }

    public Applied apply(Snapshot snap) throws IOException {
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
        int written = 0;
        List<MoveEvent> events = new ArrayList<>();
        List<MacAddress> pending = new ArrayList<>(changed);
        for (int from = 0; from < pending.size(); from += BATCH) {
            List<MacAddress> batch = pending.subList(from, Math.min(pending.size(), from + BATCH));
            int[] locked = stripesOf(batch);
            for (int stripe : locked) {
                stripes[stripe].lock();
            }
            try {
                written += writeBatch(snap, batch, byMac, events);
            } finally {
                for (int stripe : locked) {
                    stripes[stripe].unlock();
                }
            }
        }
        lastTables.put(switchId, after);
        lastIps.put(switchId, snap.ips());
        return new Applied(changed.size(), written, events);
    }

    /**
     * Folds a live lookup of one MAC on one switch into its document: the switch's sightings of
     * that MAC are replaced by {@code found}. The switch's other MACs are left alone.
     */
    public Applied applyLive(SwitchRecord sw, Instant at, MacAddress mac, List<Sighting> found) throws IOException {
        Snapshot snap = new Snapshot(sw, at, found, 0);
        List<MoveEvent> events = new ArrayList<>();
        List<MacAddress> one = List.of(mac);
        int[] locked = stripesOf(one);
        stripes[locked[0]].lock();
        int written;
        try {
            written = writeBatch(snap, one, Map.of(mac, found), events);
        } finally {
            stripes[locked[0]].unlock();
        }
        return new Applied(written, written, events);
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
                        co.elastic.clients.elasticsearch._types.FieldValue.of(edge),
                        co.elastic.clients.elasticsearch._types.FieldValue.of(uplink)))))), LocationDoc.class);
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

    /** Distinct stripe numbers in ascending order: one global order means no deadlock. */
    private static int[] stripesOf(List<MacAddress> macs) {
        return macs.stream().mapToInt(m -> Long.hashCode(m.value() * 0x9E3779B97F4A7C15L) & (STRIPES - 1))
                .distinct().sorted().toArray();
    }

    /** Forgets a switch's last table, e.g. when it is removed or another node takes it over. */
    public void forget(int switchId) {
        lastTables.remove(switchId);
        lastIps.remove(switchId);
    }

    private int writeBatch(Snapshot snap, List<MacAddress> batch, Map<MacAddress, List<Sighting>> byMac,
                           List<MoveEvent> events) throws IOException {
        List<MacAddress> todo = batch;
        int written = 0;
        for (int attempt = 1; !todo.isEmpty(); attempt++) {
            if (attempt > MAX_ATTEMPTS) {
                throw new IOException("gave up after " + MAX_ATTEMPTS + " conflicting writes on " + todo.size() + " MACs");
            }
            if (attempt > 1) {
                backoff(attempt);
            }
            List<String> ids = todo.stream().map(MacAddress::bare).toList();
            MgetResponse<LocationDoc> got = es.mget(m -> m.index(elastic.current()).ids(ids), LocationDoc.class);
            List<BulkOperation> ops = new ArrayList<>();
            List<MacAddress> opMacs = new ArrayList<>();
            List<List<MoveEvent>> opEvents = new ArrayList<>();
            for (int i = 0; i < todo.size(); i++) {
                MacAddress mac = todo.get(i);
                MultiGetResponseItem<LocationDoc> item = got.docs().get(i);
                if (item.isFailure()) {
                    throw new IOException("reading " + mac + ": " + item.failure().error().reason());
                }
                var result = item.result();
                LocationDoc existing = result.found() ? result.source() : null;
                List<MoveEvent> docEvents = new ArrayList<>(1);
                LocationDoc merged = merge(existing, mac, snap, byMac.getOrDefault(mac, List.of()), docEvents);
                if (merged == null) {
                    continue;
                }
                String id = mac.bare();
                if (existing == null) {
                    ops.add(BulkOperation.of(b -> b.create(c -> c.index(elastic.currentIndex()).id(id).document(merged))));
                } else {
                    long seq = result.seqNo();
                    long term = result.primaryTerm();
                    ops.add(BulkOperation.of(b -> b.index(x -> x.index(elastic.currentIndex()).id(id).document(merged)
                            .ifSeqNo(seq).ifPrimaryTerm(term))));
                }
                opMacs.add(mac);
                opEvents.add(docEvents);
            }
            if (ops.isEmpty()) {
                break;
            }
            // Events first, under ids derived from their content: if the documents' write fails
            // and the snapshot is replayed, the same events are written again, not duplicated,
            // and none is lost because the documents already moved on.
            List<MoveEvent> pendingEvents = new ArrayList<>();
            opEvents.forEach(pendingEvents::addAll);
            writeEvents(pendingEvents);
            BulkResponse resp = es.bulk(b -> b.operations(ops));
            List<MacAddress> retry = new ArrayList<>();
            for (int i = 0; i < resp.items().size(); i++) {
                BulkResponseItem r = resp.items().get(i);
                if (r.error() == null) {
                    written++;
                    events.addAll(opEvents.get(i));
                } else if (r.status() == 409) {
                    retry.add(opMacs.get(i));
                } else {
                    throw new IndexRejectedException("indexing " + opMacs.get(i) + ": " + r.error().reason());
                }
            }
            todo = retry;
        }
        return written;
    }

    /** Jittered exponential backoff, so that nodes racing for the same documents fall out of step. */
    private static void backoff(int attempt) throws IOException {
        long cap = Math.min(1_000, 5L << Math.min(attempt, 8));
        try {
            Thread.sleep(java.util.concurrent.ThreadLocalRandom.current().nextLong(1, cap + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while retrying conflicting writes");
        }
    }

    /**
     * The new document for {@code mac} after this switch's snapshot, or null when nothing changed.
     * The edge is sticky: it stays on its port while that port still has the MAC, moves to the
     * newest edge sighting otherwise, and is kept (not current) as the last known place when the
     * MAC is only seen on uplinks, so that a host moving between switches yields one "moved".
     */
    LocationDoc merge(LocationDoc existing, MacAddress mac, Snapshot snap, List<Sighting> mine,
                      List<MoveEvent> events) {
        SwitchRecord sw = snap.sw();
        String now = Elastic.time(snap.polledAt());
        List<SightingDoc> old = existing == null || existing.sightings() == null ? List.of() : existing.sightings();
        List<SightingDoc> merged = new ArrayList<>();
        for (SightingDoc s : old) {
            if (s.switchId() != sw.id()) {
                merged.add(s);
            }
        }
        for (Sighting s : mine) {
            var info = s.portInfo();
            SightingDoc fresh = new SightingDoc(sw.id(), sw.name(), sw.host(), sw.site(), sw.floor(), s.port(),
                    s.portKey(), s.vlan(), s.edge(), s.reason(), now,
                    info == null || info.description() == null || info.description().isEmpty() ? null : info.description(),
                    info == null ? null : info.mode(), info == null ? null : info.pvid(),
                    info == null ? null : VlanRanges.compact(info.vlans()),
                    SightingDoc.portRole(sw.id(), s.portKey(), s.edge()), s.members(), s.macsOnPort());
            String firstSeen = old.stream().filter(o -> o.samePlace(fresh) && o.edge() == fresh.edge())
                    .map(SightingDoc::firstSeen).findFirst().orElse(now);
            merged.add(fresh.withFirstSeen(firstSeen));
        }
        merged.sort(EDGE_FIRST);
        if (existing == null && merged.isEmpty()) {
            // A live lookup of a MAC no switch has: nothing to record.
            return null;
        }
        String ip = snap.ips().get(mac);
        List<String> ips = ip != null ? List.of(ip) : existing == null ? null : existing.ips();
        String vendor = vendors == null ? null : vendors.vendor(mac);
        if (existing != null && merged.equals(sortedCopy(old)) && java.util.Objects.equals(ips, existing.ips())
                && java.util.Objects.equals(vendor, existing.vendor())) {
            return null;
        }
        boolean wasPresent = existing != null && existing.present();
        EdgeDoc prevEdge = existing == null ? null : existing.edge();
        EdgeDoc edge = chooseEdge(prevEdge, merged);
        boolean present = !merged.isEmpty();

        String oui = mac.oui();
        EdgeDoc prevPlace = wasPresent ? prevEdge : null;
        if (edge != null && edge.current()) {
            if (prevPlace == null) {
                events.add(event(now, "appeared", mac, vendor, edge.vlan(), null, edge));
            } else if (!samePlace(prevPlace, edge)) {
                events.add(event(now, "moved", mac, vendor, edge.vlan(), prevPlace, edge));
            }
        }
        if (edgePlaces(merged) > 1 && (existing == null || edgePlaces(sortedCopy(old)) < 2)) {
            // Not stored as an event: a signal for alerts that one MAC is on two edge ports at once.
            List<SightingDoc> edges = merged.stream().filter(SightingDoc::edge).toList();
            events.add(event(now, DUPLICATE, mac, vendor, edges.get(0).vlan(), edges.get(0).asEdge(true),
                    edges.get(1).asEdge(true)));
        }
        if (!present && wasPresent && prevEdge != null) {
            events.add(event(now, "disappeared", mac, vendor, prevEdge.vlan(), prevEdge, null));
        }
        String firstSeen = existing == null ? now : existing.firstSeen();
        return new LocationDoc(mac.toString(), mac.bare(), oui, vendor, ips, present, firstSeen, now, edge, merged);
    }

    private static long edgePlaces(List<SightingDoc> sightings) {
        return sightings.stream().filter(SightingDoc::edge).map(x -> x.switchId() + "/" + x.portKey()).distinct().count();
    }

    private static List<SightingDoc> sortedCopy(List<SightingDoc> s) {
        List<SightingDoc> c = new ArrayList<>(s);
        c.sort(EDGE_FIRST);
        return c;
    }

    private static EdgeDoc chooseEdge(EdgeDoc prev, List<SightingDoc> merged) {
        SightingDoc newest = null;
        for (SightingDoc s : merged) {
            if (!s.edge()) {
                continue;
            }
            if (s.samePlace(prev)) {
                return s.asEdge(true).withSince(prev.since());
            }
            if (newest == null || s.firstSeen().compareTo(newest.firstSeen()) > 0) {
                newest = s;
            }
        }
        if (newest != null) {
            return newest.asEdge(true);
        }
        return prev == null ? null : prev.withCurrent(false);
    }

    private static boolean samePlace(EdgeDoc a, EdgeDoc b) {
        return a.switchId() == b.switchId() && a.vlan() == b.vlan() && a.portKey().equals(b.portKey());
    }

    private static MoveEvent event(String at, String kind, MacAddress mac, String vendor, int vlan, EdgeDoc from,
                                   EdgeDoc to) {
        return new MoveEvent(at, kind, mac.toString(), mac.oui(), vendor, vlan, MoveEvent.Place.of(from),
                MoveEvent.Place.of(to));
    }

    private void writeEvents(List<MoveEvent> events) throws IOException {
        List<BulkOperation> ops = new ArrayList<>(events.size());
        for (MoveEvent e : events) {
            if (DUPLICATE.equals(e.kind())) {
                continue;
            }
            String index = Elastic.monthly(elastic.events(), Instant.parse(e.timestamp()));
            // A deterministic id makes a replayed event overwrite itself instead of duplicating.
            String id = eventId(e);
            ops.add(BulkOperation.of(b -> b.index(x -> x.index(index).id(id).document(e))));
        }
        if (ops.isEmpty()) {
            return;
        }
        BulkResponse resp = es.bulk(b -> b.operations(ops));
        if (resp.errors()) {
            BulkResponseItem bad = resp.items().stream().filter(i -> i.error() != null).findFirst().orElseThrow();
            throw new IndexRejectedException("writing events: " + bad.error().reason());
        }
    }

    static String eventId(MoveEvent e) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-1");
            String key = e.mac() + '|' + e.kind() + '|' + e.timestamp() + '|' + e.from() + '|' + e.to();
            return HexFormat.of().formatHex(md.digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private Set<MacAddress> macsIndexedOn(int switchId) throws IOException {
        Set<MacAddress> out = new LinkedHashSet<>();
        List<co.elastic.clients.elasticsearch._types.FieldValue> after = null;
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
