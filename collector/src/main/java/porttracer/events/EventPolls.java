package porttracer.events;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import javax.sql.DataSource;
import org.quartz.ObjectAlreadyExistsException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import porttracer.collect.Collector;
import porttracer.store.EventPollStore;
import porttracer.store.StoreException;

/**
 * Turns a switch's link event into one poll of that switch soon, debounced cluster-wide: a row
 * claim in PostgreSQL lets at most one poll per switch be pending and at most one fire per
 * debounce window (an event inside the window moves the next poll to the window's end, so the
 * last change is always read), and a one-shot Quartz trigger on the clustered job store runs it on
 * exactly one node, through the switch's own poll job (same thread pool, SSH caps and
 * never-two-at-once rule as the scheduled polls).
 */
public final class EventPolls {

    private static final Logger LOG = LoggerFactory.getLogger(EventPolls.class);
    static final String GROUP = "events";

    private final EventPollStore claims;
    private final Scheduler scheduler;
    private final double delaySeconds;
    private final double debounceSeconds;
    private final EventMetrics metrics;

    /**
     * {@code delay}: from the event to the poll (a host's MAC is learnt from its first frames after link up;
     * duplicate copies of one event sent to several collectors also fold into one poll within it).
     * {@code debounce}: the least time between two event polls of one switch.
     */
    public EventPolls(DataSource db, Scheduler scheduler, Duration delay, Duration debounce, EventMetrics metrics) {
        this.claims = new EventPollStore(db);
        this.scheduler = scheduler;
        this.delaySeconds = delay.toMillis() / 1000.0;
        this.debounceSeconds = debounce.toMillis() / 1000.0;
        this.metrics = metrics;
    }

    /** Asks for a poll of {@code switchId}; the instant it will fire, or empty when folded into a pending one. */
    public Optional<Instant> request(int switchId) {
        return request(switchId, null);
    }

    /**
     * As {@link #request(int)} for a change on {@code port} (null: not named): the poll reads that port alone where
     * it can. Folded into a pending poll for another port (or none), that poll reads the whole switch instead.
     */
    public Optional<Instant> request(int switchId, String port) {
        Instant fireAt;
        try {
            fireAt = claims.claim(switchId, delaySeconds, debounceSeconds).orElse(null);
        } catch (StoreException e) {
            metrics.poll("failed");
            LOG.atWarn().addKeyValue("switchId", switchId).addKeyValue("error", e.getMessage())
                    .log("event poll not claimed; the scheduled poll will read the change");
            return Optional.empty();
        }
        if (fireAt == null) {
            metrics.poll("debounced");
            widenPending(switchId, port);
            return Optional.empty();
        }
        Trigger trigger = trigger(TriggerKey.triggerKey("switch-" + switchId + "-" + fireAt.toEpochMilli(), GROUP),
                switchId, fireAt, port);
        try {
            scheduler.scheduleJob(trigger);
        } catch (ObjectAlreadyExistsException e) {
            // Already scheduled under this very key.
        } catch (SchedulerException e) {
            metrics.poll("failed");
            LOG.atWarn().addKeyValue("switchId", switchId).addKeyValue("error", e.getMessage())
                    .log("event poll not scheduled (switch not scheduled yet?); the scheduled poll will read the change");
            return Optional.empty();
        }
        metrics.poll("scheduled");
        LOG.atDebug().addKeyValue("switchId", switchId).addKeyValue("fireAt", fireAt).log("event poll scheduled");
        return Optional.of(fireAt);
    }

    // Deterministic key per switch and instant: a retried claim cannot schedule a second poll.
    private static Trigger trigger(TriggerKey key, int switchId, Instant fireAt, String port) {
        TriggerBuilder<Trigger> b = TriggerBuilder.newTrigger().withIdentity(key).forJob(Collector.jobKeyOf(switchId))
                .startAt(Date.from(fireAt));
        if (port != null) {
            b = b.usingJobData(Collector.EVENT_PORT, port);
        }
        return b.withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow()).build();
    }

    /** A pending poll of one port that another event folds into reads the whole switch, so neither change is missed. */
    private void widenPending(int switchId, String port) {
        try {
            for (Trigger t : scheduler.getTriggersOfJob(Collector.jobKeyOf(switchId))) {
                String pending = t.getJobDataMap().getString(Collector.EVENT_PORT);
                if (GROUP.equals(t.getKey().getGroup()) && pending != null && !pending.equals(port)) {
                    scheduler.rescheduleJob(t.getKey(), trigger(t.getKey(), switchId, t.getStartTime().toInstant(), null));
                }
            }
        } catch (SchedulerException e) {
            LOG.atWarn().addKeyValue("switchId", switchId).addKeyValue("error", e.getMessage())
                    .log("pending event poll not widened; the scheduled poll will read the change");
        }
    }
}
