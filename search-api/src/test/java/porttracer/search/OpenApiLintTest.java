package porttracer.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The API's OpenAPI document passes redocly lint (the pinned @redocly/cli, recommended rules, with operationId, a
 * 4xx response and a description required of every operation) and the rules do fail a document that lacks them.
 * Under ./porttracer test (PORTTRACER_REQUIRE_REDOCLY=1) a missing tool fails the test instead of skipping it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenApiLintTest {

    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    private static final Path SCRIPT = ROOT.resolve("scripts/openapi-lint.sh");
    private static final Path DOC = ROOT.resolve("search-api/src/main/resources/openapi.json");
    private final ObjectMapper json = new ObjectMapper();

    private record Lint(int exit, JsonNode report, String stderr) {
        List<String> problems() {
            List<String> out = new ArrayList<>();
            report.path("problems").forEach(p -> out.add(p.path("severity").asText() + " " + p.path("ruleId").asText()
                    + " at " + p.path("location").path(0).path("pointer").asText() + ": " + p.path("message").asText()));
            return out;
        }

        Set<String> rules(String severity) {
            Set<String> out = new HashSet<>();
            report.path("problems").forEach(p -> {
                if (p.path("severity").asText().equals(severity)) {
                    out.add(p.path("ruleId").asText());
                }
            });
            return out;
        }
    }

    @BeforeAll
    void toolIsThere() {
        boolean installed = Files.isExecutable(ROOT.resolve("tools/redocly/node_modules/.bin/redocly"));
        if (System.getenv("PORTTRACER_REQUIRE_REDOCLY") != null) {
            assertThat(installed).as("@redocly/cli in tools/redocly (scripts/openapi-lint.sh install puts it there)")
                    .isTrue();
        }
        assumeTrue(installed, "@redocly/cli is not installed: run scripts/openapi-lint.sh install");
    }

    @Test
    void theApiDocumentPassesTheLintWithNoErrorsAndNoOperationIdOr4xxWarnings() throws Exception {
        Lint lint = lint(DOC);
        System.out.println("redocly lint of openapi.json: " + lint.report().path("totals"));
        assertThat(lint.rules("error")).as("errors: %s", lint.problems()).isEmpty();
        assertThat(lint.rules("warn")).as("warnings: %s", lint.problems())
                .doesNotContain("operation-operationId", "operation-4xx-response", "operation-description");
        assertThat(lint.exit()).as("redocly exit status; stderr: %s", lint.stderr()).isZero();
        JsonNode doc = json.readTree(DOC.toFile());
        assertThat(doc.path("servers").size()).isPositive();
        int operations = 0;
        for (JsonNode path : doc.path("paths")) {
            operations += path.size();
        }
        assertThat(operations).as("operations linted").isGreaterThan(30);
    }

    @Test
    void aDocumentWithAnOperationLackingOperationIdAnd4xxFailsTheLint(@TempDir Path tmp) throws Exception {
        ObjectNode doc = (ObjectNode) json.readTree(DOC.toFile());
        ObjectNode trace = (ObjectNode) doc.path("paths").path("/api/v1/trace").path("get");
        trace.remove("operationId");
        ObjectNode responses = (ObjectNode) trace.path("responses");
        List<String> fourXx = new ArrayList<>();
        responses.fieldNames().forEachRemaining(code -> {
            if (code.startsWith("4")) {
                fourXx.add(code);
            }
        });
        responses.remove(fourXx);
        Path broken = tmp.resolve("openapi.json");
        json.writeValue(broken.toFile(), doc);
        Lint lint = lint(broken);
        assertThat(lint.exit()).isNotZero();
        assertThat(lint.rules("error")).as("%s", lint.problems())
                .contains("operation-operationId", "operation-4xx-response");
    }

    private Lint lint(Path doc) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("bash", SCRIPT.toString(), "--format=json");
        pb.environment().putAll(Map.of("PORTTRACER_OPENAPI_DOC", doc.toString()));
        Path err = Files.createTempFile("redocly", ".err");
        pb.redirectError(err.toFile());
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("redocly lint finished within 2 minutes").isTrue();
        String stderr = Files.readString(err, StandardCharsets.UTF_8);
        Files.deleteIfExists(err);
        String text = new String(out, StandardCharsets.UTF_8);
        int start = text.indexOf('{');
        assertThat(start).as("a JSON report from redocly; stdout: %s; stderr: %s", text, stderr).isNotNegative();
        return new Lint(p.exitValue(), json.readTree(text.substring(start)), stderr);
    }
}
