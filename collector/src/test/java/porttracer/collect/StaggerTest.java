package porttracer.collect;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import porttracer.domain.Platform;
import porttracer.store.SwitchRecord;

/** Poll start times spread evenly over the interval, stable per switch, shared by a site's switches. */
class StaggerTest {

    @Test
    void anyTenSecondWindowHoldsAtMostOneAndAHalfTimesTheMeanOfPollStarts() {
        Duration interval = Duration.ofMinutes(5);
        Instant now = Instant.parse("2026-11-26T10:00:00Z");
        for (int switches : new int[] {300, 1_000, 10_000}) {
            int[] perWindow = new int[30];
            for (int id = 1; id <= switches; id++) {
                Instant first = Collector.firstFire(id, interval, now);
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
        Instant a = Collector.firstFire(42, interval, Instant.parse("2026-11-26T10:00:00Z"));
        Instant b = Collector.firstFire(42, interval, Instant.parse("2026-11-26T13:37:11Z"));
        assertThat(Duration.between(a, b).toMillis() % interval.toMillis()).isZero();
        assertThat(Collector.firstFire(43, interval, Instant.parse("2026-11-26T10:00:00Z"))).isNotEqualTo(a);
    }

    @Test
    void aSitesSwitchesSharePhaseAndSitesSpreadOverTheInterval() {
        Duration interval = Duration.ofMinutes(5);
        Instant now = Instant.parse("2026-11-26T10:00:00Z");
        List<SwitchRecord> fleet = new ArrayList<>();
        for (int id = 1; id <= 1_100; id++) {
            // 100 sites of 11, registered site by site as the bench and a CSV import do; one big site of 40.
            fleet.add(sw(id, "site" + (id - 1) / 11));
        }
        for (int id = 2_001; id <= 2_040; id++) {
            fleet.add(sw(id, "campus"));
        }
        fleet.add(sw(3_000, null));
        Map<Integer, Integer> keys = Collector.phaseKeys(fleet);
        Set<Instant> siteStarts = new TreeSet<>();
        for (int site = 0; site < 100; site++) {
            Set<Instant> starts = new TreeSet<>();
            for (int id = site * 11 + 1; id <= site * 11 + 11; id++) {
                starts.add(Collector.firstFire(keys.get(id), interval, now));
            }
            assertThat(starts).as("site " + site).hasSize(1);
            siteStarts.addAll(starts);
        }
        assertThat(siteStarts).hasSize(100);
        int[] perWindow = new int[10];
        siteStarts.forEach(t -> perWindow[(int) (Duration.between(now, t).toMillis() / 30_000)]++);
        for (int n : perWindow) {
            assertThat(n).isBetween(5, 15);
        }
        // A site larger than a group polls in groups, so that no instant asks for more than a group of polls.
        Set<Integer> campus = new TreeSet<>();
        for (int id = 2_001; id <= 2_040; id++) {
            campus.add(keys.get(id));
        }
        assertThat(campus).containsExactly(2_001, 2_001 + Collector.SITE_GROUP);
        assertThat(keys.get(3_000)).isEqualTo(3_000);
    }

    private static SwitchRecord sw(int id, String site) {
        return new SwitchRecord(id, "sw" + id, "127.0.0.1", 22, Platform.OS6, "N3048", site, "floor1", true, null, false);
    }
}
