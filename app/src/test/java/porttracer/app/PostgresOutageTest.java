package porttracer.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import porttracer.store.PollStatusStore;
import porttracer.store.SwitchStatus;

/**
 * PostgreSQL goes away while polls are in flight and comes back: the collector and the API
 * recover without a restart of their own, and no poll outcome is lost.
 */
class PostgresOutageTest {

    @Test
    void pollsInFlightDuringARestartKeepTheirOutcomes(@TempDir Path dir) throws Exception {
        String direct = TestEnv.settings(Map.of()).get("db.url");
        URI db = URI.create(direct.substring("jdbc:".length()));
        try (TcpProxy proxy = new TcpProxy(db.getPort());
             TestFleet f = TestFleet.start(TestFleet.smallSpec(53), dir, Map.of(
                     "db.url", "jdbc:postgresql://127.0.0.1:" + proxy.port() + db.getPath(), "poll.interval", "3600"),
                     Duration.ofMillis(800))) {
            f.pt.startCollector();
            f.pollAll(Duration.ofSeconds(90));
            Http http = new Http(f.pt.startApi("127.0.0.1", 0).port());

            Instant cycle = Instant.now();
            f.pt.collector().pollAllNow();
            Thread.sleep(1_500);
            proxy.cut();
            // Every poll takes about 4 s (5 commands of 0.8 s): all end while the database is away.
            Thread.sleep(8_000);
            assertThat(http.get("/health", null, null).status()).isEqualTo(503);
            proxy.restore();

            PollStatusStore status = new PollStatusStore(f.pt.db().dataSource());
            long deadline = System.currentTimeMillis() + 60_000;
            Map<Integer, SwitchStatus> all = Map.of();
            while (System.currentTimeMillis() < deadline) {
                try {
                    all = status.all();
                    if (all.values().stream().allMatch(s -> !s.lastPollAt().isBefore(cycle.minusSeconds(1)))) {
                        break;
                    }
                } catch (RuntimeException e) {
                    // Still reconnecting.
                }
                Thread.sleep(250);
            }
            assertThat(all).hasSize(f.ids.size());
            for (SwitchStatus s : all.values()) {
                assertThat(s.lastPollAt()).as("switch " + s.switchId() + " poll of the outage cycle")
                        .isAfterOrEqualTo(cycle.minusSeconds(1));
                assertThat(s.lastOutcome()).isEqualTo("ok");
            }
            Http.Reply switches = http.get("/api/v1/switches", "netadmin", "netadmin");
            assertThat(switches.status()).isEqualTo(200);
            assertThat(http.get("/health", null, null).status()).isEqualTo(200);
            // The scheduler works again too: a new cycle runs through Quartz.
            f.pollAll(Duration.ofSeconds(90));
        }
    }
}
