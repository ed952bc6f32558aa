package porttracer.collect;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;

/**
 * The Quartz job of one switch: never runs twice at once for the same switch, cluster-wide. Its class name is
 * stored with each switch's job, so it stays; it runs like any clustered task. A trigger from a switch event
 * may name a port ({@link #PORT}).
 */
@DisallowConcurrentExecution
final class PollJob extends MaintenanceJob {

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
        poller.find(switchId).filter(sw -> sw.enabled())
                .filter(sw -> !scheduled || !poller.polledRecently(sw))
                .ifPresent(sw -> poller.poll(sw, port));
    }
}
