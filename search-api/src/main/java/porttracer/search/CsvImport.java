package porttracer.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import porttracer.store.Conflict;
import porttracer.store.NotFound;

/** Applies each data line of an imported CSV on its own: a refused line is reported with its number, the others apply. */
final class CsvImport {

    /** Applies one line, by column name; true when it created a record, false when it updated one. */
    interface Line {
        boolean apply(Map<String, String> cells);
    }

    private CsvImport() {
    }

    /** {@code rows} with the header first; the report is {created, updated, errors [{line, error}]}. */
    static Map<String, Object> each(List<List<String>> rows, Line line) {
        List<String> header = rows.get(0);
        int created = 0;
        int updated = 0;
        List<Map<String, Object>> errors = new ArrayList<>();
        for (int i = 1; i < rows.size(); i++) {
            Map<String, String> cells = new LinkedHashMap<>();
            for (int c = 0; c < header.size() && c < rows.get(i).size(); c++) {
                cells.put(header.get(c), rows.get(i).get(c));
            }
            try {
                if (line.apply(cells)) {
                    created++;
                } else {
                    updated++;
                }
            } catch (ApiError | Conflict | NotFound e) {
                // A line the store refuses (a name or address taken) is that line's error, like a validation one.
                errors.add(Map.of("line", i + 1, "error", e.getMessage()));
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("created", created);
        out.put("updated", updated);
        out.put("errors", errors);
        return out;
    }
}
