package porttracer.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import porttracer.index.Elastic;

/** dashboards/porttracer.ndjson: every saved object resolves, and every field it names is in the index templates. */
class DashboardsTest {

    static final Path NDJSON = Repo.root().resolve("dashboards/porttracer.ndjson");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static List<JsonNode> objects;
    private static IndexTemplates templates;

    @BeforeAll
    static void load() throws Exception {
        objects = new ArrayList<>();
        for (String line : Files.readAllLines(NDJSON)) {
            if (!line.isBlank()) {
                objects.add(JSON.readTree(line));
            }
        }
        templates = IndexTemplates.load();
    }

    @Test
    void everyFieldReferencedExistsInTheTemplatesWithAUsableType() {
        assertThat(new SavedObjectCheck(templates, objects).check(objects)).isEmpty();
    }

    @Test
    void theCheckFailsOnAFieldMissingFromTheTemplatesOrOfTheWrongType() {
        List<JsonNode> copy = new ArrayList<>();
        objects.forEach(o -> copy.add(o.deepCopy()));
        ObjectNode lens = (ObjectNode) byId(copy, "porttracer-top-movers");
        ObjectNode columns = (ObjectNode) lens.at("/attributes/state/datasourceStates/formBased/layers/layer1/columns");
        ((ObjectNode) columns.get("mac")).put("sourceField", "to.nosuch");
        ((ObjectNode) lens.at("/attributes/state/query")).put("query", "kind : \"moved\" and from.rack : \"r1\"");
        ObjectNode poll = (ObjectNode) byId(copy, "porttracer-poll-duration");
        ((ObjectNode) poll.at("/attributes/state/datasourceStates/formBased/layers/layer1/columns/x"))
                .put("sourceField", "switch");
        List<String> problems = new SavedObjectCheck(templates, copy).check(copy);
        assertThat(problems).anyMatch(p -> p.contains("to.nosuch") && p.contains("not in the index template"));
        assertThat(problems).anyMatch(p -> p.contains("from.rack") && p.contains("not in the index template"));
        assertThat(problems).anyMatch(p -> p.contains("field switch is keyword, date_histogram needs"));
    }

    @Test
    void everyDataViewIsAnAliasTheCollectorWrites() {
        Set<String> written = new HashSet<>(templates.aliases());
        try (Elastic elastic = new Elastic("http://127.0.0.1:9200", "porttracer")) {
            written.addAll(List.of(elastic.current(), elastic.events(), elastic.polls()));
        }
        List<JsonNode> views = ofType("index-pattern");
        assertThat(views).extracting(v -> v.at("/attributes/title").asText())
                .containsExactlyInAnyOrder("porttracer-current", "porttracer-events", "porttracer-polls");
        for (JsonNode v : views) {
            String title = v.at("/attributes/title").asText();
            assertThat(written).as("aliases the collector writes").contains(title);
            assertThat(templates.covering(title)).as("template for " + title).isPresent();
            assertThat(v.path("id").asText()).isEqualTo(title);
        }
        assertThat(byId(objects, "porttracer-events").at("/attributes/timeFieldName").asText()).isEqualTo("@timestamp");
        assertThat(byId(objects, "porttracer-polls").at("/attributes/timeFieldName").asText()).isEqualTo("@timestamp");
    }

    @Test
    void everyReferenceResolvesToAnObjectInTheFile() throws Exception {
        Map<String, String> typeById = new HashMap<>();
        for (JsonNode o : objects) {
            assertThat(typeById.put(o.path("id").asText(), o.path("type").asText())).as("duplicate id").isNull();
        }
        for (JsonNode o : objects) {
            for (JsonNode ref : o.path("references")) {
                assertThat(typeById.get(ref.path("id").asText())).as(o.path("id") + " -> " + ref)
                        .isEqualTo(ref.path("type").asText());
            }
        }
        for (JsonNode d : ofType("dashboard")) {
            Set<String> refNames = new HashSet<>();
            d.path("references").forEach(r -> refNames.add(r.path("name").asText()));
            JsonNode panels = JSON.readTree(d.at("/attributes/panelsJSON").asText());
            assertThat(panels.size()).as(d.path("id").asText()).isGreaterThanOrEqualTo(3);
            for (JsonNode p : panels) {
                String name = p.path("panelIndex").asText() + ":" + p.path("panelRefName").asText();
                assertThat(refNames).as(d.path("id").asText()).contains(name);
                JsonNode grid = p.path("gridData");
                assertThat(grid.path("x").asInt() + grid.path("w").asInt()).isLessThanOrEqualTo(48);
            }
        }
    }

    @Test
    void theFourDashboardsArePresentAndBuiltOnLens() {
        assertThat(ofType("dashboard")).extracting(d -> d.path("id").asText()).containsExactlyInAnyOrder(
                "porttracer-movement", "porttracer-new-macs", "porttracer-macs-per-place", "porttracer-collector-health");
        for (JsonNode lens : ofType("lens")) {
            assertThat(lens.at("/attributes/visualizationType").asText()).startsWith("lns");
            assertThat(lens.path("typeMigrationVersion").asText()).isEqualTo("8.9.0");
        }
        assertThat(ofType("lens")).hasSizeGreaterThanOrEqualTo(15);
    }

    @Test
    void theCommittedFileIsWhatGeneratePyWrites(@TempDir Path tmp) throws Exception {
        Assumptions.assumeTrue(new ProcessBuilder("sh", "-c", "command -v python3").start().waitFor() == 0,
                "python3 is not installed");
        Path out = tmp.resolve("porttracer.ndjson");
        Process p = new ProcessBuilder("python3", Repo.root().resolve("dashboards/generate.py").toString(), out.toString())
                .redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(log).isZero();
        assertThat(Files.readString(out)).as("run dashboards/generate.py and commit its output")
                .isEqualTo(Files.readString(NDJSON));
    }

    @Test
    void kqlFieldExtractionIgnoresQuotedValues() {
        assertThat(SavedObjectCheck.fieldsInKql("mac : \"aa:bb:cc:dd:ee:ff\" and not outcome:\"ok\" or firstSeen >= now-7d"))
                .containsExactly("mac", "outcome", "firstSeen");
    }

    private List<JsonNode> ofType(String type) {
        return objects.stream().filter(o -> type.equals(o.path("type").asText())).toList();
    }

    private static JsonNode byId(List<JsonNode> in, String id) {
        return in.stream().filter(o -> id.equals(o.path("id").asText())).findFirst()
                .orElseThrow(() -> new AssertionError("no saved object " + id));
    }
}
