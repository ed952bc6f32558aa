package porttracer.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quartz.CalendarIntervalTrigger;
import org.quartz.TriggerKey;
import porttracer.collect.Collector;

/** Inventory changes reach the schedule without a restart: enable, disable, interval, add, remove. */
class InventorySyncTest {

    @Test
    void scheduleFollowsTheInventory(@TempDir Path dir) throws Exception {
        try (TestFleet f = TestFleet.start(TestFleet.smallSpec(5), dir, Map.of())) {
            Collector c = f.pt.startCollector();
            var scheduler = c.scheduler();
            int sw = f.ids.values().iterator().next();
            TriggerKey key = TriggerKey.triggerKey("switch-" + sw, "switches");
            assertThat(scheduler.checkExists(Collector.jobKeyOf(sw))).isTrue();
            assertThat(((CalendarIntervalTrigger) scheduler.getTrigger(key)).getRepeatInterval()).isEqualTo(300);

            f.pt.inventory().setPollInterval(sw, 60);
            c.syncInventory();
            assertThat(((CalendarIntervalTrigger) scheduler.getTrigger(key)).getRepeatInterval()).isEqualTo(60);

            // A site's interval applies to its switches without one of their own.
            int other = f.ids.values().stream().filter(i -> i != sw).findFirst().orElseThrow();
            int site = f.pt.inventory().site("site1");
            f.pt.inventory().setSiteDefaults(site, null, 120);
            c.syncInventory();
            assertThat(((CalendarIntervalTrigger) scheduler.getTrigger(TriggerKey.triggerKey("switch-" + other, "switches")))
                    .getRepeatInterval()).isEqualTo(120);

            f.pt.inventory().setEnabled(sw, false);
            c.syncInventory();
            assertThat(scheduler.checkExists(Collector.jobKeyOf(sw))).isFalse();
            f.pt.inventory().setEnabled(sw, true);
            c.syncInventory();
            assertThat(scheduler.checkExists(Collector.jobKeyOf(sw))).isTrue();

            f.pt.inventory().deleteSwitch(other);
            c.syncInventory();
            assertThat(scheduler.checkExists(Collector.jobKeyOf(other))).isFalse();
        }
    }
}
