package porttracer.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A table header recogniser: it knows the phrases each column may be titled with ("Mac Address",
 * "VlanId"...) and, given a header line, returns the column ids in the order the switch printed
 * them, so rows are read by the header's column order rather than an assumed one.
 */
final class Header {
    private final List<String[]> phrases = new ArrayList<>();
    private final List<Integer> ids = new ArrayList<>();

    /** Registers the (case-insensitive, space-separated) titles of column {@code id}. */
    Header column(int id, String... titles) {
        for (String title : titles) {
            phrases.add(title.toLowerCase(Locale.ROOT).split(" "));
            ids.add(id);
        }
        return this;
    }

    /** Column ids in printed order, or null when the tokens are not (only) known column titles. */
    int[] match(Tokens t) {
        int[] out = new int[t.count()];
        int columns = 0;
        int i = 0;
        while (i < t.count()) {
            int best = -1;
            int bestLen = 0;
            for (int p = 0; p < phrases.size(); p++) {
                String[] words = phrases.get(p);
                if (words.length > bestLen && matchesAt(t, i, words)) {
                    best = p;
                    bestLen = words.length;
                }
            }
            if (best < 0) {
                return null;
            }
            out[columns++] = ids.get(best);
            i += bestLen;
        }
        return columns == 0 ? null : java.util.Arrays.copyOf(out, columns);
    }

    private static boolean matchesAt(Tokens t, int i, String[] words) {
        if (i + words.length > t.count()) {
            return false;
        }
        for (int w = 0; w < words.length; w++) {
            if (!t.is(i + w, words[w])) {
                return false;
            }
        }
        return true;
    }

    static int indexOf(int[] columns, int id) {
        for (int i = 0; i < columns.length; i++) {
            if (columns[i] == id) {
                return i;
            }
        }
        return -1;
    }
}
