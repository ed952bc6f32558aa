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

    /** Starts a layout from the primary header line: each title word opens a column. */
    ColumnLayout(Tokens header, int lineStart) {
        for (int i = 0; i < header.count(); i++) {
            starts.add(header.start(i) - lineStart);
            names.add(new StringBuilder());
            addWord(header, i, lineStart);
        }
        rename();
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
            int c = i < t.count() ? column(t.start(i) - lineStart) : -1;
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
