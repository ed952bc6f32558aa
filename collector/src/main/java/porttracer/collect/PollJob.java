package porttracer.collect;

import org.quartz.JobExecutionContext;

/**
 * The Quartz job of one switch, fired by a switch event or "poll now" (the schedule polls through
 * {@link SlotJob}). Its class name is stored with each switch's job, so it stays. A trigger from a switch event
 * may name a port ({@link #PORT}). Two polls of one switch never run at once on a node (the poller's per-switch
 * lock); Quartz's own rule for that ({@code @DisallowConcurrentExecution}) is not used: it costs four more
 * statements under the job store's one cluster lock row per poll. Across nodes an event poll and a scheduled one
 * may overlap: both read the switch, the index keeps the later answer.
 */
final class PollJob extends TaskJob {

    static final String SWITCH_ID = "switchId";
    /** Trigger data: the port an event named (absent: the whole switch). */
    static final String PORT = "port";

    PollJob(Poller poller, Metrics metrics) {
        super("poll", firing -> run(firing, poller, metrics));
    }

    private static void run(JobExecutionContext context, Poller poller, Metrics metrics) {
        int switchId = Integer.parseInt(context.getMergedJobDataMap().getString(SWITCH_ID));
        if (context.getScheduledFireTime() != null) {
            metrics.pollLag.set((System.currentTimeMillis() - context.getScheduledFireTime().getTime()) / 1000.0);
        }
        String port = context.getTrigger().getJobDataMap().getString(PORT);
        // A switch removed or disabled since the trigger fired is skipped; the next sync deletes its job.
        poller.find(switchId).filter(sw -> sw.enabled())
                .ifPresent(sw -> poller.exclusively(sw.id(), () -> poller.poll(sw, port)));
    }
}
