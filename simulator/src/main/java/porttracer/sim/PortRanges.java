package porttracer.sim;

import java.util.ArrayList;
import java.util.List;

/**
 * Port lists the way Dell prints them: runs of consecutive ports as ranges ("Gi1/0/1-3", or OS9's
 * "Gi 1/1-3,7" sharing one prefix), wrapped into a fixed-width column with a trailing comma on every
 * line but the last.
 */
final class PortRanges {

    private PortRanges() {
    }

    /** One item per run, each a full name: "Gi1/0/1-3", "Te1/0/1". */
    static List<String> items(List<String> ports) {
        List<String> items = new ArrayList<>();
        for (Group g : groups(ports)) {
            for (String run : g.runs) {
                items.add(g.prefix + run);
            }
        }
        return items;
    }

    /** One item per prefix, its runs after it: "Gi 1/1-3,7". */
    static List<String> sharedPrefixItems(List<String> ports) {
        List<String> items = new ArrayList<>();
        for (Group g : groups(ports)) {
            items.add(g.prefix + String.join(",", g.runs));
        }
        return items;
    }

    /** Items joined with commas, a new line whenever the next item would not fit in {@code width}. */
    static List<String> wrap(List<String> items, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < items.size(); i++) {
            String piece = items.get(i) + (i < items.size() - 1 ? "," : "");
            if (line.length() > 0 && line.length() + piece.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(piece);
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        return lines;
    }

    private record Group(String prefix, List<String> runs) {
    }

    /** Consecutive ports sharing the text before their last number, with that number's runs compressed. */
    private static List<Group> groups(List<String> ports) {
        List<Group> groups = new ArrayList<>();
        String prefix = null;
        List<Integer> numbers = new ArrayList<>();
        for (String port : ports) {
            int cut = port.length();
            while (cut > 0 && Character.isDigit(port.charAt(cut - 1))) {
                cut--;
            }
            String p = port.substring(0, cut);
            if (!p.equals(prefix)) {
                if (prefix != null) {
                    groups.add(new Group(prefix, runs(numbers)));
                }
                prefix = p;
                numbers = new ArrayList<>();
            }
            numbers.add(Integer.parseInt(port.substring(cut)));
        }
        if (prefix != null) {
            groups.add(new Group(prefix, runs(numbers)));
        }
        return groups;
    }

    /** "1-3", "7": runs of consecutive numbers. */
    static List<String> runs(List<Integer> numbers) {
        List<String> runs = new ArrayList<>();
        int i = 0;
        while (i < numbers.size()) {
            int j = i;
            while (j + 1 < numbers.size() && numbers.get(j + 1) == numbers.get(j) + 1) {
                j++;
            }
            runs.add(j == i ? String.valueOf(numbers.get(i)) : numbers.get(i) + "-" + numbers.get(j));
            i = j + 1;
        }
        return runs;
    }
}
