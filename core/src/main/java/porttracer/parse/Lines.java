package porttracer.parse;

import java.util.List;

/**
 * Walks the lines of a command's output without copying them: after {@link #next()} the current
 * line is {@code text[start, end)} with trailing blanks and carriage returns already cut off.
 */
final class Lines {
    final String text;
    int start;
    int end;
    private int pos;

    Lines(String text) {
        this.text = text == null ? "" : text;
    }

    boolean next() {
        int len = text.length();
        if (pos >= len) {
            return false;
        }
        int nl = text.indexOf('\n', pos);
        int stop = nl < 0 ? len : nl;
        start = pos;
        end = stop;
        pos = nl < 0 ? len : nl + 1;
        while (end > start && Tokens.isBlank(text.charAt(end - 1))) {
            end--;
        }
        return true;
    }

    /** How a line-at-a-time parser reads one non-blank line: false when it does not understand it. */
    interface Reader {
        boolean read(Lines line, Tokens tokens);
    }

    /** Feeds every non-blank line of {@code output} to {@code reader}; the lines it refuses go to {@code unparsed}. */
    static void read(String output, Reader reader, List<String> unparsed) {
        Lines l = new Lines(output);
        Tokens t = new Tokens();
        while (l.next()) {
            if (!l.isBlank() && !reader.read(l, t.split(l))) {
                unparsed.add(l.line());
            }
        }
    }

    boolean isBlank() {
        for (int i = start; i < end; i++) {
            if (!Tokens.isBlank(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** The current line, trimmed: only materialised for lines that end up unparsed or need text work. */
    String line() {
        int from = start;
        while (from < end && Tokens.isBlank(text.charAt(from))) {
            from++;
        }
        return text.substring(from, end);
    }
}
