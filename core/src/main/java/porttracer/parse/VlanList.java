package porttracer.parse;

import java.util.ArrayList;
import java.util.List;

/** Dell VLAN lists: "6,201,501-516,3939", optionally with the native VLAN in parentheses: "(1),699,4000-4002". */
final class VlanList {
    private static final int MAX_VLAN = 4096;

    private VlanList() {
    }

    /** The VLANs of a list, ranges expanded; null when the text is not a VLAN list. */
    static List<Integer> expand(String text) {
        List<Integer> out = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return out;
        }
        for (String part : text.split(",")) {
            String p = part.strip();
            if (p.isEmpty()) {
                continue;
            }
            int dash = p.indexOf('-');
            int from = number(dash < 0 ? p : p.substring(0, dash));
            int to = dash < 0 ? from : number(p.substring(dash + 1));
            if (from < 0 || to < from || to > MAX_VLAN) {
                return null;
            }
            for (int v = from; v <= to; v++) {
                out.add(v);
            }
        }
        return out;
    }

    /** The parenthesised native VLAN of an OS6/PowerConnect status VLAN cell, or null. */
    static Integer nativeOf(String cell) {
        if (cell == null || !cell.startsWith("(")) {
            return null;
        }
        int close = cell.indexOf(')');
        int v = close < 0 ? -1 : number(cell.substring(1, close));
        return v < 0 ? null : v;
    }

    /** The cell without its parenthesised native VLAN. */
    static String withoutNative(String cell) {
        if (cell == null || !cell.startsWith("(")) {
            return cell;
        }
        int close = cell.indexOf(')');
        String rest = close < 0 ? "" : cell.substring(close + 1);
        return rest.startsWith(",") ? rest.substring(1) : rest;
    }

    static int number(String s) {
        String t = s.strip();
        if (t.isEmpty() || t.length() > 9) {
            return -1;
        }
        for (int i = 0; i < t.length(); i++) {
            if (t.charAt(i) < '0' || t.charAt(i) > '9') {
                return -1;
            }
        }
        return Integer.parseInt(t);
    }
}
