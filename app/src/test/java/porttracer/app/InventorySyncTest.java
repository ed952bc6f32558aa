package porttracer.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import porttracer.collect.Collector;

/** Inventory changes reach the schedule without a restart: enable, disable, interval, add, remove. */
class InventorySyncTest {

    @Test
    void scheduleFollowsTheInventory(@TempDir Path dir) throws Exception {
        try (TestFleet f = TestFleet.start(TestFleet.smallSpec(5), dir, Map.of())) {
            Collector c = f.pt.startCollector();
            var scheduler = c.scheduler();
            int sw = f.ids.values().iterator().next();
            assertThat(scheduler.checkExists(Collector.jobKeyOf(sw))).isTrue();
            // Scheduled by its slot's trigger; its own job has none (events and "poll now" fire it).
            assertThat(scheduler.getTriggersOfJob(Collector.jobKeyOf(sw))).isEmpty();
            assertThat(c.scheduledInterval(sw)).contains(Duration.ofSeconds(300));

            f.pt.inventory().setPollInterval(sw, 60);
            c.syncInventory();
            assertThat(c.scheduledInterval(sw)).contains(Duration.ofSeconds(60));

            // A site's interval applies to its switches without one of their own.
            int other = f.ids.values().stream().filter(i -> i != sw).findFirst().orElseThrow();
            int site = f.pt.inventory().site("site1");
            f.pt.inventory().setSiteDefaults(site, null, 120);
            c.syncInventory();
            assertThat(c.scheduledInterval(other)).contains(Duration.ofSeconds(120));

            f.pt.inventory().setEnabled(sw, false);
            c.syncInventory();
            assertThat(scheduler.checkExists(Collector.jobKeyOf(sw))).isFalse();
            assertThat(c.scheduledInterval(sw)).isEmpty();
            f.pt.inventory().setEnabled(sw, true);
            c.syncInventory();
            assertThat(scheduler.checkExists(Collector.jobKeyOf(sw))).isTrue();

            f.pt.inventory().deleteSwitch(other);
            c.syncInventory();
            assertThat(scheduler.checkExists(Collector.jobKeyOf(other))).isFalse();
        }
    }
}
