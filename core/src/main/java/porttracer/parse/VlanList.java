package porttracer.parse;

import java.util.ArrayList;
import java.util.List;

/**
 * Dell VLAN lists: "6,201,501-516,3939", optionally with the native VLAN in parentheses: "(1),699,4000-4002".
 * Switches print ranges up to 4096 ("2-4096" for all); only the usable IDs 1..4094 are kept.
 */
final class VlanList {
    private static final int MAX_VLAN = 4096;
    private static final int MIN_ID = 1;
    private static final int MAX_ID = 4094;

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
            for (int v = Math.max(from, MIN_ID); v <= Math.min(to, MAX_ID); v++) {
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
        return id(close < 0 ? "" : cell.substring(1, close));
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

    /** A usable VLAN ID (1..4094), or null: OS6 prints VLAN 0 for ports in no VLAN. */
    static Integer id(String s) {
        int n = number(s);
        return n < MIN_ID || n > MAX_ID ? null : n;
    }

    static boolean isId(int n) {
        return n >= MIN_ID && n <= MAX_ID;
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
