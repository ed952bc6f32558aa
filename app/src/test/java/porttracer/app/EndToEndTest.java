package porttracer.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import porttracer.domain.Platform;
import porttracer.sim.Fleet;
import porttracer.sim.FleetSpec;
import porttracer.sim.SimHost;
import porttracer.sim.SimulatorServer;

/**
 * The whole path with every component real: a simulated fleet over SSH, the Quartz collector,
 * Elasticsearch, PostgreSQL, and traces over HTTP checked against the simulator's ground truth.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EndToEndTest {

    private TestFleet f;
    private SimulatorServer sim;
    private Http http;

    @BeforeAll
    void startEverything(@TempDir Path tmp) throws Exception {
        // 2 sites x (2 floors x 5 access switches + 1 distribution) = 22 switches, 120 hosts.
        FleetSpec spec = new FleetSpec(7, 2, 2, 5, 6, List.of(Platform.OS6, Platform.OS10), Platform.OS6);
        f = TestFleet.start(spec, tmp, Map.of());
        sim = f.sim;
        http = f.pollAllAndServe(Duration.ofSeconds(90));
    }

    @AfterAll
    void stopEverything() {
        TestFleet.closeIfStarted(f);
    }

    @Test
    void everySwitchWasPolledSuccessfully() throws Exception {
        Http.Reply r = http.get("/api/v1/switches", "netadmin", "netadmin");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).hasSize(22);
        for (JsonNode sw : r.body()) {
            assertThat(sw.get("lastPoll").get("outcome").asText()).as(sw.get("name").asText()).isEqualTo("ok");
            assertThat(sw.get("host").asText()).isEqualTo("127.0.0.1");
            assertThat(sw.get("sshPort").asInt()).isEqualTo(sim.port(sw.get("name").asText()));
            assertThat(sw.get("platform").asText()).isIn("os6", "os10");
            assertThat(sw.get("site").asText()).startsWith("site");
            assertThat(sw.get("stale").asBoolean()).isFalse();
        }
    }

    @Test
    void everyHostIsTracedToTheSwitchAndPortWhereTheSimulatorPlacedIt() throws Exception {
        List<SimHost> hosts = sim.fleet().hosts();
        assertThat(hosts).hasSize(120);
        int i = 0;
        for (SimHost h : hosts) {
            // Rotate through the four notations a help desk pastes.
            String b = h.mac().bare();
            String notation = switch (i++ % 4) {
                case 0 -> h.mac().toString();
                case 1 -> h.mac().toString().replace(':', '-').toUpperCase();
                case 2 -> h.mac().dotted();
                default -> b;
            };
            Http.Reply r = http.get("/api/v1/trace?mac=" + Http.q(notation), "netadmin", "netadmin");
            assertThat(r.status()).as(notation).isEqualTo(200);
            assertThat(r.body().get("mac").asText()).isEqualTo(h.mac().toString());
            JsonNode first = r.body().get("locations").get(0);
            assertThat(first.get("edge").asBoolean()).isTrue();
            assertThat(first.get("switch").get("name").asText()).isEqualTo(h.switchName());
            assertThat(first.get("port").asText()).isEqualTo(h.port());
            assertThat(first.get("vlan").asInt()).isEqualTo(h.vlan());
            assertThat(first.get("lastSeen").asText()).isNotEmpty();
            long edges = 0;
            for (JsonNode loc : r.body().get("locations")) {
                edges += loc.get("edge").asBoolean() ? 1 : 0;
            }
            assertThat(edges).as("one edge location for " + h).isEqualTo(1);
            // Netadmins also see the uplink sightings: the distribution switch and the other access switches,
            // each classified by the LLDP neighbour on that port.
            assertThat(r.body().get("locations").size()).isGreaterThan(1);
            for (JsonNode loc : r.body().get("locations")) {
                if (!loc.get("edge").asBoolean()) {
                    assertThat(loc.get("reason").asText()).startsWith("lldp: site");
                }
            }
            // The vendor comes from the IEEE registry, the IP from the distribution switch's ARP table.
            assertThat(r.body().get("vendor").asText()).as("vendor of " + h.mac()).isNotBlank();
            String ip = sim.fleet().ipOf(h.mac()).orElseThrow();
            assertThat(r.body().get("ips").toString()).contains(ip);
        }
    }

    @Test
    void ossNeverSeesAnUplink() throws Exception {
        for (SimHost h : sim.fleet().hosts()) {
            Http.Reply r = http.get("/api/v1/trace?mac=" + h.mac(), "oss", "oss");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.body().get("locations")).hasSize(1);
            for (JsonNode loc : r.body().get("locations")) {
                assertThat(loc.get("edge").asBoolean()).isTrue();
            }
        }
    }

    @Test
    void malformedMacIs400NamingTheAcceptedNotations() throws Exception {
        for (String bad : List.of("zz:zz:zz:zz:zz:zz", "aabb.ccdd", "aa:bb:cc:dd:ee", "aa:bb-cc:dd:ee:ff", "' or 1=1 --")) {
            Http.Reply r = http.get("/api/v1/trace?mac=" + Http.q(bad), "netadmin", "netadmin");
            assertThat(r.status()).as(bad).isEqualTo(400);
            assertThat(r.body().get("error").asText()).isNotEmpty();
            assertThat(r.body().get("accepted").asText()).contains("aa:bb:cc:dd:ee:ff", "aabb.ccdd.eeff", "aabbccddeeff",
                    "aa-bb-cc-dd-ee-ff");
        }
        assertThat(http.get("/api/v1/trace", "netadmin", "netadmin").status()).isEqualTo(400);
    }

    @Test
    void unknownMacIs404WithJson() throws Exception {
        Http.Reply r = http.get("/api/v1/trace?mac=02:00:00:00:00:01", "netadmin", "netadmin");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.body().get("error").asText()).contains("02:00:00:00:00:01");
    }

    @Test
    void everyApiCallNeedsAValidUser() throws Exception {
        assertThat(http.get("/api/v1/trace?mac=02:00:00:00:00:01", null, null).status()).isEqualTo(401);
        Http.Reply wrong = http.get("/api/v1/switches", "netadmin", "wrong");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.body().get("error").asText()).isNotEmpty();
        assertThat(wrong.raw().headers().firstValue("WWW-Authenticate")).isPresent();
    }

    @Test
    void healthIsUpWhenBothStoresAnswer() throws Exception {
        Http.Reply r = http.get("/health", null, null);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body().get("elasticsearch").asText()).isEqualTo("up");
        assertThat(r.body().get("postgres").asText()).isEqualTo("up");
    }
}
