package porttracer.parse;

import java.util.ArrayList;
import java.util.List;
import porttracer.domain.PortName;

/**
 * Dell port lists as {@code show vlan} prints them, ranges expanded: "Te1/0/3-20,Te1/0/22",
 * "Po1-49", "1/g2-1/g22", "gi1/0/1-46,te1/0/1-2", and OS9's "Te 0/0-9,45-47" where one type word
 * and slot prefix cover every number after them. Expanded names keep the printed spelling.
 */
final class PortList {
    /** Longer ranges are not port ranges; refusing them bounds the work garbage input can cause. */
    private static final int MAX_RANGE = 512;

    private PortList() {
    }

    /** The ports of a list, or null when the text is not a port list. */
    static List<PortName> expand(String text) {
        List<PortName> out = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return out;
        }
        String list = text.strip();
        String type = "";
        int space = list.indexOf(' ');
        if (space > 0) {
            String word = list.substring(0, space);
            if (!PortName.isTypeWord(word)) {
                return null;
            }
            type = word + " ";
            list = list.substring(space + 1).strip();
        }
        String prefix = null;
        for (String part : list.split(",", -1)) {
            String item = part.strip();
            if (item.isEmpty()) {
                continue;
            }
            int dash = rangeDash(item);
            String left = dash < 0 ? item : item.substring(0, dash);
            String right = dash < 0 ? null : item.substring(dash + 1);
            int digits = trailingDigits(left);
            if (digits == left.length()) {
                if (prefix == null) {
                    return null;
                }
            } else {
                prefix = left.substring(0, left.length() - digits);
            }
            int from = VlanList.number(left.substring(left.length() - digits));
            int to = right == null ? from : end(right, prefix);
            if (from < 0 || to < from || to - from > MAX_RANGE || !hasPortShape(type + prefix + from)) {
                return null;
            }
            for (int n = from; n <= to; n++) {
                out.add(PortName.of(type + prefix + n));
            }
        }
        return out;
    }

    /** The '-' of "a-b" when both sides end in digits ("port-channel1" has no range dash). */
    private static int rangeDash(String item) {
        int dash = item.lastIndexOf('-');
        if (dash <= 0 || dash == item.length() - 1 || !Character.isDigit(item.charAt(dash - 1))
                || !Character.isDigit(item.charAt(item.length() - 1))) {
            return -1;
        }
        return dash;
    }

    /** A range end: a bare number, or a full name with the same prefix ("1/g22" after "1/g2"). */
    private static int end(String right, String prefix) {
        int digits = trailingDigits(right);
        if (digits == 0) {
            return -1;
        }
        if (digits < right.length() && !right.substring(0, right.length() - digits).equalsIgnoreCase(prefix)) {
            return -1;
        }
        return VlanList.number(right.substring(right.length() - digits));
    }

    private static int trailingDigits(String s) {
        int i = s.length();
        while (i > 0 && Character.isDigit(s.charAt(i - 1))) {
            i--;
        }
        return s.length() - i;
    }

    /** Letters, digits and the separators Dell port names use. */
    private static boolean hasPortShape(String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(c < 128 && Character.isLetterOrDigit(c) || c == '/' || c == ':' || c == '-' || c == ' ')) {
                return false;
            }
        }
        return true;
    }
}
