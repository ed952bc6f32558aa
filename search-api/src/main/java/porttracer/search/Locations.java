package porttracer.search;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import porttracer.index.Elastic;
import porttracer.index.LocationDoc;
import porttracer.index.LocationDoc.EdgeDoc;
import porttracer.index.LocationDoc.SightingDoc;
import porttracer.store.SwitchStatus;

/**
 * Turns a {@code porttracer-current} document into what one role may see: locations edge first,
 * each with freshness, the classifier's reason, caution badges and port details. An oss user gets
 * no uplink sighting and no VLAN list of a port that is not an access port. Badges count the MACs
 * from the sighting's {@code macsOnPort}, never from the reason text (which is for people): a
 * sighting written before the collector wrote the count gets no count badge until its switch's next poll.
 */
final class Locations {

    private static final Comparator<LocationView> EDGE_FIRST = Comparator.comparing(l -> !l.edge());

    private final SwitchDirectory switches;
    private final int maxEdgeMacs;

    Locations(SwitchDirectory switches, int maxEdgeMacs) {
        this.switches = switches;
        this.maxEdgeMacs = maxEdgeMacs;
    }

    /** The whole answer for one MAC's document. */
    TraceAnswer answer(LocationDoc doc, Role role, Instant now) {
        List<LocationView> locations = locations(doc, role, now);
        EdgeDoc edge = doc.edge();
        TraceAnswer.LastKnownEdge last = edge == null || edge.current() ? null
                : new TraceAnswer.LastKnownEdge(SwitchRef.of(edge.switchId(), edge.switchName(), edge.host(),
                edge.site(), edge.floor(), role), edge.port(), edge.vlan(), true, edge.since());
        return new TraceAnswer(null, doc.mac(), doc.oui(), doc.vendor(), doc.ips() == null ? List.of() : doc.ips(),
                doc.present(), doc.firstSeen(), doc.lastChanged(), locations,
                locations.stream().anyMatch(LocationView::stale), last, null);
    }

    /** The document's sightings this role may see, edge first. */
    List<LocationView> locations(LocationDoc doc, Role role, Instant now) {
        List<LocationView> out = new ArrayList<>();
        for (SightingDoc s : sightings(doc)) {
            if (s.edge() || role.seesUplinks()) {
                out.add(location(s, role, now));
            }
        }
        out.sort(EDGE_FIRST);
        return out;
    }

    static List<SightingDoc> sightings(LocationDoc doc) {
        return doc.sightings() == null ? List.of() : doc.sightings();
    }

    LocationView location(SightingDoc s, Role role, Instant now) {
        SwitchDirectory.Entry entry = switches.get(s.switchId());
        SwitchStatus status = entry == null ? null : entry.status();
        String stale = switches.staleReason(entry, now, role);
        boolean showVlans = role.seesUplinks() || "access".equalsIgnoreCase(s.mode());
        return new LocationView(switchRef(s, role), s.port(), s.portKey(), s.vlan(), s.edge(), s.reason(),
                s.firstSeen(), status == null || status.lastOkAt() == null ? null : Elastic.time(status.lastOkAt()),
                stale != null, stale, s.description(), s.mode(), s.pvid(), s.members(),
                showVlans ? s.allowedVlans() : null, s.macsOnPort(), s.edge() ? badges(s, maxEdgeMacs) : null);
    }

    /** Cautions for an edge location: the port may not lead to one device. */
    static List<Badge> badges(SightingDoc s, int maxEdgeMacs) {
        List<Badge> out = new ArrayList<>();
        int macs = s.macsOnPort() == null ? 0 : s.macsOnPort();
        if (macs >= 2) {
            out.add(new Badge("several-macs", macs + " MACs on this port"));
        }
        if (macs >= 3) {
            out.add(new Badge("possible-ap", "an access point, phone or small switch may hang off this port"));
        }
        String mode = s.mode();
        boolean tagged = mode != null && !"access".equalsIgnoreCase(mode);
        if (tagged || macs > maxEdgeMacs / 2) {
            out.add(new Badge("possible-uplink", tagged ? "the port is a " + mode + " port"
                    : macs + " MACs is close to the uplink threshold of " + maxEdgeMacs));
        }
        return out;
    }

    static SwitchRef switchRef(SightingDoc s, Role role) {
        return SwitchRef.of(s.switchId(), s.switchName(), s.host(), s.site(), s.floor(), role);
    }
}
