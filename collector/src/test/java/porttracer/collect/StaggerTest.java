package porttracer.collect;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.quartz.spi.OperableTrigger;

/** Poll start times spread evenly over the interval, stable per switch, kept by the slots that fire them. */
class StaggerTest {

    @Test
    void anyTenSecondWindowHoldsAtMostOneAndAHalfTimesTheMeanOfPollStarts() {
        Duration interval = Duration.ofMinutes(5);
        Instant now = Instant.parse("2026-11-26T10:00:00Z");
        for (int switches : new int[] {300, 1_000, 10_000}) {
            int[] perWindow = new int[30];
            for (int id = 1; id <= switches; id++) {
                Instant first = PollSlots.firstFire(id, interval, now);
                assertThat(first).isBetween(now, now.plus(interval));
                long offset = Duration.between(now, first).toMillis();
                perWindow[(int) (offset / 10_000) % 30]++;
            }
            double mean = switches / 30.0;
            for (int n : perWindow) {
                assertThat((double) n).as(switches + " switches").isLessThanOrEqualTo(1.5 * mean);
            }
        }
    }

    @Test
    void aSwitchKeepsItsPhaseWheneverItIsScheduled() {
        Duration interval = Duration.ofMinutes(5);
        Instant a = PollSlots.firstFire(42, interval, Instant.parse("2026-11-26T10:00:00Z"));
        Instant b = PollSlots.firstFire(42, interval, Instant.parse("2026-11-26T13:37:11Z"));
        assertThat(Duration.between(a, b).toMillis() % interval.toMillis()).isZero();
        assertThat(PollSlots.firstFire(43, interval, Instant.parse("2026-11-26T10:00:00Z"))).isNotEqualTo(a);
    }

    @Test
    void aLateFiringRunsOnceNowAndTheNextReturnsToThePhase() {
        Duration interval = Duration.ofMinutes(5);
        Instant start = Instant.now().minus(Duration.ofHours(1));
        OperableTrigger t = (OperableTrigger) PollSlots.trigger(PollSlots.slotOf(42, interval), start);
        t.computeFirstFireTime(null);
        long phase = t.getNextFireTime().getTime();
        // The node was busy or down past the misfire threshold: Quartz applies the trigger's misfire rule.
        t.updateAfterMisfire(null);
        assertThat(t.getNextFireTime().getTime()).isCloseTo(System.currentTimeMillis(), org.assertj.core.data.Offset.offset(5_000L));
        t.triggered(null);
        long next = t.getNextFireTime().getTime();
        assertThat(next).isGreaterThan(System.currentTimeMillis());
        assertThat((next - phase) % interval.toMillis()).as("back on the slot's phase").isZero();
    }

    @Test
    void aSlotPollsEachOfItsSwitchesAtTheSwitchsOwnPhase() {
        Duration interval = Duration.ofMinutes(5);
        Instant now = Instant.parse("2026-11-26T10:00:00Z");
        assertThat(PollSlots.count(interval)).isEqualTo(60);
        assertThat(PollSlots.count(Duration.ofSeconds(7))).isEqualTo(12);
        for (int id = 1; id <= 2_000; id++) {
            PollSlots.Slot slot = PollSlots.slotOf(id, interval);
            long offset = PollSlots.phaseMillis(id, interval) - slot.startMillis();
            assertThat(offset).as("switch %d within its 5 s slot", id).isBetween(0L, PollSlots.SLOT_MILLIS - 1);
            OperableTrigger t = (OperableTrigger) PollSlots.trigger(slot, now);
            t.computeFirstFireTime(null);
            Instant due = t.getNextFireTime().toInstant().plusMillis(offset);
            // The slot fires at most one slot ahead of the switch's own next phase.
            assertThat(Duration.between(PollSlots.firstFire(id, interval, now), due).toMillis() % interval.toMillis())
                    .isZero();
        }
    }
}
