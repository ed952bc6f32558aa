package porttracer.parse;

import java.util.ArrayList;
import java.util.List;
import porttracer.domain.ArpEntry;
import porttracer.domain.MacAddress;
import porttracer.domain.PortName;

/**
 * {@code show arp} on OS9 ("Protocol Address Age(min) Hardware Address Interface VLAN CPU"),
 * OS6/PowerConnect FASTPATH ("IP Address MAC Address Interface Type Age", after a block of
 * "Age Time ....." settings) and PowerConnect 55xx ("VLAN Interface IP address HW address status").
 * Rows are read by the header's column order; interface names printed in two words ("Po 1",
 * "Vl 2", "vlan 1141") are glued back first, and a FASTPATH age ("0h 13m 33s") may span tokens.
 */
final class ArpParser {
    private static final int PROTOCOL = 0;
    private static final int IP = 1;
    private static final int AGE = 2;
    private static final int MAC = 3;
    private static final int IFACE = 4;
    private static final int VLAN = 5;
    private static final int CPU = 6;
    private static final int TYPE = 7;

    private static final Header HEADER = new Header()
            .column(PROTOCOL, "protocol")
            .column(IP, "address", "ip address")
            .column(AGE, "age(min)", "age")
            .column(MAC, "hardware address", "mac address", "hw address")
            .column(IFACE, "interface")
            .column(VLAN, "vlan")
            .column(CPU, "cpu")
            .column(TYPE, "type", "status");

    private ArpParser() {
    }

    static ParseResult<ArpEntry> parse(String output) {
        List<ArpEntry> rows = new ArrayList<>();
        List<String> unparsed = new ArrayList<>();
        Lines l = new Lines(output);
        Tokens t = new Tokens();
        int[] columns = null;
        while (l.next()) {
            if (l.isBlank()) {
                continue;
            }
            t.split(l);
            int[] header = HEADER.match(t);
            if (header != null && Header.indexOf(header, MAC) >= 0) {
                columns = header;
                continue;
            }
            ArpEntry row = columns == null ? null : row(t, columns);
            if (row != null) {
                rows.add(row);
            } else if (!isDecoration(l, t.split(l))) {
                unparsed.add(l.line());
            }
        }
        return new ParseResult<>(rows, unparsed);
    }

    private static ArpEntry row(Tokens t, int[] columns) {
        for (int i = 0; i + 1 < t.count(); i++) {
            if (t.isLetters(i) && t.startsWithDigit(i + 1) && PortName.isTypeWord(t.get(i))) {
                t.mergeWithNext(i);
            }
        }
        boolean ageLast = columns[columns.length - 1] == AGE;
        if (t.count() < columns.length || t.count() > columns.length && !ageLast) {
            return null;
        }
        String ip = null;
        MacAddress mac = null;
        String iface = null;
        Integer vlan = null;
        String type = null;
        for (int c = 0; c < columns.length; c++) {
            switch (columns[c]) {
                case IP -> ip = isIpv4(t.get(c)) ? t.get(c) : null;
                case MAC -> mac = MacAddress.tryParse(t.source(), t.start(c), t.end(c));
                case IFACE -> iface = t.is(c, "-") ? null : t.get(c);
                case VLAN -> vlan = vlanOf(t.get(c));
                case TYPE -> type = Types.lower(t, c);
                default -> { }
            }
        }
        if (ip == null || mac == null) {
            return null;
        }
        if (vlan == null && iface != null) {
            vlan = vlanOf(iface);
        }
        return new ArpEntry(ip, mac, iface, vlan, type);
    }

    /** The VLAN number of "Vl 2", "vlan 1141", "Vl3840"; null for "-" or any other name. */
    private static Integer vlanOf(String name) {
        if (name.equals("-")) {
            return null;
        }
        String key = PortName.keyOf(name);
        if (!key.startsWith("vlan")) {
            return null;
        }
        return VlanList.id(key.substring(4));
    }

    static boolean isIpv4(String s) {
        String[] parts = s.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String p : parts) {
            int n = VlanList.number(p);
            if (n < 0 || n > 255 || p.length() > 3) {
                return false;
            }
        }
        return true;
    }

    /** "Label..... value" (or "Label .. value") starting with a letter and holding no MAC: never a row. */
    private static boolean isSetting(Lines l, Tokens t) {
        int dots = l.text.indexOf("..", l.start);
        if (dots < 0 || dots >= l.end || t.count() == 0 || !Character.isLetter(t.charAt(0, 0))) {
            return false;
        }
        for (int i = 0; i < t.count(); i++) {
            if (MacAddress.tryParse(t.source(), t.start(i), t.end(i)) != null) {
                return false;
            }
        }
        return true;
    }

    /** Prompts, rulers, the FASTPATH settings block ("Age Time (seconds)..... 1200") and its static-ARP note. */
    private static boolean isDecoration(Lines l, Tokens t) {
        return Noise.isSeparator(l) || Noise.isPromptOrEcho(l) || isSetting(l, t)
                || Noise.startsWith(l, "Static ARP entries are only active")
                || Noise.startsWith(l, "when the IP address is reachable");
    }
}
