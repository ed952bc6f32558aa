package porttracer.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import porttracer.sim.Fleet;
import porttracer.sim.SimHost;
import porttracer.sim.SimSwitch;
import porttracer.store.SwitchStatus;

/**
 * A switch that allows one SSH session at a time, busy with a slow live re-verify when its poll wants a second
 * session: the poll is recorded as refused with the switch's reason, the last good data stays answerable and
 * stale, and nothing leaks.
 */
class SwitchSessionCapTest {

    @Test
    void aSecondSessionBeyondTheSwitchCapIsRecordedWithItsReason(@TempDir Path dir) throws Exception {
        Map<String, String> settings = Map.of("ssh.connect-timeout", "5", "ssh.command-timeout", "30",
                "ssh.idle-timeout", "0", "ssh.max-sessions-per-switch", "2");
        // Every command takes 1.5 s, so a live lookup holds the switch's only session for seconds.
        try (TestFleet f = TestFleet.start(Fleet.generate(TestFleet.smallSpec(37)), dir, settings,
                o -> o.withMaxSessionsPerSwitch(1).withCommandLatency(Duration.ofMillis(1500)))) {
            f.pt.startCollector();
            f.pollAll(Duration.ofSeconds(180));
            Http http = new Http(f.pt.startApi("127.0.0.1", 0).port());
            SwitchProbe probe = new SwitchProbe(f, http);
            SimSwitch sw = f.sim.fleet().switches().stream().filter(s -> s.role() == porttracer.sim.Role.ACCESS)
                    .findFirst().orElseThrow();
            SimHost h = probe.hostOn(sw.name());
            probe.assertNoLeaksSince(probe.usage());
            SwitchProbe.Usage usage = probe.usage();

            CompletableFuture<Http.Reply> live = CompletableFuture.supplyAsync(() -> {
                try {
                    return http.get("/api/v1/trace?mac=" + h.mac() + "&live=true", "netadmin", "netadmin");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            awaitSimSession(f, sw.name());
            SwitchStatus s = probe.pollOne(sw.name());
            assertThat(s.lastOutcome()).as(s.lastError()).isEqualTo("refused");
            assertThat(s.lastError()).contains("session").contains(sw.name());
            assertThat(live.get().status()).isEqualTo(200);
            JsonNode edge = live.get().body().get("locations").get(0);
            assertThat(edge.get("port").asText()).isEqualTo(h.port());
            probe.assertLastGoodDataKeptAndStale(sw, "refused");
            probe.assertNoLeaksSince(usage);
        }
    }

    /** Waits for the live lookup's session on this switch; other switches' scheduled polls do not count. */
    private static void awaitSimSession(TestFleet f, String switchName) throws InterruptedException {
        for (int i = 0; i < 600 && f.sim.openSessions(switchName) == 0; i++) {
            Thread.sleep(50);
        }
        assertThat(f.sim.openSessions(switchName)).as("the live lookup's session").isPositive();
    }
}

