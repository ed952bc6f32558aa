package porttracer.collect;

import org.quartz.JobExecutionContext;

/**
 * The Quartz job of one switch. Its class name is stored with each switch's job, so it stays. A trigger from a
 * switch event may name a port ({@link #PORT}). Two firings of one switch never poll at once on a node (the
 * poller's per-switch lock); Quartz's own rule for that ({@code @DisallowConcurrentExecution}) is not used: it
 * costs four more statements under the job store's one cluster lock row per poll, and that row bounds how many
 * polls a node can start per second (bench/RESULTS.md 5b). Across nodes a scheduled and an event poll of one
 * switch may overlap: both read the switch, the index keeps the later answer.
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
        boolean scheduled = Collector.GROUP.equals(context.getTrigger().getKey().getGroup());
        String port = context.getTrigger().getJobDataMap().getString(PORT);
        // A switch removed or disabled since the trigger fired is skipped; the next sync unschedules it.
        poller.find(switchId).filter(sw -> sw.enabled()).ifPresent(sw -> poller.exclusively(sw.id(), () -> {
            // Checked once this node's other poll of the switch (an event's) has finished.
            if (!scheduled || !poller.polledRecently(sw)) {
                poller.poll(sw, port);
            }
        }));
    }
}
