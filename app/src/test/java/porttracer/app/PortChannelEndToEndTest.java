package porttracer.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import porttracer.domain.Platform;
import porttracer.domain.PortChannel;
import porttracer.domain.PortName;
import porttracer.sim.FleetSpec;
import porttracer.sim.SimHost;
import porttracer.sim.SimSwitch;
import porttracer.sim.SimulatorServer;

/**
 * An OS9 distribution switch reaching its access switches over port-channels, polled over SSH: the
 * distribution's sightings are on the channels, classified as such, and the trace shows each channel's members.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PortChannelEndToEndTest {

    private TestFleet f;
    private SimulatorServer sim;
    private Http http;

    @BeforeAll
    void start(@TempDir Path tmp) throws Exception {
        FleetSpec spec = new FleetSpec(11, 1, 1, 2, 3, List.of(Platform.OS6, Platform.OS10), Platform.OS9)
                .withLagDownlinks();
        f = TestFleet.start(spec, tmp, Map.of());
        sim = f.sim;
        http = f.pollAllAndServe(Duration.ofSeconds(60));
    }

    @AfterAll
    void stop() {
        TestFleet.closeIfStarted(f);
    }

    @Test
    void everyPollSucceedsAndEveryTraceShowsTheDistributionChannelWithItsMembers() throws Exception {
        Http.Reply switches = http.get("/api/v1/switches", "netadmin", "netadmin");
        for (JsonNode sw : switches.body()) {
            assertThat(sw.get("lastPoll").get("outcome").asText()).as(sw.get("name").asText()).isEqualTo("ok");
            assertThat(sw.get("lastPoll").get("entries").asInt()).as(sw.get("name").asText()).isPositive();
        }
        SimSwitch dist = sim.fleet().switches().stream().filter(s -> s.floor() == null).findFirst().orElseThrow();
        List<PortChannel> lags = sim.fleet().portChannels(dist.name());
        assertThat(lags).hasSize(2);
        List<SimHost> hosts = sim.fleet().hosts();
        assertThat(hosts).hasSize(6);
        for (SimHost h : hosts) {
            Http.Reply r = http.get("/api/v1/trace?mac=" + h.mac(), "netadmin", "netadmin");
            assertThat(r.status()).isEqualTo(200);
            JsonNode first = r.body().get("locations").get(0);
            assertThat(first.get("switch").get("name").asText()).isEqualTo(h.switchName());
            assertThat(first.get("port").asText()).isEqualTo(h.port());
            assertThat(first.has("members")).isFalse();
            JsonNode atDist = null;
            for (JsonNode loc : r.body().get("locations")) {
                if (loc.get("switch").get("name").asText().equals(dist.name())) {
                    atDist = loc;
                }
            }
            assertThat(atDist).as("sighting of " + h + " at the distribution").isNotNull();
            String channel = atDist.get("port").asText();
            PortChannel lag = lags.stream().filter(c -> c.channel().samePort(channel))
                    .findFirst().orElseThrow();
            assertThat(atDist.get("edge").asBoolean()).isFalse();
            assertThat(atDist.get("reason").asText()).isEqualTo("port-channel");
            List<String> members = new ArrayList<>();
            atDist.get("members").forEach(m -> members.add(m.asText()));
            assertThat(members).isEqualTo(lag.members().stream().map(PortName::raw)
                    .map(p -> p.replace("Te ", "TenGigabitEthernet ")).toList());
        }
        // An oss user sees only the edge, so never a channel's members.
        Http.Reply oss = http.get("/api/v1/trace?mac=" + hosts.get(0).mac(), "oss", "oss");
        assertThat(oss.body().get("locations")).hasSize(1);
    }
}
