package porttracer.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import porttracer.config.Settings;

/** docker-compose.yml and the Dockerfile, checked without a Docker engine. */
class ComposeFileTest {

    private static final Path ROOT = Repo.root();
    private static final Pattern PORTTRACER_VAR = Pattern.compile("\\bPORTTRACER_[A-Z0-9_]+");
    private static JsonNode compose;
    private static JsonNode services;

    @BeforeAll
    static void load() throws IOException {
        compose = new YAMLMapper().readTree(ROOT.resolve("docker-compose.yml").toFile());
        services = compose.path("services");
    }

    @Test
    void everyServiceIsThereWithAnImageOrABuild() {
        assertThat(fieldNames(services)).contains("postgres", "elasticsearch", "kibana", "prometheus", "collector", "api");
        services.fields().forEachRemaining(s -> assertThat(s.getValue().has("image") || s.getValue().has("build"))
                .as(s.getKey()).isTrue());
        assertThat(services.at("/elasticsearch/image").asText()).startsWith("docker.elastic.co/elasticsearch/elasticsearch:8.19.");
        String esVersion = tag(services.at("/elasticsearch/image").asText());
        assertThat(tag(services.at("/kibana/image").asText())).as("Kibana matches Elasticsearch").isEqualTo(esVersion);
    }

    @Test
    void collectorAndApiRunOneImageBuiltFromTheRepositoryDockerfile() throws IOException {
        JsonNode collector = services.path("collector");
        JsonNode api = services.path("api");
        for (JsonNode role : List.of(collector, api)) {
            assertThat(role.path("build").asText(role.at("/build/context").asText())).isIn(".", "./");
        }
        assertThat(api.path("image").asText()).isEqualTo(collector.path("image").asText()).isNotEmpty();
        assertThat(collector.path("command").get(0).asText()).isEqualTo("collector");
        assertThat(api.path("command").get(0).asText()).isEqualTo("api");

        String dockerfile = Files.readString(ROOT.resolve("Dockerfile"));
        List<String> stages = dockerfile.lines().filter(l -> l.startsWith("FROM ")).toList();
        assertThat(stages).hasSize(2);
        assertThat(stages.get(0)).contains("maven").contains("17").contains(" AS build");
        assertThat(stages.get(1)).contains("17-jre");
        assertThat(dockerfile).contains("package").contains("porttracer.app.Main").contains("app/target/lib");
        // The launcher's Java main is the one the image runs.
        assertThat(Files.readString(ROOT.resolve("porttracer"))).contains("porttracer.app.Main");
    }

    @Test
    void longRunningServicesHaveHealthChecksAndWaitForWhatTheyUse() {
        services.fields().forEachRemaining(s -> {
            boolean oneShot = "no".equals(s.getValue().path("restart").asText());
            if (!oneShot) {
                JsonNode test = s.getValue().at("/healthcheck/test");
                assertThat(test.isArray() && test.size() >= 2).as(s.getKey() + " healthcheck").isTrue();
                assertThat(test.get(0).asText()).isIn("CMD", "CMD-SHELL");
            }
            s.getValue().path("depends_on").fieldNames().forEachRemaining(d ->
                    assertThat(services.has(d)).as(s.getKey() + " depends on " + d).isTrue());
        });
        assertThat(condition("collector", "postgres")).isEqualTo("service_healthy");
        assertThat(condition("collector", "elasticsearch")).isEqualTo("service_healthy");
        assertThat(condition("kibana", "elasticsearch")).isEqualTo("service_healthy");
        assertThat(condition("dashboards-import", "kibana")).isEqualTo("service_healthy");
        assertThat(condition("api", "collector")).isEqualTo("service_healthy");
        assertNoCycle();
    }

    @Test
    void portsVolumesAndBindMountsAreConsistent() {
        assertThat(published("api")).contains(env("api").get("PORTTRACER_API_PORT"));
        assertThat(published("kibana")).contains("5601");
        assertThat(published("prometheus")).contains("9090");
        Set<String> declared = fieldNames(compose.path("volumes"));
        services.fields().forEachRemaining(s -> s.getValue().path("volumes").forEach(v -> {
            String source = v.asText().split(":")[0];
            if (source.startsWith(".")) {
                assertThat(ROOT.resolve(source).normalize()).as(s.getKey() + " bind mount").exists();
            } else {
                assertThat(declared).as(s.getKey() + " named volume").contains(source);
            }
        }));
        assertThat(services.at("/prometheus/volumes").toString()).contains("./deploy/prometheus.yml");
    }

