package porttracer.sim;

import java.util.List;
import porttracer.domain.PortInfo;

/** Column helpers for fixed-width CLI tables. */
final class Text {

    private Text() {
    }

    static String left(Object value, int width) {
        String s = String.valueOf(value);
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }

    static String right(Object value, int width) {
        String s = String.valueOf(value);
        return s.length() >= width ? s : " ".repeat(width - s.length()) + s;
    }

    /** Centred, any odd space going to the right. */
    static String center(Object value, int width) {
        String s = String.valueOf(value);
        if (s.length() >= width) {
            return s;
        }
        int pad = width - s.length();
        return " ".repeat(pad / 2) + s + " ".repeat(pad - pad / 2);
    }

    /** A row of centred columns, each followed by one space (the PowerConnect 55xx table style). */
    static String centeredRow(int[] widths, String... values) {
        StringBuilder row = new StringBuilder();
        for (int i = 0; i < widths.length; i++) {
            row.append(center(values[i], widths[i])).append(' ');
        }
        return row.append('\n').toString();
    }

    static String dashes(int[] widths) {
        String[] values = new String[widths.length];
        for (int i = 0; i < widths.length; i++) {
            values[i] = "-".repeat(widths[i]);
        }
        return centeredRow(widths, values);
    }

    /** A {@code show interfaces description} table: the header lines, then each port and its description. */
    static String descriptionTable(String header, int portWidth, List<PortInfo> ports) {
        StringBuilder out = new StringBuilder(header);
        for (PortInfo p : ports) {
            out.append((left(p.port().raw(), portWidth) + p.description()).stripTrailing()).append('\n');
        }
        return out.toString();
    }

    static String capitalized(String word) {
        return word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
