package porttracer.parse;

import java.util.Arrays;
import java.util.Locale;

/**
 * The whitespace-separated tokens of one line, kept as offsets into the source text so that
 * splitting a row allocates nothing; callers copy out only the fields they keep.
 */
final class Tokens {
    private String text = "";
    private int count;
    private int[] from = new int[16];
    private int[] to = new int[16];

    static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\u000b' || c == '\u00a0';
    }

    Tokens split(String s, int start, int end) {
        text = s;
        count = 0;
        int i = start;
        while (i < end) {
            while (i < end && isBlank(s.charAt(i))) {
                i++;
            }
            if (i >= end) {
                break;
            }
            int b = i;
            while (i < end && !isBlank(s.charAt(i))) {
                i++;
            }
            if (count == from.length) {
                from = Arrays.copyOf(from, count * 2);
                to = Arrays.copyOf(to, count * 2);
            }
            from[count] = b;
            to[count] = i;
            count++;
        }
        return this;
    }

    Tokens split(Lines lines) {
        return split(lines.text, lines.start, lines.end);
    }

    int count() {
        return count;
    }

    int start(int i) {
        return from[i];
    }

    int end(int i) {
        return to[i];
    }

    String source() {
        return text;
    }

    String get(int i) {
        return text.substring(from[i], to[i]);
    }

    /** Tokens i..j inclusive with the spacing between them as printed. */
    String span(int i, int j) {
        return text.substring(from[i], to[j]);
    }

    int length(int i) {
        return to[i] - from[i];
    }

    char charAt(int i, int offset) {
        return text.charAt(from[i] + offset);
    }

    boolean is(int i, String word) {
        int len = to[i] - from[i];
        return len == word.length() && text.regionMatches(true, from[i], word, 0, len);
    }

    boolean startsWith(int i, String prefix) {
        return to[i] - from[i] >= prefix.length() && text.regionMatches(true, from[i], prefix, 0, prefix.length());
    }

    String lower(int i) {
        return get(i).toLowerCase(Locale.ROOT);
    }

    /** The token as a non-negative decimal int, or -1 when it is not one (or too long to be one). */
    int intValue(int i) {
        int len = to[i] - from[i];
        if (len == 0 || len > 9) {
            return -1;
        }
        int v = 0;
        for (int k = from[i]; k < to[i]; k++) {
            char c = text.charAt(k);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    boolean isLetters(int i) {
        for (int k = from[i]; k < to[i]; k++) {
            if (!Character.isLetter(text.charAt(k))) {
                return false;
            }
        }
        return to[i] > from[i];
    }

    boolean startsWithDigit(int i) {
        char c = text.charAt(from[i]);
        return c >= '0' && c <= '9';
    }

    /** Joins token i with token i + 1 (keeping the text between them), shifting later tokens left. */
    void mergeWithNext(int i) {
        to[i] = to[i + 1];
        System.arraycopy(from, i + 2, from, i + 1, count - i - 2);
        System.arraycopy(to, i + 2, to, i + 1, count - i - 2);
        count--;
    }

    /**
     * OS9 prints ports as "Te 0/32" and PowerConnect/OS6 sometimes "Po 1": when a row has one
     * token more than its header, glue the port column's letters-only token to the number after it.
     */
    boolean mergeSplitPort(int portColumn, int columns) {
        if (count == columns + 1 && portColumn >= 0 && portColumn + 1 < count
                && isLetters(portColumn) && startsWithDigit(portColumn + 1)) {
            mergeWithNext(portColumn);
            return true;
        }
        return false;
    }
}
