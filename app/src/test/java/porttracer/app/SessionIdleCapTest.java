package porttracer.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import porttracer.sim.Fleet;

/** A cycle over more switches than the idle cap leaves at most the cap's worth of sessions open. */
class SessionIdleCapTest {

    @Test
    void idleSessionsAreCappedInAll(@TempDir Path dir) throws Exception {
        Map<String, String> settings = Map.of("ssh.idle-timeout", "600", "ssh.max-idle-sessions", "3");
        try (TestFleet f = TestFleet.start(Fleet.generate(TestFleet.smallSpec(41)), dir, settings, o -> o)) {
            int switches = f.sim.fleet().switches().size();
            assertThat(switches).isGreaterThan(3);
            f.pt.startCollector();
            f.pollAll(Duration.ofSeconds(180));
            assertThat(f.pt.sessions().idleCount()).isEqualTo(3);
            // The simulator sees the others closed, not merely forgotten by the pool.
            for (int i = 0; i < 100 && f.sim.openSessions() > 3; i++) {
                Thread.sleep(50);
            }
            assertThat(f.sim.openSessions()).isLessThanOrEqualTo(3);
        }
    }
}
