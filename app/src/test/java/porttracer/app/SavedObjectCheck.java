package porttracer.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks Kibana saved objects (data views, Lens, saved searches) against the index templates:
 * every field they name exists in the template behind their data view, with a type the
 * operation can use. Collects problems rather than stopping at the first.
 */
final class SavedObjectCheck {

    static final Set<String> DATE = Set.of("date", "date_nanos");
    static final Set<String> NUMERIC = Set.of("long", "integer", "short", "byte", "double", "float", "half_float",
            "scaled_float", "unsigned_long");
    static final Set<String> GROUPABLE = union(NUMERIC, Set.of("keyword", "constant_keyword", "boolean", "ip"));

    /** What a Lens column's {@code dataType} must be for a field of each mapping type. */
    private static String lensType(String mapping) {
        if (DATE.contains(mapping)) {
            return "date";
        }
        if (NUMERIC.contains(mapping)) {
            return "number";
        }
        return switch (mapping) {
            case "boolean" -> "boolean";
            case "ip" -> "ip";
            default -> "string";
        };
    }

    private static final Pattern KQL_FIELD = Pattern.compile("([A-Za-z_@][\\w.@]*)\\s*(?::|>=|<=|>|<)");
    private static final Pattern QUOTED = Pattern.compile("\"(?:\\\\.|[^\"\\\\])*\"");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final IndexTemplates templates;
    private final Map<String, JsonNode> dataViews = new HashMap<>();
    private final List<String> problems = new ArrayList<>();

    SavedObjectCheck(IndexTemplates templates, List<JsonNode> objects) {
        this.templates = templates;
        for (JsonNode o : objects) {
            if ("index-pattern".equals(o.path("type").asText())) {
                dataViews.put(o.path("id").asText(), o);
            }
        }
    }

    List<String> check(List<JsonNode> objects) {
        for (JsonNode o : objects) {
            String where = o.path("type").asText() + " " + o.path("id").asText();
            switch (o.path("type").asText()) {
                case "index-pattern" -> checkDataView(where, o);
                case "lens" -> checkLens(where, o);
                case "search" -> checkSearch(where, o);
                default -> {
                }
            }
        }
        return problems;
    }

    private void checkDataView(String where, JsonNode o) {
        String title = o.path("attributes").path("title").asText();
        Map<String, String> fields = fieldsOf(where, title);
        String time = o.path("attributes").path("timeFieldName").asText("");
        if (fields != null && !time.isEmpty()) {
            need(where, "time field", fields, time, DATE);
        }
    }

    private void checkLens(String where, JsonNode o) {
        JsonNode state = o.path("attributes").path("state");
        JsonNode layers = state.path("datasourceStates").path("formBased").path("layers");
        if (layers.isMissingNode() || layers.isEmpty()) {
            problems.add(where + ": no formBased layers");
            return;
        }
        Map<String, String> firstLayerFields = null;
        for (var it = layers.fields(); it.hasNext(); ) {
            var layer = it.next();
            Map<String, String> fields = fieldsOfReference(where, o, "indexpattern-datasource-layer-" + layer.getKey());
            if (fields == null) {
                continue;
            }
            firstLayerFields = firstLayerFields == null ? fields : firstLayerFields;
            for (var c = layer.getValue().path("columns").fields(); c.hasNext(); ) {
                var col = c.next();
                checkColumn(where + " column " + col.getKey(), col.getValue(), fields);
            }
        }
        if (firstLayerFields != null) {
            kql(where + " query", state.path("query"), firstLayerFields);
        }
    }

