package porttracer.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import porttracer.config.Settings;
import porttracer.config.StartupException;
import porttracer.store.PollStatusStore;
import porttracer.store.SwitchStatus;

/**
 * ./porttracer demo on its own database and index prefix, again and again: after its state folder is deleted
 * (the simulator makes new host keys, as from a second clone) every switch still polls, and the example traces
 * it prints are ones that answer.
 */
class DemoTest {

    @Test
    void theDemoRefusesProductionsDatabaseAndPrefix(@TempDir Path state) {
        Settings prod = Settings.load(Map.of(), Map.of("demo.db-url", "jdbc:postgresql://127.0.0.1:5432/porttracer"));
        assertThatThrownBy(() -> DemoSettings.of(prod, state)).isInstanceOf(StartupException.class)
                .hasMessageContaining("PORTTRACER_DEMO_DB_URL");
        Settings prefix = Settings.load(Map.of(), Map.of("demo.es-index-prefix", "porttracer"));
        assertThatThrownBy(() -> DemoSettings.of(prefix, state)).isInstanceOf(StartupException.class)
                .hasMessageContaining("PORTTRACER_DEMO_ES_INDEX_PREFIX");
        Settings defaults = DemoSettings.of(Settings.load(Map.of(), Map.of()), state);
        assertThat(defaults.get("db.url")).endsWith("/porttracer_demo");
        assertThat(defaults.get("es.index-prefix")).isEqualTo("porttracer-demo");
    }

    @Test
    void theDemoStartsAgainAfterItsStateIsDeletedAndPrintsOnlyAnsweringTraces(@TempDir Path state) throws Exception {
        Settings base = TestEnv.settings(Map.of());
        // The suite's database plays the demo's; "production" is a database the demo must not touch.
        Settings s = DemoSettings.of(base.with("demo.db-url", base.get("db.url"))
                .with("demo.es-index-prefix", base.get("es.index-prefix") + "-demo")
                .with("db.url", "jdbc:postgresql://127.0.0.1:5432/porttracer_production_untouched"), state);
        runOnce(s, state);
        deleteTree(state);
        runOnce(s, state);
    }

    private static void runOnce(Settings s, Path state) throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (Demo.Running demo = Demo.start(s, state, new PrintStream(printed, true, StandardCharsets.UTF_8))) {
            String text = printed.toString(StandardCharsets.UTF_8);
            // Demo.start waited for the first cycle; on a very loaded machine the last polls may still be landing.
            var store = new PollStatusStore(demo.pt().db().dataSource());
            long deadline = System.currentTimeMillis() + 120_000;
            while (store.all().size() < 27 && System.currentTimeMillis() < deadline) {
                Thread.sleep(200);
            }
            var statuses = store.all();
            assertThat(statuses).hasSize(27);
            assertThat(statuses.values()).extracting(SwitchStatus::lastOutcome).as(text).containsOnly("ok");
            assertThat(demo.examples()).as(text).isNotEmpty();
            Http http = new Http(demo.pt().api().port());
            for (String mac : demo.examples()) {
                assertThat(text).contains("trace?mac=" + mac);
                assertThat(http.get("/api/v1/trace?mac=" + mac, "netadmin", "netadmin").status()).isEqualTo(200);
            }
            assertThat(text).contains("demo is up").contains(s.get("es.index-prefix"));
            TestEnv.deleteIndices(demo.pt().elastic());
        }
    }

    private static void deleteTree(Path dir) throws Exception {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                if (!p.equals(dir)) {
                    Files.delete(p);
                }
            }
        }
    }
}
