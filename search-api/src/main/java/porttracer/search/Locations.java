package porttracer.search;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import porttracer.index.Elastic;
import porttracer.store.SwitchStatus;

/**
 * Turns a {@code porttracer-current} document into what one role may see: locations edge first,
 * each with freshness, the classifier's reason, caution badges and port details. An oss user gets
 * no uplink sighting and no VLAN list of a port that is not an access port.
 * Port details are read when the collector writes them on a sighting: {@code description},
 * {@code mode}, {@code pvid}, {@code allowedVlans}, {@code macsOnPort}, and a port-channel's {@code members}.
 */
final class Locations {

    private static final Pattern MAC_COUNT = Pattern.compile("mac count (\\d+)");
    private static final Comparator<Map<String, Object>> EDGE_FIRST =
            Comparator.comparing(l -> !Boolean.TRUE.equals(l.get("edge")));

    private final SwitchDirectory switches;
    private final int maxEdgeMacs;

    Locations(SwitchDirectory switches, int maxEdgeMacs) {
        this.switches = switches;
        this.maxEdgeMacs = maxEdgeMacs;
    }

    /** The whole answer for one MAC's document. */
    Map<String, Object> answer(JsonNode doc, Role role, Instant now) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("mac", text(doc, "mac"));
        out.put("oui", text(doc, "oui"));
        out.put("vendor", text(doc, "vendor"));
        List<String> ips = new ArrayList<>();
        doc.path("ips").forEach(ip -> ips.add(ip.asText()));
        out.put("ips", ips);
        out.put("present", doc.path("present").asBoolean());
        out.put("firstSeen", text(doc, "firstSeen"));
        out.put("lastChanged", text(doc, "lastChanged"));
        List<Map<String, Object>> locations = locations(doc, role, now);
        out.put("locations", locations);
        out.put("stale", locations.stream().anyMatch(l -> Boolean.TRUE.equals(l.get("stale"))));
        JsonNode edge = doc.path("edge");
        if (edge.isObject() && !edge.path("current").asBoolean(true)) {
            Map<String, Object> last = new LinkedHashMap<>();
            last.put("switch", switchRef(edge, role));
            last.put("port", text(edge, "port"));
            last.put("vlan", edge.path("vlan").asInt());
            last.put("edge", true);
            last.put("since", text(edge, "since"));
            out.put("lastKnownEdge", last);
        }
        return out;
    }

    /** The document's sightings this role may see, edge first. */
    List<Map<String, Object>> locations(JsonNode doc, Role role, Instant now) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (JsonNode s : doc.path("sightings")) {
            if (s.path("edge").asBoolean() || role.seesUplinks()) {
                out.add(location(s, role, now));
            }
        }
        out.sort(EDGE_FIRST);
        return out;
    }

    Map<String, Object> location(JsonNode s, Role role, Instant now) {
        SwitchDirectory.Entry entry = switches.get(s.path("switchId").asInt());
        SwitchStatus status = entry == null ? null : entry.status();
        String stale = switches.staleReason(entry, now, role);
        boolean edge = s.path("edge").asBoolean();
        Map<String, Object> loc = new LinkedHashMap<>();
        loc.put("switch", switchRef(s, role));
        loc.put("port", text(s, "port"));
        loc.put("portKey", text(s, "portKey"));
        loc.put("vlan", s.path("vlan").asInt());
        loc.put("edge", edge);
        loc.put("reason", text(s, "reason"));
        loc.put("firstSeen", text(s, "firstSeen"));
        loc.put("lastSeen", status == null || status.lastOkAt() == null ? null : Elastic.time(status.lastOkAt()));
        loc.put("stale", stale != null);
        loc.put("staleReason", stale);
        putPortDetails(loc, s, role);
        if (edge) {
            loc.put("badges", badges(s));
        }
        return loc;
    }

    private static void putPortDetails(Map<String, Object> loc, JsonNode s, Role role) {
        String mode = text(s, "mode");
        if (s.has("description")) {
            loc.put("description", text(s, "description"));
        }
        if (mode != null) {
            loc.put("mode", mode);
        }
        if (s.has("pvid")) {
            loc.put("pvid", s.path("pvid").asInt());
        }
        JsonNode members = s.path("members");
        if (members.isArray()) {
            List<String> names = new ArrayList<>();
            members.forEach(m -> names.add(m.asText()));
            loc.put("members", names);
        }
        JsonNode allowed = s.path("allowedVlans");
        if (!allowed.isMissingNode() && !allowed.isNull() && (role.seesUplinks() || "access".equalsIgnoreCase(mode))) {
            loc.put("allowedVlans", allowed.isTextual() ? allowed.asText() : allowed);
        }
    }

    /** Cautions for an edge location: the port may not lead to one device. */
    private List<Map<String, String>> badges(JsonNode s) {
        List<Map<String, String>> out = new ArrayList<>();
        int macs = macsOnPort(s);
        if (macs >= 2) {
            out.add(badge("several-macs", macs + " MACs on this port"));
        }
        if (macs >= 3) {
            out.add(badge("possible-ap", "an access point, phone or small switch may hang off this port"));
        }
        String mode = text(s, "mode");
        boolean tagged = mode != null && !"access".equalsIgnoreCase(mode);
        if (tagged || macs > maxEdgeMacs / 2) {
            out.add(badge("possible-uplink", tagged ? "the port is a " + mode + " port"
                    : macs + " MACs is close to the uplink threshold of " + maxEdgeMacs));
        }
        return out;
    }

    /** MACs the collector saw on the port: its own count when written, else from the classifier's reason. */
    static int macsOnPort(JsonNode s) {
        if (s.has("macsOnPort")) {
            return s.path("macsOnPort").asInt();
        }
        String reason = text(s, "reason");
        if (reason == null) {
            return 0;
        }
        Matcher m = MAC_COUNT.matcher(reason);
        return m.find() ? Integer.parseInt(m.group(1)) : "single mac".equals(reason) ? 1 : 0;
    }

    private static Map<String, String> badge(String code, String text) {
        Map<String, String> b = new LinkedHashMap<>();
        b.put("code", code);
        b.put("text", text);
        return b;
    }

    static Map<String, Object> switchRef(JsonNode s, Role role) {
        Map<String, Object> sw = new LinkedHashMap<>();
        sw.put("id", s.path("switchId").asInt());
        sw.put("name", text(s, "switchName"));
        if (role.seesManagement()) {
            sw.put("ip", text(s, "host"));
        }
        sw.put("site", text(s, "site"));
        sw.put("floor", text(s, "floor"));
        return sw;
    }

    static String text(JsonNode n, String field) {
        JsonNode v = n.path(field);
        return v.isMissingNode() || v.isNull() ? null : v.asText();
    }
}
