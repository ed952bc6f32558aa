package porttracer.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import porttracer.config.Settings;
import porttracer.domain.Platform;
import porttracer.search.Role;
import porttracer.search.Users;
import porttracer.sim.Fleet;
import porttracer.sim.FleetSpec;
import porttracer.sim.SimHost;
import porttracer.sim.SimulatorOptions;
import porttracer.sim.SimulatorServer;

/**
 * A real Prometheus (Debian's package) scraping, with the jobs of deploy/prometheus.yml, a
 * collector-only node (its metrics port) and an API-only node, in-process over a simulated fleet.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PrometheusScrapeTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private SimulatorServer sim;
    private PortTracer collectorNode;
    private PortTracer apiNode;
    private Process prometheus;
    private Path promLog;
    private String promUrl;
    private String binary;
    private Path generatedConfig;

    @BeforeAll
    void start(@TempDir Path tmp) throws Exception {
        binary = prometheusBinary();
        Settings settings = TestEnv.settings(Map.of());
        Scratch.resetDatabase(settings);
        FleetSpec spec = new FleetSpec(11, 1, 1, 2, 4, List.of(Platform.OS6, Platform.OS10), Platform.OS10);
        sim = SimulatorServer.start(Fleet.generate(spec), SimulatorOptions.defaults().withHostKeyDir(tmp.resolve("keys")));

        collectorNode = new PortTracer(settings, new PrometheusRegistry());
        SimulatedFleet.register(collectorNode.inventory(), sim, "admin", "admin");
        collectorNode.startCollector().pollAllNow();
        int metricsPort = collectorNode.startMetricsServer("127.0.0.1", 0);

        apiNode = new PortTracer(settings, new PrometheusRegistry());
        new Users(apiNode.db().dataSource()).put("netadmin", "netadmin", Role.NETADMIN);
        int apiPort = apiNode.startApi("127.0.0.1", 0).port();
        awaitTraces(new Http(apiPort), sim.fleet().hosts().get(0));

        Path config = tmp.resolve("prometheus.yml");
        generatedConfig = config;
        Files.writeString(config, scrapeConfig(Map.of("porttracer-api", "127.0.0.1:" + apiPort,
                "porttracer-collector", "127.0.0.1:" + metricsPort)));
        int port = freePort();
        promUrl = "http://127.0.0.1:" + port;
        promLog = tmp.resolve("prometheus.log");
        prometheus = new ProcessBuilder(binary, "--config.file=" + config, "--storage.tsdb.path=" + tmp.resolve("tsdb"),
                "--web.listen-address=127.0.0.1:" + port, "--log.level=warn")
                .redirectErrorStream(true).redirectOutput(promLog.toFile()).start();
        await("Prometheus ready", Duration.ofSeconds(30), () -> status(promUrl + "/-/ready") == 200);
    }

    /** deploy/prometheus.yml with a 1 s interval and each PortTracer job's targets replaced; other jobs dropped. */
    static String scrapeConfig(Map<String, String> targetByJob) throws IOException {
        YAMLMapper yaml = new YAMLMapper();
        ObjectNode root = (ObjectNode) yaml.readTree(Repo.root().resolve("deploy/prometheus.yml").toFile());
        ObjectNode global = root.has("global") ? (ObjectNode) root.get("global") : root.putObject("global");
        global.put("scrape_interval", "1s").put("scrape_timeout", "1s");
        ArrayNode kept = yaml.createArrayNode();
        for (JsonNode job : root.path("scrape_configs")) {
            String target = targetByJob.get(job.path("job_name").asText());
            if (target != null) {
                for (JsonNode sc : job.path("static_configs")) {
                    ((ObjectNode) sc).putArray("targets").add(target);
                }
                kept.add(job);
            }
        }
        assertThat(kept).as("jobs of deploy/prometheus.yml").hasSize(targetByJob.size());
        root.set("scrape_configs", kept);
        return yaml.writeValueAsString(root);
    }

    @AfterAll
    void stop() throws Exception {
        if (prometheus != null) {
            prometheus.destroy();
            if (!prometheus.waitFor(10, TimeUnit.SECONDS)) {
                prometheus.destroyForcibly();
            }
        }
        if (apiNode != null) {
            apiNode.close();
        }
        if (collectorNode != null) {
            TestEnv.deleteIndices(collectorNode.elastic());
            collectorNode.close();
        }
        if (sim != null) {
            sim.close();
        }
    }

    @Test
    void promtoolAcceptsTheDeployConfigAndTheGeneratedOne() throws Exception {
        Path promtool = Path.of(binary).resolveSibling("promtool");
        Assumptions.assumeTrue(Files.isExecutable(promtool), "no promtool beside " + binary);
        for (Path config : List.of(Repo.root().resolve("deploy/prometheus.yml"), generatedConfig)) {
            Process p = new ProcessBuilder(promtool.toString(), "check", "config", config.toString())
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            assertThat(p.waitFor()).as(out).isZero();
        }
    }

    @Test
    void bothTargetsAreUp() throws Exception {
        for (String job : List.of("porttracer-api", "porttracer-collector")) {
            JsonNode r = awaitResult("up{job=\"" + job + "\"}", rs -> rs.size() == 1
                    && "1".equals(rs.get(0).at("/value/1").asText()));
            assertThat(r.get(0).at("/metric/role").asText()).isEqualTo(job.substring("porttracer-".length()));
        }
    }

    @Test
    void pollMetricsHaveSamplesFromTheCollector() throws Exception {
        JsonNode polls = awaitResult("porttracer_polls_total{job=\"porttracer-collector\",outcome=\"ok\"}",
                rs -> rs.size() == 1 && Double.parseDouble(rs.get(0).at("/value/1").asText()) >= 3);
        assertThat(polls.get(0).at("/metric/instance").asText()).startsWith("127.0.0.1:");
        awaitResult("sum(porttracer_poll_duration_seconds_count{job=\"porttracer-collector\"})",
                rs -> rs.size() == 1 && Double.parseDouble(rs.get(0).at("/value/1").asText()) >= 3);
        awaitResult("porttracer_mac_events_total{job=\"porttracer-collector\",kind=\"appeared\"}",
                rs -> rs.size() == 1 && Double.parseDouble(rs.get(0).at("/value/1").asText()) > 0);
    }

    @Test
    void traceMetricsHaveSamplesFromTheApi() throws Exception {
        awaitResult("porttracer_http_request_duration_seconds_count{job=\"porttracer-api\",route=\"/api/v1/trace\","
                + "status=\"200\"}", rs -> rs.size() == 1 && Double.parseDouble(rs.get(0).at("/value/1").asText()) >= 1);
    }

    /** Waits until the collector has indexed the host, then traces it a few times (so the API has samples). */
    private static void awaitTraces(Http http, SimHost host) throws Exception {
        String path = "/api/v1/trace?mac=" + Http.q(host.mac().toString());
        await("a trace of " + host.mac(), Duration.ofSeconds(60), () -> http.get(path, "netadmin", "netadmin").status() == 200);
        for (int i = 0; i < 3; i++) {
            assertThat(http.get(path, "netadmin", "netadmin").status()).isEqualTo(200);
        }
    }

    /** Queries Prometheus until the result vector satisfies {@code ok}; fails with the last answer. */
    private JsonNode awaitResult(String query, Predicate<JsonNode> ok) throws Exception {
        Instant deadline = Instant.now().plusSeconds(45);
        JsonNode last = null;
        while (Instant.now().isBefore(deadline)) {
            HttpRequest req = HttpRequest.newBuilder(URI.create(promUrl + "/api/v1/query?query=" + Http.q(query))).build();
            last = JSON.readTree(client.send(req, HttpResponse.BodyHandlers.ofString()).body());
            if ("success".equals(last.path("status").asText()) && ok.test(last.at("/data/result"))) {
                return last.at("/data/result");
            }
            Thread.sleep(500);
        }
        JsonNode targets = JSON.readTree(get(promUrl + "/api/v1/targets"));
        throw new AssertionError("Prometheus never answered " + query + " as expected; last: " + last
                + "\ntargets: " + targets.at("/data/activeTargets") + "\nlog: " + Files.readString(promLog));
    }

    private String get(String url) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private int status(String url) {
        try {
            return client.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    interface Check {
        boolean ok() throws Exception;
    }

    private static void await(String what, Duration limit, Check check) throws Exception {
        Instant deadline = Instant.now().plus(limit);
        while (Instant.now().isBefore(deadline)) {
            if (check.ok()) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("timed out after " + limit + " waiting for " + what);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /**
     * The prometheus binary: PORTTRACER_PROMETHEUS_BIN, on the PATH, or installed now by
     * scripts/prometheus.sh; skips the test only where that script finds no apt-get (exit 3).
     */
    private static String prometheusBinary() throws Exception {
        Process p = new ProcessBuilder("bash", Repo.root().resolve("scripts/prometheus.sh").toString(), "install")
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(p.getInputStream().readAllBytes()).strip();
        if (!p.waitFor(15, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("scripts/prometheus.sh install did not finish");
        }
        Assumptions.assumeFalse(p.exitValue() == 3,
                "Prometheus is not installed and apt-get is not available: install Debian's prometheus package");
        assertThat(p.exitValue()).as("scripts/prometheus.sh install").isZero();
        assertThat(Path.of(out)).as("prometheus binary").isExecutable();
        return out;
    }
}
