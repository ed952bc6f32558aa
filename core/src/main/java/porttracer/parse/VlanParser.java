package porttracer.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import porttracer.domain.PortName;
import porttracer.domain.VlanInfo;

/**
 * {@code show vlan}: OS9 ("NUM Status Description Q Ports", a default-VLAN '*' before the number,
 * one "Q Ports" pair per line, more pairs on continuation lines), OS6 and PowerConnect FASTPATH
 * ("VLAN Name Ports Type [Authorization]") and PowerConnect 55xx ("Vlan Name Tagged Ports UnTagged
 * Ports Type Authorization"). Port lists wrap onto continuation lines under their column; cells
 * are cut by position from the header (and its ruler).
 */
final class VlanParser {
    private final List<VlanInfo> rows = new ArrayList<>();
    private final List<String> unparsed = new ArrayList<>();
    private ColumnLayout layout;
    private boolean headerOpen;
    private boolean inLegend;
    private Row pending;

    /** A VLAN being read: its port lists grow with continuation lines. */
    private static final class Row {
        final int id;
        final String name;
        final String status;
        final String type;
        final List<PortName> ports = new ArrayList<>();
        final List<PortName> tagged;
        final List<PortName> untagged;

        Row(int id, String name, String status, String type, boolean split) {
            this.id = id;
            this.name = name;
            this.status = status;
            this.type = type;
            this.tagged = split ? new ArrayList<>() : null;
            this.untagged = split ? new ArrayList<>() : null;
        }

        VlanInfo done() {
            return new VlanInfo(id, name, status, type, ports, tagged, untagged);
        }
    }

    private VlanParser() {
    }

    static ParseResult<VlanInfo> parse(String output) {
        VlanParser p = new VlanParser();
        Lines.read(output, p::line, p.unparsed);
        p.flush();
        return new ParseResult<>(p.rows, p.unparsed);
    }

    private boolean line(Lines l, Tokens t) {
        if (isHeader(t)) {
            flush();
            layout = new ColumnLayout(t, l.start, "tagged ports", "untagged ports");
            headerOpen = true;
            inLegend = false;
            return true;
        }
        if (Noise.isSeparator(l)) {
            if (headerOpen) {
                layout.ruler(t, l.start);
            }
            return true;
        }
        headerOpen = false;
        if (Noise.startsWith(l, "Codes:")) {
            inLegend = true;
            return true;
        }
        if (inLegend || Noise.isPromptOrEcho(l)) {
            return true;
        }
        return layout != null && row(layout.cells(t, l.start));
    }

    private static boolean isHeader(Tokens t) {
        return t.count() >= 3 && (t.is(0, "vlan") && t.is(1, "name") || t.is(0, "num") && t.is(1, "status"));
    }

    private boolean row(String[] cells) {
        int portsCol = layout.indexOf("ports");
        int taggedCol = layout.indexOf("tagged ports");
        int untaggedCol = layout.indexOf("untagged ports");
        int qCol = layout.indexOf("q");
        if (cells[0] == null) {
            for (int c = 1; c < cells.length; c++) {
                if (cells[c] != null && c != portsCol && c != taggedCol && c != untaggedCol && c != qCol) {
                    return false;
                }
            }
        }
        List<PortName> members = PortList.expand(cell(cells, portsCol));
        List<PortName> tagged = PortList.expand(cell(cells, taggedCol));
        List<PortName> untagged = PortList.expand(cell(cells, untaggedCol));
        char q = qCode(cell(cells, qCol));
        if (members == null || tagged == null || untagged == null || q == '?') {
            return false;
        }
        if (q == 'T') {
            tagged = members;
        } else if (q == 'U') {
            untagged = members;
        }
        if (cells[0] != null) {
            int id = id(cells[0]);
            if (!VlanList.isId(id)) {
                return false;
            }
            flush();
            pending = new Row(id, cell(cells, layout.indexOf("name", "description")),
                    lower(cell(cells, layout.indexOf("status"))), lower(cell(cells, layout.indexOf("type"))),
                    qCol >= 0 || taggedCol >= 0);
        } else if (pending == null || members.isEmpty() && tagged.isEmpty() && untagged.isEmpty()) {
            return false;
        }
        if (q == 0) {
            pending.ports.addAll(members);
        }
        pending.ports.addAll(tagged);
        pending.ports.addAll(untagged);
        if (pending.tagged != null) {
            pending.tagged.addAll(tagged);
            pending.untagged.addAll(untagged);
        }
        return true;
    }

    /** OS9 Q codes: 'U' and the lower-case codes (dot1x, OpenFlow, internal, VLT untagged) are untagged. */
    private static char qCode(String q) {
        if (q == null) {
            return 0;
        }
        if (q.length() != 1 || !Character.isLetter(q.charAt(0))) {
            return '?';
        }
        return q.equals("U") || Character.isLowerCase(q.charAt(0)) ? 'U' : 'T';
    }

    private static int id(String cell) {
        String s = cell.startsWith("*") ? cell.substring(1) : cell;
        return VlanList.number(s);
    }

    private static String cell(String[] cells, int col) {
        return col < 0 || cells[col] == null || cells[col].isBlank() ? null : cells[col];
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }

    private void flush() {
        if (pending != null) {
            rows.add(pending.done());
            pending = null;
        }
    }
}
