package porttracer.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import porttracer.index.MoveEvent;
import porttracer.sim.SimHost;
import porttracer.sim.SimSwitch;

/**
 * PortTracer against Elasticsearch 9.5 (Maven Central's integ-test-zip, on a JDK 21+ from /usr/lib/jvm, started on
 * its own free port by scripts/services.sh and stopped after): index templates, applying polls, trace, search,
 * history, spool replay after an outage, and the dashboards' field check against the templates as ES 9 holds them.
 * Skipped, with the reason printed, only when no JDK 21+ is installed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class Elasticsearch9CompatTest {

    static final String VERSION = System.getenv().getOrDefault("PORTTRACER_ES9_VERSION", "9.5.4");
    private static final ObjectMapper JSON = new ObjectMapper();

    private LocalElasticsearch es9;
    private TcpProxy proxy;
    private TestFleet f;
    private Http api;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        Optional<Path> jdk = LocalElasticsearch.jdk(21);
        if (jdk.isEmpty()) {
            System.out.println("Elasticsearch9CompatTest skipped: Elasticsearch " + VERSION
                    + " needs a JDK 21 or newer and none is installed under /usr/lib/jvm");
        }
        assumeTrue(jdk.isPresent(), "no JDK 21+ under /usr/lib/jvm for Elasticsearch " + VERSION);
        es9 = LocalElasticsearch.start(VERSION, jdk.get());
        System.out.println("started " + es9);
        // Through a proxy, so that the outage test can cut Elasticsearch off and bring it back.
        proxy = new TcpProxy(es9.port());
        f = TestFleet.start(TestFleet.smallSpec(95), dir,
                Map.of("es.url", "http://127.0.0.1:" + proxy.port(), "poll.interval", "3600"));
        f.pt.startCollector();
        api = new Http(f.pt.startApi("127.0.0.1", 0).port());
    }

    @AfterAll
    void stop() throws Exception {
        if (f != null) {
            f.close();
        }
        if (proxy != null) {
            proxy.close();
        }
        if (es9 != null) {
            es9.close();
        }
    }

    @Test
    @Order(1)
    void theIndexTemplatesAndTheCurrentIndexAreInstalledAsShipped() throws Exception {
        JsonNode nodes = es("/_nodes/_local?filter_path=nodes.*.version").path("nodes");
        assertThat(nodes.elements().next().path("version").asText()).isEqualTo(VERSION);
        IndexTemplates held = heldTemplates();
        IndexTemplates shipped = IndexTemplates.load();
        assertThat(held.all()).hasSameSizeAs(shipped.all());
        for (IndexTemplates.Template t : shipped.all()) {
            IndexTemplates.Template mine = held.all().stream().filter(h -> h.patterns().equals(t.patterns()))
                    .findFirst().orElseThrow(() -> new AssertionError("no template for " + t.patterns()
                            + " in Elasticsearch " + VERSION));
            assertThat(mine.aliases()).as(t.resource()).isEqualTo(t.aliases());
            assertThat(mine.fieldTypes()).as(t.resource()).isEqualTo(t.fieldTypes());
        }
        String current = f.pt.elastic().current();
        assertThat(es("/" + current + "/_alias").fieldNames().next()).isEqualTo(f.pt.elastic().currentIndex());
    }

    @Test
    @Order(2)
    void pollsAreAppliedAndTraceAndSearchAnswerFromThem() throws Exception {
        f.pollAll(Duration.ofSeconds(120));
        List<SimHost> hosts = f.sim.fleet().hosts();
        assertThat(MovementTest.events(f, "appeared")).hasSize(hosts.size());
        assertThat(f.status(hosts.get(0).switchName()).lastOutcome()).isEqualTo("ok");
        SimHost h = hosts.get(2);
        Http.Reply trace = api.get("/api/v1/trace?mac=" + h.mac().dotted(), "netadmin", "netadmin");
        assertThat(trace.status()).as(trace.raw().body()).isEqualTo(200);
        JsonNode edge = trace.body().get("locations").get(0);
        assertThat(edge.get("edge").asBoolean()).isTrue();
        assertThat(edge.get("switch").get("name").asText()).isEqualTo(h.switchName());
        assertThat(edge.get("port").asText()).isEqualTo(h.port());
        // Search reads what a refresh has made visible (a trace is a real-time get): don't race the 1 s refresh.
        f.pt.elastic().client().indices().refresh(r -> r.index(f.pt.elastic().currentIndex()));
        for (String q : List.of(h.mac().bare().substring(0, 8), h.switchName(), h.mac().toString())) {
            Http.Reply r = api.get("/api/v1/search?q=" + Http.q(q) + "&size=200", "netadmin", "netadmin");
            assertThat(r.status()).as(q + ": " + r.raw().body()).isEqualTo(200);
            assertThat(macs(r.body())).as(q).contains(h.mac().toString());
        }
    }

    @Test
    @Order(3)
    void aMoveIsOneEventAndTheHistoryShowsIt() throws Exception {
        SimHost h = f.sim.fleet().hosts().get(4);
        SimHost moved = moveToAnotherSwitch(h);
        f.pollAll(Duration.ofSeconds(120));
        assertThat(MovementTest.events(f, "moved")).extracting(MoveEvent::mac).containsExactly(h.mac().toString());
        JsonNode history = api.get("/api/v1/macs/" + h.mac() + "/history", "netadmin", "netadmin").body();
        assertThat(history.get("events").get(0).get("kind").asText()).isEqualTo("moved");
        assertThat(history.get("events").get(0).get("to").get("switch").get("name").asText())
                .isEqualTo(moved.switchName());
        assertThat(history.get("total").asInt()).isEqualTo(2);
    }

    @Test
    @Order(4)
    void pollsDuringAnOutageAreSpooledAndReplayedOnce() throws Exception {
        SimHost h = f.sim.fleet().hosts().get(6);
        proxy.cut();
        SimHost moved = moveToAnotherSwitch(h);
        f.pollAll(Duration.ofSeconds(120));
        assertThat(f.pt.feed().spooled()).as("results waiting in the spool").isGreaterThan(0);
        proxy.restore();
        f.awaitSpoolEmpty(Duration.ofSeconds(120));
        assertThat(f.pt.feed().spooled()).as("spool drained within 2 min").isZero();
        List<MoveEvent> moves = MovementTest.events(f, "moved").stream()
                .filter(e -> e.mac().equals(h.mac().toString())).toList();
        assertThat(moves).hasSize(1);
        assertThat(moves.get(0).to().switchName()).isEqualTo(moved.switchName());
        Http.Reply trace = api.get("/api/v1/trace?mac=" + h.mac(), "oss", "oss");
        assertThat(trace.status()).isEqualTo(200);
        assertThat(trace.body().get("locations").get(0).get("port").asText()).isEqualTo(moved.port());
        var es = f.pt.elastic();
        es.client().indices().refresh(r -> r.index(es.polls()));
        // Every poll so far reached the polls index, those of the outage too (a scheduled poll may add more).
        assertThat(es.client().count(c -> c.index(es.polls())).count()).isGreaterThanOrEqualTo(3L * f.ids.size());
    }

    @Test
    @Order(5)
    void theDashboardsFieldsAreInTheTemplatesAndIndicesAsElasticsearch9HoldsThem() throws Exception {
        List<JsonNode> objects = new ArrayList<>();
        for (String line : Files.readAllLines(DashboardsTest.NDJSON)) {
            if (!line.isBlank()) {
                objects.add(JSON.readTree(line));
            }
        }
        IndexTemplates held = heldTemplates();
        assertThat(new SavedObjectCheck(held, objects).check(objects)).isEmpty();
        // The indices the collector wrote map every template field with the template's type.
        var es = f.pt.elastic();
        for (String alias : List.of(es.current(), es.events(), es.polls())) {
            JsonNode caps = es("/" + alias + "/_field_caps?fields=*").path("fields");
            IndexTemplates.Template t = held.covering(shipped(alias)).orElseThrow();
            t.fieldTypes().forEach((field, type) -> {
                if (!type.equals("object")) {
                    assertThat(caps.path(field).has(type)).as(alias + " field " + field + " as " + type + ": "
                            + caps.path(field)).isTrue();
                }
            });
        }
    }

    private SimHost moveToAnotherSwitch(SimHost h) {
        SimSwitch target = f.sim.fleet().switches().stream()
                .filter(s -> s.role() == porttracer.sim.Role.ACCESS && !s.name().equals(h.switchName()))
                .findFirst().orElseThrow();
        return f.sim.fleet().moveHost(h.mac(), target.name(), f.freePort(target.name(), h.vlan()));
    }

    /** The index templates Elasticsearch 9 holds for this run's prefix, named back as shipped ("porttracer-"). */
    private IndexTemplates heldTemplates() throws Exception {
        Map<String, JsonNode> bodies = new LinkedHashMap<>();
        for (JsonNode t : es("/_index_template/" + f.pt.elastic().prefix() + "-*").path("index_templates")) {
            bodies.put(t.path("name").asText(), JSON.readTree(shipped(t.path("index_template").toString())));
        }
        return IndexTemplates.of(bodies);
    }

    private String shipped(String text) {
        return text.replace(f.pt.elastic().prefix() + "-", "porttracer-");
    }

    private JsonNode es(String path) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(es9.url() + path))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    private static List<String> macs(JsonNode searchAnswer) {
        List<String> out = new ArrayList<>();
        searchAnswer.get("results").forEach(r -> out.add(r.get("mac").asText()));
        return out;
    }
}
