package porttracer.parse;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import porttracer.domain.LldpNeighbor;
import porttracer.domain.PortName;

/**
 * LLDP neighbour summary tables: OS10/OS9 {@code show lldp neighbors} ("Loc PortID  Rem Host Name
 * Rem Port Id  Rem Chassis Id"), OS6/PowerConnect FASTPATH {@code show lldp remote-device all}
 * ("Local" over "Interface RemID Chassis ID Port ID System Name"; ports without a neighbour are
 * listed alone and skipped) and PowerConnect 55xx {@code show lldp neighbors} ("Port Device ID
 * Port ID System Name Capabilities TTL"). Cells hold spaces ("B, R"), so they are cut by position.
 */
final class LldpSummaryParser {
    private static final String[] PHRASES = {
        "loc portid", "rem host name", "rem port id", "rem chassis id", "chassis id", "port id", "system name",
        "device id",
    };

    private LldpSummaryParser() {
    }

    static ParseResult<LldpNeighbor> parse(String output) {
        List<LldpNeighbor> rows = new ArrayList<>();
        List<String> unparsed = new ArrayList<>();
        Lines l = new Lines(output);
        Tokens t = new Tokens();
        ColumnLayout layout = null;
        boolean headerOpen = false;
        while (l.next()) {
            if (l.isBlank()) {
                continue;
            }
            t.split(l);
            if (isHeader(t)) {
                layout = new ColumnLayout(t, l.start, PHRASES);
                headerOpen = true;
                continue;
            }
            if (Noise.isSeparator(l)) {
                if (headerOpen) {
                    layout.ruler(t, l.start);
                }
                continue;
            }
            headerOpen = false;
            if (Noise.isPromptOrEcho(l) || Noise.startsWith(l, "LLDP Remote Device Summary")
                    || t.count() == 1 && t.is(0, "Local")) {
                continue;
            }
            String[] cells = layout == null ? null : layout.cells(t, l.start);
            if (cells == null || cells[0] == null) {
                unparsed.add(l.line());
                continue;
            }
            int chassis = layout.indexOf("rem chassis id", "chassis id", "device id");
            int port = layout.indexOf("rem port id", "port id");
            if (cell(cells, chassis) == null && cell(cells, port) == null) {
                continue;
            }
            rows.add(new LldpNeighbor(PortName.of(cells[0]), cell(cells, chassis), cell(cells, port),
                    cell(cells, layout.indexOf("rem host name", "system name")),
                    capabilities(cell(cells, layout.indexOf("capabilities")))));
        }
        return new ParseResult<>(rows, unparsed);
    }

    private static boolean isHeader(Tokens t) {
        return t.count() >= 3 && (t.is(0, "Loc") && t.is(1, "PortID") || t.is(0, "Interface") && t.is(1, "RemID")
                || t.is(0, "Port") && t.is(1, "Device") && t.is(2, "ID"));
    }

    private static String cell(String[] cells, int col) {
        if (col < 0 || cells[col] == null || cells[col].equalsIgnoreCase("Not Advertised")) {
            return null;
        }
        return cells[col];
    }

    /** LLDP capability letters ("B, R") or words ("Bridge, Router") as lower-case names. */
    static Set<String> capabilities(String text) {
        Set<String> out = new LinkedHashSet<>();
        if (text == null) {
            return out;
        }
        for (String part : text.split("[,\\s]+")) {
            String p = part.strip();
            if (p.isEmpty()) {
                continue;
            }
            out.add(switch (p) {
                case "O" -> "other";
                case "P", "r" -> "repeater";
                case "B" -> "bridge";
                case "W" -> "wlan-access-point";
                case "R" -> "router";
                case "T" -> "telephone";
                case "C" -> "docsis-cable-device";
                case "S" -> "station-only";
                default -> p.toLowerCase(Locale.ROOT);
            });
        }
        return out;
    }
}
