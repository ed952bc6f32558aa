package porttracer.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import porttracer.domain.PortInfo;
import porttracer.domain.PortName;

/**
 * {@code show interfaces status} (OS10, OS9, OS6, PowerConnect both families) and the
 * {@code show interfaces description} tables: a "Port"/"Ch"/"Oob" header, sometimes wrapped on
 * two lines and followed by a ruler, then one row per port. Descriptions and speeds contain
 * spaces, so cells are cut by column position ({@link ColumnLayout}). OS6/PowerConnect wrap a long
 * VLAN cell onto indented continuation lines, which are joined back to the row above.
 */
final class InterfaceStatusParser {
    private static final Set<String> TITLE_WORDS = Set.of("port", "description", "duplex", "speed", "neg", "link",
            "state", "flow", "ctrl", "control", "m", "vlan", "back", "pressure", "mdix", "mode", "type", "channel",
            "ch", "oob", "status", "tagged-vlans");
    private static final Set<String> FIRST_TITLES = Set.of("port", "ch", "oob");

    private final List<PortInfo> rows = new ArrayList<>();
    private final List<String> unparsed = new ArrayList<>();
    private ColumnLayout layout;
    private boolean headerOpen;
    private boolean mdixAbove;
    private boolean modeIsMdix;
    private String[] pending;

    private InterfaceStatusParser() {
    }

    static ParseResult<PortInfo> parse(String output) {
        InterfaceStatusParser p = new InterfaceStatusParser();
        p.read(output);
        return new ParseResult<>(p.rows, p.unparsed);
    }

    private void read(String output) {
        Lines l = new Lines(output);
        Tokens t = new Tokens();
        while (l.next()) {
            if (l.isBlank()) {
                continue;
            }
            t.split(l);
            if (Noise.isSeparator(l)) {
                if (headerOpen) {
                    layout.ruler(t, l.start);
                }
                continue;
            }
            if (allTitleWords(t)) {
                title(t, l.start);
                continue;
            }
            if (Noise.isPromptOrEcho(l)) {
                continue;
            }
            headerOpen = false;
            if (layout == null || !row(layout.cells(t, l.start))) {
                unparsed.add(l.line());
            }
        }
        flush();
    }

    private void title(Tokens t, int lineStart) {
        if (FIRST_TITLES.contains(t.lower(0)) && t.count() >= 2 && t.start(0) == lineStart) {
            flush();
            layout = new ColumnLayout(t, lineStart);
            headerOpen = true;
            modeIsMdix = mdixAbove;
            mdixAbove = false;
        } else if (headerOpen) {
            layout.continuation(t, lineStart);
        } else {
            // PowerConnect Radlan prints "Flow Link Back Mdix" above its header; it makes "Mode" the MDIX mode.
            for (int i = 0; i < t.count(); i++) {
                mdixAbove |= t.is(i, "mdix");
            }
        }
    }

    private boolean row(String[] cells) {
        int vlan = layout.indexOf("vlan");
        if (cells[0] == null) {
            String wrapped = wrappedVlans(cells, vlan);
            if (wrapped == null) {
                return false;
            }
            pending[vlan] = pending[vlan] + wrapped;
            return true;
        }
        if (!looksLikePort(cells[0])) {
            return false;
        }
        flush();
        pending = cells;
        return true;
    }

    /**
     * The text of a VLAN-list continuation line, or null. The wrapped part sits under the VLAN
     * column, though OS6 port-channel tables print it one character early, under "M".
     */
    private String wrappedVlans(String[] cells, int vlan) {
        if (pending == null || vlan < 0 || pending[vlan] == null || !pending[vlan].endsWith(",")) {
            return null;
        }
        String only = null;
        for (int i = 0; i < cells.length; i++) {
            if (cells[i] != null) {
                if (only != null || i < vlan - 1) {
                    return null;
                }
                only = cells[i];
            }
        }
        return only != null && VlanList.expand(only) != null ? only : null;
    }

    private static boolean looksLikePort(String cell) {
        if (cell.equalsIgnoreCase("oob")) {
            return true;
        }
        if (!Character.isLetterOrDigit(cell.charAt(0))) {
            return false;
        }
        for (int i = 0; i < cell.length(); i++) {
            if (Character.isDigit(cell.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private void flush() {
        if (pending == null) {
            return;
        }
        String[] c = pending;
        pending = null;
        int descCol = layout.indexOf("description");
        int vlanCol = layout.indexOf("vlan");
        int taggedCol = layout.indexOf("tagged-vlans");
        String mode = modeIsMdix ? null : mode(cell(c, layout.indexOf("m", "mode")));
        Integer pvid = null;
        List<Integer> vlans = null;
        if (vlanCol >= 0) {
            String v = cell(c, vlanCol);
            pvid = VlanList.nativeOf(v);
            String rest = VlanList.withoutNative(v);
            if (pvid == null && taggedCol >= 0 || pvid == null && rest != null && rest.indexOf(',') < 0
                    && rest.indexOf('-') < 0) {
                pvid = rest == null ? null : VlanList.id(rest);
                rest = taggedCol >= 0 ? cell(c, taggedCol) : null;
            }
            vlans = VlanList.expand(rest);
        }
        rows.add(new PortInfo(PortName.of(c[0]),
                descCol < 0 ? null : c[descCol] == null ? "" : c[descCol],
                link(cell(c, layout.indexOf("link state", "status", "state", "link"))),
                negotiated(cell(c, layout.indexOf("speed"))),
                lower(negotiated(cell(c, layout.indexOf("duplex")))),
                mode, pvid, vlans));
    }

    /** A cell's text, or null when the column is absent or the switch prints a placeholder. */
    private static String cell(String[] cells, int col) {
        if (col < 0 || cells[col] == null) {
            return null;
        }
        String v = cells[col];
        return v.equals("--") || v.equalsIgnoreCase("n/a") || v.equalsIgnoreCase("unknown") ? null : v;
    }

    /** OS9 prints "Auto" as the speed and duplex of a port that has not negotiated any: unknown. */
    private static String negotiated(String v) {
        return v == null || v.equalsIgnoreCase("auto") ? null : v;
    }

    private static String lower(String v) {
        return v == null ? null : v.toLowerCase(Locale.ROOT);
    }

    private static String link(String v) {
        return v == null ? null : v.equalsIgnoreCase("up") ? "up" : "down";
    }

    static String mode(String v) {
        if (v == null) {
            return null;
        }
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "a" -> "access";
            case "t" -> "trunk";
            case "g" -> "general";
            case "h" -> "hybrid";
            default -> v.toLowerCase(Locale.ROOT);
        };
    }

    private static boolean allTitleWords(Tokens t) {
        for (int i = 0; i < t.count(); i++) {
            if (!TITLE_WORDS.contains(t.lower(i))) {
                return false;
            }
        }
        return t.count() > 0;
    }
}
