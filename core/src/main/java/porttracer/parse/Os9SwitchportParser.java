package porttracer.parse;

import java.util.ArrayList;
import java.util.List;
import porttracer.domain.PortInfo;
import porttracer.domain.PortName;

/**
 * OS9/FTOS {@code show interfaces switchport}: one block per port ("Name:", "Description:",
 * "802.1QTagged: False|True|Hybrid", a "Q Vlans" membership table of U/T rows, "Native VlanId: N.").
 * A LAG member's name carries its channel in parentheses, "GigabitEthernet 0/24 (Port-channel 2)",
 * which is not part of the port name.
 */
final class Os9SwitchportParser {
    private final List<PortInfo> rows = new ArrayList<>();
    private final List<String> unparsed = new ArrayList<>();
    private String name;
    private String description;
    private String mode;
    private Integer nativeVlan;
    private Integer untagged;
    private List<Integer> tagged;
    private boolean inLegend;

    private Os9SwitchportParser() {
    }

    static ParseResult<PortInfo> parse(String output) {
        Os9SwitchportParser p = new Os9SwitchportParser();
        Lines l = new Lines(output);
        Tokens t = new Tokens();
        while (l.next()) {
            if (l.isBlank()) {
                p.inLegend = false;
                continue;
            }
            if (!p.line(l, t.split(l))) {
                p.unparsed.add(l.line());
            }
        }
        p.flush();
        return new ParseResult<>(p.rows, p.unparsed);
    }

    private boolean line(Lines l, Tokens t) {
        String text = l.line();
        if (text.startsWith("Name:")) {
            flush();
            String n = text.substring(5).strip();
            int paren = n.indexOf('(');
            String port = (paren > 0 ? n.substring(0, paren) : n).strip();
            name = port.isEmpty() ? null : port;
            return name != null;
        }
        if (text.startsWith("Codes:")) {
            inLegend = true;
            return true;
        }
        if (inLegend || Noise.isPromptOrEcho(l)) {
            return true;
        }
        if (name == null) {
            return false;
        }
        if (text.startsWith("Description:")) {
            description = text.substring(12).strip();
            return true;
        }
        if (text.startsWith("802.1QTagged:")) {
            mode = switch (text.substring(13).strip().toLowerCase(java.util.Locale.ROOT)) {
                case "false" -> "access";
                case "true" -> "trunk";
                case "hybrid" -> "hybrid";
                default -> null;
            };
            return mode != null;
        }
        if (text.startsWith("Native VlanId:")) {
            String v = text.substring(14).strip();
            nativeVlan = VlanList.id(v.endsWith(".") ? v.substring(0, v.length() - 1) : v);
            return nativeVlan != null;
        }
        if (text.equals("Vlan membership:") || t.count() == 2 && t.is(0, "Q") && t.is(1, "Vlans")) {
            return true;
        }
        if (t.count() == 2 && t.length(0) == 1) {
            List<Integer> vlans = VlanList.expand(t.get(1));
            if (vlans == null) {
                return false;
            }
            if (t.is(0, "U") && vlans.size() == 1) {
                untagged = vlans.get(0);
            } else {
                // T, and the GVRP/VLT/dot1x-tagged codes of the legend, all carry the VLANs tagged.
                tagged = tagged == null ? new ArrayList<>() : tagged;
                tagged.addAll(vlans);
            }
            return true;
        }
        return false;
    }

    private void flush() {
        if (name != null) {
            rows.add(new PortInfo(PortName.of(name), description, null, null, null, mode,
                    nativeVlan != null ? nativeVlan : untagged, tagged == null ? List.of() : tagged));
        }
        name = null;
        description = null;
        mode = null;
        nativeVlan = null;
        untagged = null;
        tagged = null;
    }
}
