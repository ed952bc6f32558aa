package porttracer.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import porttracer.domain.Platform;
import porttracer.sim.Fleet;
import porttracer.sim.FleetSpec;
import porttracer.sim.SimSwitch;
import porttracer.store.SwitchStatus;

/** The demo's mix of login behaviours, registered as the demo does, polls clean: the demo shows they work. */
class DemoLoginsTest {

    @Test
    void everyDemoLoginBehaviourPollsOk(@TempDir Path dir) throws Exception {
        FleetSpec spec = new FleetSpec(42, 1, 2, 4, 4, List.of(Platform.OS6, Platform.OS10), Platform.OS6);
        try (TestFleet f = TestFleet.start(Fleet.generate(spec), dir, Map.of("ssh.command-timeout", "20"), o -> o,
                DemoLogins::of)) {
            DemoLogins.register(f.pt.inventory(), f.ids, f.sim.fleet().switches(), "admin", TestEnv.plantedSecret());
            f.pt.startCollector();
            Map<Integer, SwitchStatus> polled = f.awaitPolls(f.pollAll(Duration.ofSeconds(120)), Duration.ofSeconds(5));
            assertThat(polled).hasSize(f.ids.size());
            for (SwitchStatus s : polled.values()) {
                assertThat(s.lastOutcome()).as(s.lastError()).isEqualTo("ok");
            }
            Map<String, Integer> methods = new HashMap<>();
            Map<Integer, Map<String, Object>> logins = f.pt.inventory().logins();
            for (SimSwitch sw : f.sim.fleet().switches()) {
                Map<String, Object> l = logins.get(f.ids.get(sw.name()));
                methods.merge(l.get("method") + "/" + l.get("enable") + (Boolean.TRUE.equals(l.get("inShellLogin")) ? "/shell" : "")
                        + (Boolean.TRUE.equals(l.get("legacyCrypto")) ? "/legacy" : ""), 1, Integer::sum);
            }
            assertThat(methods).containsKeys("keyboard-interactive/not-needed", "password/ok", "none/ok/shell",
                    "password/not-needed/legacy", "password/not-needed");
            SimSwitch auto = f.sim.fleet().switchNamed("site1-fl1-sw4");
            assertThat(f.pt.inventory().switchById(f.ids.get(auto.name())).orElseThrow().autoPlatform()).isTrue();
        }
    }
}