    private void checkColumn(String where, JsonNode col, Map<String, String> fields) {
        String op = col.path("operationType").asText();
        String field = col.path("sourceField").asText("");
        JsonNode params = col.path("params");
        switch (op) {
            case "count" -> {
                if (!field.isEmpty() && !"___records___".equals(field)) {
                    need(where, op, fields, field, null);
                }
            }
            case "date_histogram" -> need(where, op, fields, field, DATE);
            case "terms" -> {
                need(where, op, fields, field, GROUPABLE);
                params.path("secondaryFields").forEach(f -> need(where, op, fields, f.asText(), GROUPABLE));
            }
            case "filters" -> params.path("filters").forEach(f -> kql(where + " filter", f.path("input"), fields));
            case "range", "average", "sum", "median", "percentile", "percentile_rank", "standard_deviation" ->
                    need(where, op, fields, field, NUMERIC);
            case "min", "max" -> need(where, op, fields, field, union(NUMERIC, DATE));
            case "unique_count" -> need(where, op, fields, field, union(GROUPABLE, DATE));
            case "last_value" -> {
                need(where, op, fields, field, null);
                need(where, "last_value sort", fields, params.path("sortField").asText(), DATE);
            }
            default -> problems.add(where + ": operation " + op + " is not known to this check");
        }
        String type = fields.get(field);
        boolean typed = type != null && !"count".equals(op) && !"unique_count".equals(op);
        if (typed && !col.path("dataType").asText().equals(lensType(type))) {
            problems.add(where + ": dataType " + col.path("dataType").asText() + " but " + field + " is " + type);
        }
        kql(where + " filter", col.path("filter"), fields);
    }

    private void checkSearch(String where, JsonNode o) {
        Map<String, String> fields = fieldsOfReference(where, o, "kibanaSavedObjectMeta.searchSourceJSON.index");
        if (fields == null) {
            return;
        }
        o.path("attributes").path("columns").forEach(c -> need(where + " column", "column", fields, c.asText(), null));
        o.path("attributes").path("sort").forEach(s -> need(where + " sort", "sort", fields, s.path(0).asText(), null));
        try {
            String source = o.path("attributes").path("kibanaSavedObjectMeta").path("searchSourceJSON").asText("{}");
            kql(where + " query", JSON.readTree(source).path("query"), fields);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The fields behind the data view that {@code o} references under {@code refName}. */
    private Map<String, String> fieldsOfReference(String where, JsonNode o, String refName) {
        for (JsonNode ref : o.path("references")) {
            if (refName.equals(ref.path("name").asText())) {
                JsonNode view = dataViews.get(ref.path("id").asText());
                if (view == null) {
                    problems.add(where + ": references data view " + ref.path("id").asText() + ", not in the file");
                    return null;
                }
                return fieldsOf(where, view.path("attributes").path("title").asText());
            }
        }
        problems.add(where + ": no reference named " + refName);
        return null;
    }

    private Map<String, String> fieldsOf(String where, String title) {
        var template = templates.covering(title);
        if (template.isEmpty()) {
            problems.add(where + ": no index template covers " + title);
            return null;
        }
        return template.get().fieldTypes();
    }

    private void need(String where, String use, Map<String, String> fields, String field, Set<String> types) {
        String type = fields.get(field);
        if (type == null) {
            problems.add(where + ": field " + field + " (" + use + ") is not in the index template");
        } else if (types != null && !types.contains(type)) {
            problems.add(where + ": field " + field + " is " + type + ", " + use + " needs one of " + types);
        } else if (types == null && "object".equals(type)) {
            problems.add(where + ": field " + field + " is an object, not a value");
        }
    }

    private void kql(String where, JsonNode query, Map<String, String> fields) {
        if (query.isMissingNode() || query.path("query").asText("").isBlank()) {
            return;
        }
        if (!"kuery".equals(query.path("language").asText("kuery"))) {
            problems.add(where + ": only KQL queries are checked, found " + query.path("language").asText());
            return;
        }
        fieldsInKql(query.path("query").asText()).forEach(f -> need(where, "query", fields, f, null));
    }

    static List<String> fieldsInKql(String kql) {
        Matcher m = KQL_FIELD.matcher(QUOTED.matcher(kql).replaceAll("\"\""));
        List<String> out = new ArrayList<>();
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        var s = new java.util.HashSet<>(a);
        s.addAll(b);
        return Set.copyOf(s);
    }
}
