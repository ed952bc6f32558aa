package porttracer.collect;

import java.time.Instant;
import java.util.concurrent.ExecutorService;
import org.quartz.JobDataMap;

/**
 * The Quartz job of one poll slot ({@link PollSlots}): one firing per interval on one node of the cluster, which
 * polls the slot's switches. Not {@code @DisallowConcurrentExecution}: that keeps the slot's trigger blocked while
 * it runs and then wakes only the node that ran it, so one node took every slot and its peers none. A firing that
 * overruns into the next one is harmless: a switch still queued or polled within half an interval is skipped.
 */
final class SlotJob extends TaskJob {

    static final String INTERVAL = "intervalSeconds";
    static final String INDEX = "slot";

    SlotJob(PollSlots slots, ExecutorService pool, PollSlots.ScheduledPoll poll) {
        super("poll-slot", firing -> {
            JobDataMap data = firing.getMergedJobDataMap();
            PollSlots.Slot slot = new PollSlots.Slot(Long.parseLong(data.getString(INTERVAL)),
                    Integer.parseInt(data.getString(INDEX)));
            Instant fired = firing.getScheduledFireTime() != null ? firing.getScheduledFireTime().toInstant() : Instant.now();
            slots.run(slot, fired, pool, poll);
        });
    }
}
