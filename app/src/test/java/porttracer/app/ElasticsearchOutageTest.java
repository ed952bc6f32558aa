package porttracer.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import porttracer.index.MoveEvent;
import porttracer.sim.SimHost;
import porttracer.sim.SimSwitch;

/**
 * Elasticsearch unreachable for two poll cycles while hosts move: polls go on, results are
 * spooled on disk, the API says 503 clearly, and when Elasticsearch returns every movement event
 * arrives exactly once, in order, with every poll record.
 */
class ElasticsearchOutageTest {

    @Test
    void movesDuringAnOutageAreNeitherLostNorDuplicated(@TempDir Path dir) throws Exception {
        int esPort = java.net.URI.create(TestEnv.settings(Map.of()).get("es.url")).getPort();
        try (TcpProxy proxy = new TcpProxy(esPort);
             TestFleet f = TestFleet.start(TestFleet.smallSpec(31), dir,
                     Map.of("es.url", "http://127.0.0.1:" + proxy.port(), "poll.interval", "3600"))) {
            f.pt.startCollector();
            f.pollAll(Duration.ofSeconds(60));
            Http http = new Http(f.pt.startApi("127.0.0.1", 0).port());
            int hosts = f.sim.fleet().hosts().size();
            assertThat(MovementTest.events(f, "appeared")).hasSize(hosts);

            proxy.cut();
            List<SimSwitch> access = f.sim.fleet().switches().stream()
                    .filter(s -> s.role() == porttracer.sim.Role.ACCESS).toList();
            List<SimHost> path = new ArrayList<>();
            SimHost h = f.sim.fleet().hosts().get(0);
            // Cycle 1 while down: the host moves once; cycle 2: it moves again, and another leaves.
            SimSwitch first = access.stream().filter(s -> !s.name().equals(h.switchName())).findFirst().orElseThrow();
            path.add(f.sim.fleet().moveHost(h.mac(), first.name(), f.freePort(first.name(), h.vlan())));
            f.pollAll(Duration.ofSeconds(60));
            assertThat(http.get("/health", null, null).status()).isEqualTo(503);
            Http.Reply down = http.get("/api/v1/trace?mac=" + h.mac(), "netadmin", "netadmin");
            assertThat(down.status()).isEqualTo(503);
            assertThat(down.body().get("error").asText()).contains("unavailable");

            SimSwitch second = access.stream().filter(s -> !s.name().equals(first.name())
                    && !s.name().equals(h.switchName())).findFirst().orElseThrow();
            path.add(f.sim.fleet().moveHost(h.mac(), second.name(), f.freePort(second.name(), h.vlan())));
            SimHost gone = f.sim.fleet().hosts().get(3);
            f.sim.fleet().removeHost(gone.mac());
            f.pollAll(Duration.ofSeconds(60));
            assertThat(f.pt.feed().spooled()).as("snapshots and poll records waiting").isGreaterThan(0);

            proxy.restore();
            f.awaitSpoolEmpty(Duration.ofSeconds(60));
            assertThat(f.pt.feed().spooled()).isZero();
            // Once more after the replay: nothing changed, so no new event.
            f.pollAll(Duration.ofSeconds(60));

            List<MoveEvent> moved = MovementTest.events(f, "moved").stream()
                    .sorted((a, b) -> a.timestamp().compareTo(b.timestamp())).toList();
            assertThat(moved).hasSize(2);
            assertThat(moved.get(0).to().switchName()).isEqualTo(path.get(0).switchName());
            assertThat(moved.get(1).from().switchName()).isEqualTo(path.get(0).switchName());
            assertThat(moved.get(1).to().switchName()).isEqualTo(path.get(1).switchName());
            assertThat(moved.get(1).to().port()).isEqualTo(path.get(1).port());
            assertThat(MovementTest.events(f, "disappeared")).extracting(MoveEvent::mac)
                    .containsExactly(gone.mac().toString());
            assertThat(MovementTest.events(f, "appeared")).hasSize(hosts);

            // Every poll of the outage reached the polls index too: 4 cycles of every switch.
            var es = f.pt.elastic();
            es.client().indices().refresh(r -> r.index(es.polls()));
            long polls = es.client().count(c -> c.index(es.polls())).count();
            assertThat(polls).isEqualTo(4L * f.ids.size());

            Http.Reply up = http.get("/api/v1/trace?mac=" + h.mac(), "netadmin", "netadmin");
            assertThat(up.status()).isEqualTo(200);
            assertThat(up.body().get("locations").get(0).get("switch").get("name").asText())
                    .isEqualTo(path.get(1).switchName());
        }
    }
}
