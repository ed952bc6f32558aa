package porttracer.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.JobListener;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerListener;
import org.quartz.impl.matchers.GroupMatcher;

/**
 * Listens to the phased poll triggers of one collector: how late each poll started behind its scheduled
 * fire time (Quartz's own times) and how many triggers misfired (were more than the misfire threshold late,
 * after which Quartz fires them now and their scheduled time no longer shows the delay).
 */
final class ScheduleProbe implements JobListener, TriggerListener {

    static final String GROUP = "switches";

    private record Start(long firedAtMs, long lagMs) {
    }

    private final List<Start> starts = new ArrayList<>();
    private final List<Long> misfires = new ArrayList<>();
    private final AtomicLong vetoed = new AtomicLong();

    static ScheduleProbe attach(Scheduler scheduler) throws SchedulerException {
        ScheduleProbe p = new ScheduleProbe();
        scheduler.getListenerManager().addJobListener(p, GroupMatcher.jobGroupEquals(GROUP));
        scheduler.getListenerManager().addTriggerListener(p, GroupMatcher.triggerGroupEquals(GROUP));
        return p;
    }

    @Override
    public String getName() {
        return "bench-schedule-probe";
    }

    @Override
    public void jobToBeExecuted(JobExecutionContext context) {
        if (context.getScheduledFireTime() == null) {
            return;
        }
        long fired = context.getFireTime().getTime();
        synchronized (starts) {
            starts.add(new Start(fired, fired - context.getScheduledFireTime().getTime()));
        }
    }

    @Override
    public void jobExecutionVetoed(JobExecutionContext context) {
        vetoed.incrementAndGet();
    }

    @Override
    public void jobWasExecuted(JobExecutionContext context, JobExecutionException e) {
    }

    @Override
    public void triggerFired(Trigger trigger, JobExecutionContext context) {
    }

    @Override
    public boolean vetoJobExecution(Trigger trigger, JobExecutionContext context) {
        return false;
    }

    @Override
    public void triggerMisfired(Trigger trigger) {
        synchronized (misfires) {
            misfires.add(System.currentTimeMillis());
        }
    }

    @Override
    public void triggerComplete(Trigger trigger, JobExecutionContext context, Trigger.CompletedExecutionInstruction i) {
    }

    /** Lag percentiles of the polls this node started in [from, to), and the misfires in it. */
    Map<String, Object> window(Instant from, Instant to) {
        long a = from.toEpochMilli();
        long b = to.toEpochMilli();
        List<Long> lags = new ArrayList<>();
        synchronized (starts) {
            for (Start s : starts) {
                if (s.firedAtMs() >= a && s.firedAtMs() < b) {
                    lags.add(s.lagMs() * 1_000_000L);
                }
            }
        }
        long mis;
        synchronized (misfires) {
            mis = misfires.stream().filter(t -> t >= a && t < b).count();
        }
        long[] sorted = Report.sorted(lags.stream().mapToLong(Long::longValue).toArray(), lags.size());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("scheduled_starts", lags.size());
        m.put("lag_p50_s", Report.round(Report.pctMs(sorted, 50) / 1000, 3));
        m.put("lag_p99_s", Report.round(Report.pctMs(sorted, 99) / 1000, 3));
        m.put("lag_max_s", Report.round(Report.pctMs(sorted, 100) / 1000, 3));
        m.put("misfires", mis);
        m.put("vetoed", vetoed.get());
        return m;
    }
}