    @Test
    void everyPorttracerVariableIsOneTheApplicationReads() throws IOException {
        Set<String> known = applicationVariables();
        assertThat(known).contains("PORTTRACER_DB_URL", "PORTTRACER_METRICS_PORT");
        Set<String> used = new HashSet<>();
        services.fields().forEachRemaining(s -> env(s.getKey()).keySet().stream()
                .filter(k -> k.startsWith("PORTTRACER_")).forEach(used::add));
        Matcher m = PORTTRACER_VAR.matcher(Files.readString(ROOT.resolve("Dockerfile")));
        while (m.find()) {
            used.add(m.group());
        }
        assertThat(used).isNotEmpty();
        assertThat(known).as("variables the application reads").containsAll(used);
        String readme = Files.readString(ROOT.resolve("README.md"));
        assertThat(used).allSatisfy(v -> assertThat(readme).as("README documents " + v).contains(v));
    }

    @Test
    void theRolesReachTheirStoresByServiceName() {
        for (String role : List.of("collector", "api")) {
            Map<String, String> env = env(role);
            String db = env.get("PORTTRACER_DB_URL");
            assertThat(db).startsWith("jdbc:postgresql://");
            assertThat(URI.create(db.substring("jdbc:".length())).getHost()).isEqualTo("postgres");
            assertThat(URI.create(env.get("PORTTRACER_ES_URL")).getHost()).isEqualTo("elasticsearch");
            assertThat(env.get("PORTTRACER_API_HOST")).isEqualTo("0.0.0.0");
            assertThat(env.get("PORTTRACER_SECRET_KEY_FILE")).as("one key shared by the roles")
                    .isEqualTo(env("collector").get("PORTTRACER_SECRET_KEY_FILE"));
        }
    }

    @Test
    void prometheusScrapesTheApiAndCollectorPortsComposeSets() throws IOException {
        JsonNode prom = new YAMLMapper().readTree(ROOT.resolve("deploy/prometheus.yml").toFile());
        Set<String> targets = new HashSet<>();
        prom.path("scrape_configs").forEach(job -> job.path("static_configs")
                .forEach(sc -> sc.path("targets").forEach(t -> targets.add(t.asText()))));
        assertThat(targets).contains("api:" + env("api").get("PORTTRACER_API_PORT"),
                "collector:" + env("collector").get("PORTTRACER_METRICS_PORT"));
    }

    /** PORTTRACER_* names of every key in porttracer-defaults.properties. */
    static Set<String> applicationVariables() throws IOException {
        Properties p = new Properties();
        try (InputStream in = Settings.class.getResourceAsStream("/porttracer-defaults.properties")) {
            p.load(in);
        }
        Set<String> out = new HashSet<>();
        p.stringPropertyNames().forEach(k -> out.add(Settings.envName(k)));
        return out;
    }

    /** A service's environment, in either of compose's two spellings (map or KEY=VALUE list). */
    private static Map<String, String> env(String service) {
        JsonNode e = services.path(service).path("environment");
        Map<String, String> out = new LinkedHashMap<>();
        if (e.isArray()) {
            e.forEach(kv -> {
                String[] parts = kv.asText().split("=", 2);
                out.put(parts[0], parts.length > 1 ? parts[1] : "");
            });
        } else {
            e.fields().forEachRemaining(kv -> out.put(kv.getKey(), kv.getValue().asText()));
        }
        return out;
    }

    /** Container-side ports a service publishes ("127.0.0.1:9200:9200" -> 9200). */
    private static Set<String> published(String service) {
        Set<String> out = new HashSet<>();
        services.path(service).path("ports").forEach(p -> {
            String[] parts = p.asText().split(":");
            out.add(parts[parts.length - 1].replace("/tcp", ""));
        });
        return out;
    }

    private static String condition(String service, String dependency) {
        return services.path(service).path("depends_on").path(dependency).path("condition").asText();
    }

    private static void assertNoCycle() {
        for (String start : fieldNames(services)) {
            Set<String> seen = new HashSet<>();
            List<String> todo = new java.util.ArrayList<>(List.of(start));
            while (!todo.isEmpty()) {
                String s = todo.remove(0);
                for (String d : fieldNames(services.path(s).path("depends_on"))) {
                    assertThat(d).as("depends_on cycle through " + start).isNotEqualTo(start);
                    if (seen.add(d)) {
                        todo.add(d);
                    }
                }
            }
        }
    }

    private static String tag(String image) {
        return image.substring(image.lastIndexOf(':') + 1);
    }

    private static Set<String> fieldNames(JsonNode n) {
        Set<String> out = new java.util.TreeSet<>();
        n.fieldNames().forEachRemaining(out::add);
        return out;
    }
}
