package porttracer.index;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import porttracer.domain.MacAddress;
import porttracer.domain.Sighting;
import porttracer.index.LocationDoc.EdgeDoc;
import porttracer.index.LocationDoc.SightingDoc;
import porttracer.store.SwitchRecord;
import porttracer.vendor.OuiRegistry;

/**
 * How one switch's sightings of a MAC fold into its {@code porttracer-current} document: which port is its
 * edge, and which appeared / moved / disappeared events that makes. Pure: no I/O, so {@code MergeTest} runs
 * it without Elasticsearch and the writer can fold several switches' sightings before one write.
 */
final class LocationMerge {

    private static final Comparator<SightingDoc> EDGE_FIRST = Comparator.comparing((SightingDoc s) -> !s.edge())
            .thenComparing(SightingDoc::switchName).thenComparing(SightingDoc::portKey).thenComparingInt(SightingDoc::vlan);

    private final OuiRegistry vendors;

    /** {@code vendors} may be null: documents then carry no vendor name. */
    LocationMerge(OuiRegistry vendors) {
        this.vendors = vendors;
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
        if (existing != null && merged.equals(sortedCopy(old)) && Objects.equals(ips, existing.ips())
                && Objects.equals(vendor, existing.vendor())) {
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
            events.add(event(now, LocationIndex.DUPLICATE, mac, vendor, edges.get(0).vlan(), edges.get(0).asEdge(true),
                    edges.get(1).asEdge(true)));
        }
        if (!present && wasPresent && prevEdge != null) {
            events.add(event(now, "disappeared", mac, vendor, prevEdge.vlan(), prevEdge, null));
        }
        String firstSeen = existing == null ? now : existing.firstSeen();
        return new LocationDoc(mac.toString(), mac.bare(), oui, vendor, ips, present, firstSeen, now, edge, merged);
    }

    /** A content-derived id: a replayed event overwrites itself instead of duplicating. */
    static String eventId(MoveEvent e) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-1");
            String key = e.mac() + '|' + e.kind() + '|' + e.timestamp() + '|' + e.from() + '|' + e.to();
            return HexFormat.of().formatHex(md.digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
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
}
