package porttracer.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import porttracer.domain.LldpNeighbor;
import porttracer.domain.PortName;

/**
 * LLDP neighbour detail: OS10 and OS9 {@code show lldp neighbors detail} ("Remote Chassis ID:"...
 * blocks; OS9 groups them under "Local Interface Gi 2/36 has 1 neighbor") and OS6/PowerConnect
 * FASTPATH {@code show lldp remote-device detail <port>} ("Local Interface: Te1/0/21", "Chassis ID:"...).
 * Unlike the summaries, names are not truncated. System descriptions, MAC/PHY and organisation
 * sections run over several lines, even unindented; their text is skipped up to the next known label.
 * Capabilities are the enabled ones, else the existing/supported ones.
 */
final class LldpDetailParser {
    private static final Set<String> START = Set.of("remote chassis id subtype", "chassis id subtype");
    private static final Set<String> CHASSIS = Set.of("remote chassis id", "chassis id");
    private static final Set<String> PORT = Set.of("remote port id", "port id");
    private static final Set<String> NAME = Set.of("remote system name", "system name");
    private static final Set<String> ENABLED = Set.of("enabled system capabilities", "system capabilities enabled");
    private static final Set<String> EXISTING = Set.of("existing system capabilities", "system capabilities supported");
    /** Labels whose text may continue on the following lines. */
    private static final Set<String> FREE_TEXT = Set.of("remote system desc", "system description",
            "mac phy configuration", "dell organization specific detail", "management address", "vlan names(s)");
    private static final Set<String> OTHER = Set.of("remote port subtype", "port id subtype", "remote port description",
            "port description", "local port id", "locally assigned remote neighbor index", "remote identifier",
            "remote ttl", "time to live", "time since last information change of this neighbor",
            "remote max frame size", "remote mtu", "remote aggregation status", "remote port vlan id", "port and protocol vlan id",
            "the neighbors are given below", "total frames out", "total frames in",
            "total neighbor information age outs", "total multiple neighbors detected", "total frames discarded",
            "total in error frames", "total unrecognized tlvs", "total tlvs discarded");
    private static final String[] SENTENCES = {"Information valid for next", "Next packet will be sent after",
        "LLDP Remote Device Detail", "Remote Management Address"};

    private final List<LldpNeighbor> rows = new ArrayList<>();
    private final List<String> unparsed = new ArrayList<>();
    private String localInterface;
    private String localPortId;
    private String chassis;
    private String port;
    private String name;
    private String enabled;
    private String existing;
    private boolean open;
    private boolean inFreeText;

    private LldpDetailParser() {
    }

    static ParseResult<LldpNeighbor> parse(String output) {
        LldpDetailParser p = new LldpDetailParser();
        Lines.read(output, (l, t) -> p.line(l), p.unparsed);
        p.flush();
        return new ParseResult<>(p.rows, p.unparsed);
    }

    private boolean line(Lines l) {
        if (Noise.isSeparator(l)) {
            inFreeText = false;
            return true;
        }
        String text = l.line();
        if (text.startsWith("Local Interface")) {
            return localInterface(text);
        }
        LabeledLine kv = LabeledLine.of(text);
        String label = kv.label() == null ? "" : kv.label().toLowerCase(java.util.Locale.ROOT);
        if (START.contains(label)) {
            flush();
            open = true;
        } else if (CHASSIS.contains(label)) {
            chassis = kv.valueOrNull();
        } else if (PORT.contains(label)) {
            port = kv.valueOrNull();
        } else if (NAME.contains(label)) {
            name = kv.valueOrNull();
        } else if (ENABLED.contains(label)) {
            enabled = kv.valueOrNull();
        } else if (EXISTING.contains(label)) {
            existing = kv.valueOrNull();
        } else if (label.equals("local port id")) {
            localPortId = kv.valueOrNull();
        } else if (FREE_TEXT.contains(label)) {
            inFreeText = true;
            return true;
        } else if (!OTHER.contains(label) && !isSentence(text)) {
            return inFreeText || Noise.isPromptOrEcho(l);
        }
        inFreeText = false;
        return true;
    }

    /** OS9 "Local Interface Gi 2/36 has 1 neighbor" or OS6 "Local Interface: Te1/0/21". */
    private boolean localInterface(String text) {
        String rest = text.substring("Local Interface".length()).strip();
        if (rest.startsWith(":")) {
            rest = rest.substring(1).strip();
        } else {
            int has = rest.lastIndexOf(" has ");
            if (has < 0) {
                return false;
            }
            rest = rest.substring(0, has).strip();
        }
        if (rest.isEmpty()) {
            return false;
        }
        flush();
        localInterface = rest;
        inFreeText = false;
        return true;
    }

    private static boolean isSentence(String text) {
        for (String s : SENTENCES) {
            if (text.startsWith(s)) {
                return true;
            }
        }
        return false;
    }

    private void flush() {
        String local = localInterface != null ? localInterface : localPortId;
        if (open && local != null && (chassis != null || port != null)) {
            rows.add(new LldpNeighbor(PortName.of(local), chassis, port, name,
                    LldpSummaryParser.capabilities(enabled != null ? enabled : existing)));
        }
        open = false;
        localPortId = null;
        chassis = null;
        port = null;
        name = null;
        enabled = null;
        existing = null;
        inFreeText = false;
    }
}
