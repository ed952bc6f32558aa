package porttracer.parse;

import java.util.ArrayList;
import java.util.List;
import porttracer.domain.MacAddress;
import porttracer.domain.MacEntry;

/**
 * {@code show mac address-table} (OS10, OS9, OS6, PowerConnect 55xx and FASTPATH-style 62xx/70xx/M-series)
 * and PowerConnect {@code show bridge address-table}. All of them print one row per line under a
 * header; only the column order, the MAC notation and the port spelling differ, and the header
 * says which is which, so one header-driven reader serves every platform.
 */
final class MacTableParser {
    private static final int VLAN = 0;
    private static final int MAC = 1;
    private static final int TYPE = 2;
    private static final int PORT = 3;
    private static final int STATE = 4;

    private static final Header HEADER = new Header()
            .column(VLAN, "vlan", "vlanid", "vlan id")
            .column(MAC, "mac address", "mac")
            .column(TYPE, "type")
            .column(PORT, "port", "ports", "interface")
            .column(STATE, "state");

    private MacTableParser() {
    }

    static ParseResult<MacEntry> parse(String output) {
        List<MacEntry> rows = new ArrayList<>();
        List<String> unparsed = new ArrayList<>();
        Lines lines = new Lines(output);
        Tokens t = new Tokens();
        int[] columns = null;
        int vlanCol = -1;
        int macCol = -1;
        int typeCol = -1;
        int portCol = -1;
        while (lines.next()) {
            if (lines.isBlank()) {
                continue;
            }
            t.split(lines);
            MacEntry row = columns == null ? null : row(t, columns.length, vlanCol, macCol, typeCol, portCol);
            if (row != null) {
                rows.add(row);
                continue;
            }
            int[] header = HEADER.match(t);
            if (header != null && Header.indexOf(header, MAC) >= 0 && Header.indexOf(header, VLAN) >= 0) {
                columns = header;
                vlanCol = Header.indexOf(header, VLAN);
                macCol = Header.indexOf(header, MAC);
                typeCol = Header.indexOf(header, TYPE);
                portCol = Header.indexOf(header, PORT);
            } else if (!isDecoration(lines, t)) {
                unparsed.add(lines.line());
            }
        }
        return new ParseResult<>(rows, unparsed);
    }

    private static MacEntry row(Tokens t, int columns, int vlanCol, int macCol, int typeCol, int portCol) {
        t.mergeSplitPort(portCol, columns);
        if (t.count() != columns) {
            return null;
        }
        int vlan = t.intValue(vlanCol);
        if (!VlanList.isId(vlan)) {
            return null;
        }
        MacAddress mac = MacAddress.tryParse(t.source(), t.start(macCol), t.end(macCol));
        if (mac == null) {
            return null;
        }
        String type = typeCol < 0 ? null : Types.lower(t, typeCol);
        String port = portCol < 0 ? null : t.get(portCol);
        return new MacEntry(mac, vlan, port, type);
    }

    /** Legends ("Codes: ...", "*I - Internal ..."), "Aging time", totals, rulers, prompts, echoes. */
    private static boolean isDecoration(Lines l, Tokens t) {
        return Noise.isSeparator(l) || Noise.isPromptOrEcho(l)
                || Noise.startsWith(l, "Codes:") || Noise.startsWith(l, "Aging time")
                || Noise.startsWith(l, "Total ")
                || (t.count() >= 3 && t.charAt(0, 0) == '*' && t.is(1, "-"));
    }
}
