package porttracer.app;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.core.SearchResponse;
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

/** Hosts moved, removed and added in the simulator give exactly one event each, and nothing else. */
class MovementTest {

    @Test
    void eachMoveAppearanceAndDisappearanceIsOneEvent(@TempDir Path dir) throws Exception {
        try (TestFleet f = TestFleet.start(TestFleet.smallSpec(11), dir, Map.of())) {
            f.pt.startCollector();
            f.pollAll(Duration.ofSeconds(60));
            assertThat(events(f, "appeared")).hasSize(f.sim.fleet().hosts().size());

            List<SimHost> hosts = f.sim.fleet().hosts();
            List<SimSwitch> access = f.sim.fleet().switches().stream()
                    .filter(s -> s.role() == porttracer.sim.Role.ACCESS).toList();
            List<SimHost> moved = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                SimHost h = hosts.get(i * 3);
                SimSwitch target = access.stream().filter(s -> !s.name().equals(h.switchName())).toList().get(i % 2);
                moved.add(f.sim.fleet().moveHost(h.mac(), target.name(), f.freePort(target.name(), h.vlan())));
            }
            SimHost gone = hosts.get(1);
            f.sim.fleet().removeHost(gone.mac());
            SimSwitch first = access.get(0);
            SimHost added = f.sim.fleet().addHost(porttracer.domain.MacAddress.parse("00:50:56:aa:bb:01"), 20,
                    first.name(), f.freePort(first.name(), 20));
            f.pollAll(Duration.ofSeconds(60));
            // A second cycle with no change adds no event.
            f.pollAll(Duration.ofSeconds(60));

            List<MoveEvent> moves = events(f, "moved");
            assertThat(moves).hasSize(moved.size());
            for (SimHost h : moved) {
                List<MoveEvent> mine = moves.stream().filter(e -> e.mac().equals(h.mac().toString())).toList();
                assertThat(mine).as("moved events of " + h.mac()).hasSize(1);
                assertThat(mine.get(0).to().switchName()).isEqualTo(h.switchName());
                assertThat(mine.get(0).to().port()).isEqualTo(h.port());
                assertThat(mine.get(0).from().switchName()).isNotNull();
            }
            List<MoveEvent> disappeared = events(f, "disappeared");
            assertThat(disappeared).extracting(MoveEvent::mac).containsExactly(gone.mac().toString());
            List<MoveEvent> appeared = events(f, "appeared");
            assertThat(appeared).filteredOn(e -> e.mac().equals(added.mac().toString())).hasSize(1);
            assertThat(appeared).hasSize(hosts.size() + 1);
        }
    }

    static List<MoveEvent> events(TestFleet f, String kind) throws Exception {
        var es = f.pt.elastic();
        es.client().indices().refresh(r -> r.index(es.events()).ignoreUnavailable(true).allowNoIndices(true));
        SearchResponse<MoveEvent> r = es.client().search(s -> s.index(es.events()).size(10_000)
                .query(q -> q.term(t -> t.field("kind").value(kind))), MoveEvent.class);
        return r.hits().hits().stream().map(h -> h.source()).toList();
    }

}
