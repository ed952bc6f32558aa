package porttracer.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.quartz.SimpleTrigger;
import org.quartz.TriggerKey;
import porttracer.config.Settings;
import porttracer.index.Elastic;
import porttracer.index.Retention;

/**
 * Monthly events and polls indices past PORTTRACER_EVENTS_RETENTION_DAYS / PORTTRACER_POLLS_RETENTION_DAYS
 * are deleted by the collector's clustered maintenance task; the current months and other indices stay.
 */
class RetentionTest {

    @Test
    void monthsPastRetentionAreDeletedByTheCollectorsScheduledTask() throws Exception {
        Settings s = TestEnv.settings(Map.of("events.retention-days", "60", "polls.retention-days", "20"));
        Scratch.resetDatabase(s);
        try (PortTracer pt = new PortTracer(s)) {
            Elastic es = pt.elastic();
            try {
                Instant now = Instant.now();
                String thisMonth = Elastic.monthly("", now).substring(1);
                String longAgo = "2020.01";
                // Ended more than 20 days ago whatever today is: the month before last.
                String twoMonthsAgo = Elastic.monthly("", ZonedDateTime.ofInstant(now, ZoneOffset.UTC).minusMonths(2)
                        .toInstant()).substring(1);
                List<String> made = List.of(es.events() + "-" + longAgo, es.events() + "-" + thisMonth,
                        es.polls() + "-" + longAgo, es.polls() + "-" + twoMonthsAgo, es.polls() + "-" + thisMonth,
                        es.events() + "-archive");
                for (String name : made) {
                    es.client().indices().create(c -> c.index(name));
                }
                pt.startCollector();
                SimpleTrigger trigger = (SimpleTrigger) pt.collector().scheduler()
                        .getTrigger(TriggerKey.triggerKey(PortTracer.RETENTION_TASK, "maintenance"));
                assertThat(trigger).as("retention is scheduled on the clustered scheduler").isNotNull();
                assertThat(trigger.getRepeatInterval()).isEqualTo(Duration.ofMinutes(360).toMillis());

                pt.collector().runNow(PortTracer.RETENTION_TASK);
                Set<String> gone = Set.of(es.events() + "-" + longAgo, es.polls() + "-" + longAgo,
                        es.polls() + "-" + twoMonthsAgo);
                Instant deadline = Instant.now().plusSeconds(60);
                Set<String> left = indices(es);
                while (left.stream().anyMatch(gone::contains) && Instant.now().isBefore(deadline)) {
                    Thread.sleep(200);
                    left = indices(es);
                }
                assertThat(left).doesNotContainAnyElementsOf(gone)
                        .contains(es.events() + "-" + thisMonth, es.polls() + "-" + thisMonth, es.events() + "-archive");
                // Running again finds nothing more to delete.
                assertThat(new Retention(es, 60, 20, (f, n) -> { }).run(Instant.now())).isEmpty();
                // 0 keeps every month.
                assertThat(new Retention(es, 0, 0, (f, n) -> { }).run(Instant.now().plus(Duration.ofDays(9999)))).isEmpty();
            } finally {
                TestEnv.deleteIndices(es);
            }
        }
    }

    @Test
    void aMonthGoesOnlyOnceItsLastDayIsOlderThanTheRetention() throws Exception {
        Settings s = TestEnv.settings(Map.of());
        try (PortTracer pt = new PortTracer(s)) {
            Elastic es = pt.elastic();
            try {
                es.client().indices().create(c -> c.index(es.events() + "-2026.01"));
                // January ends on 1 February: 30 days of retention keep it until 3 March.
                Retention r = new Retention(es, 30, 30, (f, n) -> { });
                assertThat(r.run(Instant.parse("2026-03-02T23:00:00Z"))).isEmpty();
                assertThat(r.run(Instant.parse("2026-03-03T00:00:01Z"))).containsExactly(es.events() + "-2026.01");
            } finally {
                TestEnv.deleteIndices(es);
            }
        }
    }

    private static Set<String> indices(Elastic es) throws Exception {
        return es.client().indices().get(g -> g.index(es.prefix() + "-*").allowNoIndices(true)).result().keySet();
    }
}
