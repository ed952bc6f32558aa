package porttracer.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import porttracer.sim.SimSwitch;

/**
 * A switch password planted in the inventory never appears in logs, API answers or metrics, and
 * is stored encrypted, through good polls and failed ones.
 */
class SecretsTest {

    /** Not the simulator's password (the planted secret itself), so that logins with it fail. */
    private static final String SECRET = TestEnv.plantedSecret() + "-old";

    @Test
    void switchPasswordNeverLeaks(@TempDir Path dir) throws Exception {
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(ch.qos.logback.classic.Level.DEBUG);
        logs.start();
        root.addAppender(logs);
        try (TestFleet f = TestFleet.start(TestFleet.smallSpec(3), dir, Map.of())) {
            // Every switch logs in with the planted secret; the simulator knows it too.
            int cred = f.pt.inventory().credential("simulator", "admin", SECRET);
            assertThat(cred).isPositive();
            f.pt.startCollector();
            f.pollAll(Duration.ofSeconds(60));
            assertThat(f.status(f.sim.fleet().switches().get(0).name()).lastOutcome()).isEqualTo("auth");
            SimSwitch sw = f.sim.fleet().switches().get(1);
            f.sim.faults(sw.name()).rejectAuth(true);
            f.pollAll(Duration.ofSeconds(60));

            Http http = new Http(f.pt.startApi("127.0.0.1", 0).port());
            StringBuilder seen = new StringBuilder();
            seen.append(http.get("/api/v1/switches", "netadmin", "netadmin").raw().body());
            seen.append(http.get("/metrics", null, null).raw().body());
            seen.append(http.get("/health", null, null).raw().body());
            for (ILoggingEvent e : logs.list) {
                seen.append(e.getFormattedMessage()).append(e.getKeyValuePairs());
                if (e.getThrowableProxy() != null) {
                    seen.append(ThrowableProxyUtil.asString(e.getThrowableProxy()));
                }
            }
            assertThat(logs.list).as("the collector logged its polls").isNotEmpty();
            assertThat(seen.toString()).doesNotContain(SECRET);

            try (Connection c = DriverManager.getConnection(f.settings.get("db.url"), f.settings.get("db.user"),
                    f.settings.get("db.password"));
                 ResultSet rs = c.createStatement().executeQuery("select username, secret from credential")) {
                while (rs.next()) {
                    String stored = new String(rs.getBytes("secret"), StandardCharsets.ISO_8859_1);
                    assertThat(stored).doesNotContain(SECRET).doesNotContain("admin");
                }
            }
        } finally {
            root.detachAppender(logs);
            root.setLevel(ch.qos.logback.classic.Level.INFO);
        }
    }
}
