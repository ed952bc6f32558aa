package porttracer.collect;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** The Quartz job of one switch: never runs twice at once for the same switch, cluster-wide. */
@DisallowConcurrentExecution
final class PollJob implements Job {

    static final String SWITCH_ID = "switchId";

    private final Poller poller;
    private final Metrics metrics;

    PollJob(Poller poller, Metrics metrics) {
        this.poller = poller;
        this.metrics = metrics;
    }

    @Override
    public void execute(JobExecutionContext context) {
        int switchId = Integer.parseInt(context.getMergedJobDataMap().getString(SWITCH_ID));
        if (context.getScheduledFireTime() != null) {
            metrics.pollLag.set((System.currentTimeMillis() - context.getScheduledFireTime().getTime()) / 1000.0);
        }
        boolean scheduled = Collector.GROUP.equals(context.getTrigger().getKey().getGroup());
        // A switch removed or disabled since the trigger fired is skipped; the next sync unschedules it.
        poller.find(switchId).filter(sw -> sw.enabled())
                .filter(sw -> !scheduled || !poller.polledRecently(sw))
                .ifPresent(poller::poll);
    }
}
