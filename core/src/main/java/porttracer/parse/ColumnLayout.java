package porttracer.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Position-driven columns for tables whose cells may contain spaces (descriptions, "10000 Mbit",
 * "Not Present"). Columns start where the header's titles start or, when a dashed ruler follows
 * the header, where its dash groups start; titles wrapped onto a second header line ("Link" over
 * "State") are joined. A row token belongs to the column its first character falls in.
 */
final class ColumnLayout {
    private final List<Integer> starts = new ArrayList<>();
    private final List<StringBuilder> names = new ArrayList<>();
    private final List<int[]> words = new ArrayList<>();
    private final List<String> wordText = new ArrayList<>();

    /**
     * Starts a layout from the primary header line: each title opens a column, a title being one
     * word or one of the multi-word {@code phrases} ("rem host name").
     */
    ColumnLayout(Tokens header, int lineStart, String... phrases) {
        int i = 0;
        while (i < header.count()) {
            starts.add(header.start(i) - lineStart);
            names.add(new StringBuilder());
            int words = Math.max(1, phraseAt(header, i, phrases));
            for (int w = 0; w < words; w++) {
                addWord(header, i + w, lineStart);
            }
            i += words;
        }
        rename();
    }

    private static int phraseAt(Tokens t, int i, String[] phrases) {
        int best = 0;
        for (String phrase : phrases) {
            String[] words = phrase.split(" ");
            boolean match = i + words.length <= t.count();
            for (int w = 0; match && w < words.length; w++) {
                match = t.is(i + w, words[w]);
            }
            if (match && words.length > best) {
                best = words.length;
            }
        }
        return best;
    }

    /** A wrapped second header line: its words extend the titles above them. */
    void continuation(Tokens line, int lineStart) {
        for (int i = 0; i < line.count(); i++) {
            addWord(line, i, lineStart);
        }
        rename();
    }

    /** A dashed ruler under the header: when it has one group per column or more, it fixes the boundaries. */
    boolean ruler(Tokens line, int lineStart) {
        if (line.count() < 2) {
            return false;
        }
        starts.clear();
        names.clear();
        for (int i = 0; i < line.count(); i++) {
            starts.add(line.start(i) - lineStart);
            names.add(new StringBuilder());
        }
        rename();
        return true;
    }

    private void addWord(Tokens t, int i, int lineStart) {
        words.add(new int[] {t.start(i) - lineStart});
        wordText.add(t.get(i).toLowerCase(Locale.ROOT));
    }

    private void rename() {
        for (StringBuilder n : names) {
            n.setLength(0);
        }
        for (int w = 0; w < words.size(); w++) {
            StringBuilder n = names.get(column(words.get(w)[0]));
            if (n.length() > 0) {
                n.append(' ');
            }
            n.append(wordText.get(w));
        }
    }

    int size() {
        return starts.size();
    }

    /** The column a character position (relative to the line start) falls in. */
    int column(int pos) {
        int c = 0;
        while (c + 1 < starts.size() && starts.get(c + 1) <= pos) {
            c++;
        }
        return c;
    }

    /**
     * The column of token i. Some tables (OS10 LLDP, OS6 port-channel VLANs) print a cell one
     * character left of its title: a token that starts just before a boundary, after a run of
     * blanks, belongs to the column on the right.
     */
    private int column(Tokens t, int i, int lineStart) {
        int pos = t.start(i) - lineStart;
        int c = column(pos);
        boolean spaced = i == 0 || t.start(i) - t.end(i - 1) >= 2;
        if (c + 1 < starts.size() && starts.get(c + 1) == pos + 1 && spaced) {
            return c + 1;
        }
        return c;
    }

    String name(int column) {
        return names.get(column).toString();
    }

    /** The first column whose title equals one of {@code titles}, or -1. */
    int indexOf(String... titles) {
        for (String title : titles) {
            for (int c = 0; c < names.size(); c++) {
                if (names.get(c).toString().equals(title)) {
                    return c;
                }
            }
        }
        return -1;
    }

    /** Splits a row into one trimmed cell per column (null where the row prints nothing). */
    String[] cells(Tokens t, int lineStart) {
        String[] cells = new String[starts.size()];
        int first = -1;
        int col = -1;
        for (int i = 0; i <= t.count(); i++) {
            int c = i < t.count() ? column(t, i, lineStart) : -1;
            if (c != col) {
                if (col >= 0) {
                    cells[col] = cells[col] == null ? t.span(first, i - 1) : cells[col] + " " + t.span(first, i - 1);
                }
                first = i;
                col = c;
            }
        }
        return cells;
    }
}
