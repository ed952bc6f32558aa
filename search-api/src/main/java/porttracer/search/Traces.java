package porttracer.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.GetResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import porttracer.domain.MacAddress;
import porttracer.index.Elastic;
import porttracer.index.LocationDoc;
import porttracer.index.LocationDoc.SightingDoc;
import porttracer.store.SwitchStatus;

/** Answers "where is this MAC" from the index: one get by document id, then freshness and role filter. */
final class Traces {

    private final ElasticsearchClient es;
    private final String current;
    private final SwitchDirectory switches;

    Traces(Elastic elastic, SwitchDirectory switches) {
        this.es = elastic.client();
        this.current = elastic.current();
        this.switches = switches;
    }

    /** The trace answer as a JSON-ready map, or null when the MAC was never seen. */
    Map<String, Object> trace(MacAddress mac, Role role) throws IOException {
        GetResponse<LocationDoc> got = es.get(g -> g.index(current).id(mac.bare()), LocationDoc.class);
        if (!got.found() || got.source() == null) {
            return null;
        }
        LocationDoc doc = got.source();
        Instant now = Instant.now();
        List<Map<String, Object>> locations = new ArrayList<>();
        for (SightingDoc s : doc.sightings()) {
            if (!s.edge() && !role.seesUplinks()) {
                continue;
            }
            locations.add(location(s, now));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("mac", doc.mac());
        out.put("oui", doc.oui());
        out.put("vendor", doc.vendor());
        out.put("ips", doc.ips() == null ? List.of() : doc.ips());
        out.put("present", doc.present());
        out.put("firstSeen", doc.firstSeen());
        out.put("lastChanged", doc.lastChanged());
        out.put("locations", locations);
        if (doc.edge() != null && !doc.edge().current()) {
            var e = doc.edge();
            Map<String, Object> last = new LinkedHashMap<>();
            last.put("switch", switchRef(e.switchId(), e.switchName(), e.host(), e.site(), e.floor()));
            last.put("port", e.port());
            last.put("vlan", e.vlan());
            last.put("edge", true);
            last.put("since", e.since());
            out.put("lastKnownEdge", last);
        }
        return out;
    }

    private Map<String, Object> location(SightingDoc s, Instant now) {
        SwitchDirectory.Entry entry = switches.get(s.switchId());
        SwitchStatus status = entry == null ? null : entry.status();
        String stale = switches.staleReason(entry, now);
        Map<String, Object> loc = new LinkedHashMap<>();
        loc.put("switch", switchRef(s.switchId(), s.switchName(), s.host(), s.site(), s.floor()));
        loc.put("port", s.port());
        loc.put("portKey", s.portKey());
        loc.put("vlan", s.vlan());
        loc.put("edge", s.edge());
        loc.put("reason", s.reason());
        loc.put("firstSeen", s.firstSeen());
        loc.put("lastSeen", status == null || status.lastOkAt() == null ? null : Elastic.time(status.lastOkAt()));
        loc.put("stale", stale != null);
        if (stale != null) {
            loc.put("staleReason", stale);
        }
        return loc;
    }

    private static Map<String, Object> switchRef(int id, String name, String host, String site, String floor) {
        Map<String, Object> sw = new LinkedHashMap<>();
        sw.put("id", id);
        sw.put("name", name);
        sw.put("ip", host);
        sw.put("site", site);
        sw.put("floor", floor);
        return sw;
    }
}
