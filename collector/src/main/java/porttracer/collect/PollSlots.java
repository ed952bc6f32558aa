package porttracer.collect;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.quartz.CalendarIntervalScheduleBuilder;
import org.quartz.DateBuilder.IntervalUnit;
import org.quartz.JobKey;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import porttracer.config.PollConfig;
import porttracer.store.SwitchRecord;

/**
 * The poll schedule in slots. Each switch has a phase in its interval (golden-ratio steps by switch id, so that
 * polls spread evenly); the interval is cut into slots of at most {@link #SLOT_MILLIS}, and one clustered Quartz trigger
 * per slot fires on one node, which then polls the slot's switches each at its own phase on its poll threads.
 * Quartz's job store takes its one cluster lock row for every firing and every completion: one trigger per
 * switch capped a node near 10 polls/s whatever its threads (bench/RESULTS.md 5b); per slot it is one firing
 * per 5 s. Which switches a slot holds is each node's own reading of the inventory ({@link #assign}).
 */
final class PollSlots {

    static final String GROUP = "poll-slots";
    static final long SLOT_MILLIS = 5_000;
    // Short intervals still get several slots, so that the nodes of a cluster share them.
    private static final int MIN_SLOTS = 12;
    // Golden-ratio phases spread consecutive switch ids evenly over the interval.
    private static final double PHASE_STEP = 0.6180339887498949;

    /** Slot {@code index} of the interval {@code intervalSeconds} long. */
    record Slot(long intervalSeconds, int index) {

        String name() {
            return "slot-" + intervalSeconds + "s-" + index;
        }

        JobKey jobKey() {
            return JobKey.jobKey(name(), GROUP);
        }

        TriggerKey triggerKey() {
            return TriggerKey.triggerKey(name(), GROUP);
        }

        Duration interval() {
            return Duration.ofSeconds(intervalSeconds);
        }

        long startMillis() {
            return index * interval().toMillis() / count(interval());
        }
    }

    /** A switch of a slot, due {@code offsetMillis} after the slot's firing. */
    record Member(int switchId, long offsetMillis) {
    }

    private volatile Map<Slot, List<Member>> members = Map.of();
    // Scheduled polls handed to the pool and not started yet: a switch is queued once, however late the node runs.
    private final Set<Integer> queued = ConcurrentHashMap.newKeySet();

    static int count(Duration interval) {
        return (int) Math.max(MIN_SLOTS, (interval.toMillis() + SLOT_MILLIS - 1) / SLOT_MILLIS);
    }

    static long phaseMillis(int switchId, Duration interval) {
        return (long) (((switchId * PHASE_STEP) % 1.0) * interval.toMillis());
    }

    static Slot slotOf(int switchId, Duration interval) {
        int n = count(interval);
        int index = (int) Math.min(n - 1, phaseMillis(switchId, interval) * n / interval.toMillis());
        return new Slot(interval.toSeconds(), index);
    }

    /** The next instant at or after {@code now} on this switch's phase of the interval. */
    static Instant firstFire(int switchId, Duration interval, Instant now) {
        return onPhase(phaseMillis(switchId, interval), interval, now);
    }

    private static Instant onPhase(long phase, Duration interval, Instant now) {
        long period = interval.toMillis();
        long t = now.toEpochMilli();
        long next = Math.floorDiv(t - phase, period) * period + phase;
        return Instant.ofEpochMilli(next < t ? next + period : next);
    }

    /**
     * A slot's trigger: every interval on the slot's phase. A late firing runs once at once and the next one
     * returns to the phase (a calendar-interval trigger counts from its start); a simple trigger's "fire now"
     * would move the phase to the late moment and bunch the slots of an overloaded node.
     */
    static Trigger trigger(Slot slot, Instant now) {
        return TriggerBuilder.newTrigger().withIdentity(slot.triggerKey()).forJob(slot.jobKey())
                .startAt(java.util.Date.from(onPhase(slot.startMillis(), slot.interval(), now)))
                .withSchedule(CalendarIntervalScheduleBuilder.calendarIntervalSchedule()
                        .withInterval((int) slot.intervalSeconds(), IntervalUnit.SECOND)
                        .withMisfireHandlingInstructionFireAndProceed())
                .build();
    }

    /** Sorts the enabled switches into their slots; returns the slots they need. */
    Set<Slot> assign(List<SwitchRecord> switches, PollConfig poll) {
        Map<Slot, List<Member>> bySlot = new HashMap<>();
        for (SwitchRecord sw : switches) {
            if (sw.enabled()) {
                Duration interval = poll.intervalOf(sw.pollIntervalSeconds());
                Slot slot = slotOf(sw.id(), interval);
                bySlot.computeIfAbsent(slot, s -> new ArrayList<>())
                        .add(new Member(sw.id(), phaseMillis(sw.id(), interval) - slot.startMillis()));
            }
        }
        bySlot.values().forEach(l -> l.sort(Comparator.comparingLong(Member::offsetMillis)));
        members = bySlot;
        return bySlot.keySet();
    }

    /** The slot this node polls a switch in (a scan: for checks, not the poll path). */
    java.util.Optional<Slot> holding(int switchId) {
        return members.entrySet().stream().filter(e -> e.getValue().stream().anyMatch(m -> m.switchId() == switchId))
                .map(Map.Entry::getKey).findFirst();
    }

    List<Member> membersOf(Slot slot) {
        return members.getOrDefault(slot, List.of());
    }

    /** How many scheduled polls wait on this node for a poll thread. */
    int queued() {
        return queued.size();
    }

    /** What runs one switch's scheduled poll, told when it was due. */
    interface ScheduledPoll {
        void run(int switchId, Instant due);
    }

    /**
     * Polls a slot's switches, each handed to {@code pool} at its phase after {@code fired}, and waits for them up
     * to the slot's interval, so that the firing is recovered on another node if this one dies meanwhile (Quartz
     * re-fires a recoverable job; the polls already done are then skipped as polled recently). A switch whose
     * previous scheduled poll still waits in this node's queue is not queued twice.
     */
    void run(Slot slot, Instant fired, ExecutorService pool, ScheduledPoll poll) throws InterruptedException {
        List<Future<?>> handed = new ArrayList<>();
        for (Member m : membersOf(slot)) {
            Instant due = fired.plusMillis(m.offsetMillis());
            long wait = due.toEpochMilli() - System.currentTimeMillis();
            if (wait > 0) {
                Thread.sleep(wait);
            }
            if (queued.add(m.switchId())) {
                try {
                    handed.add(pool.submit(() -> {
                        queued.remove(m.switchId());
                        poll.run(m.switchId(), due);
                    }));
                } catch (java.util.concurrent.RejectedExecutionException closing) {
                    queued.remove(m.switchId());
                    return;
                }
            }
        }
        long deadline = System.nanoTime() + slot.interval().toNanos();
        for (Future<?> f : handed) {
            try {
                f.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.CancellationException e) {
                // A poll records its own failure; one cancelled by the node's closing is polled again next time.
            } catch (TimeoutException e) {
                return;
            }
        }
    }
}
