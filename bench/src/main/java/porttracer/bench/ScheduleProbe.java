package porttracer.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.quartz.JobExecutionContext;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerListener;
import org.quartz.impl.matchers.GroupMatcher;
import porttracer.collect.Collector;

/**
 * Listens to one collector's schedule: how late each scheduled poll started behind the moment it was due (its
 * switch's phase, told by the collector), and how many slot triggers misfired (were more than Quartz's misfire
 * threshold late, after which Quartz fires them now and the polls' due times move with them).
 */
final class ScheduleProbe implements TriggerListener {

    static final String SLOTS = "poll-slots";

    private record Start(long startedAtMs, long lagMs) {
    }

    private final List<Start> starts = new ArrayList<>();
    private final List<Long> misfires = new ArrayList<>();

    static ScheduleProbe attach(Collector collector) throws SchedulerException {
        ScheduleProbe p = new ScheduleProbe();
        collector.onScheduledPoll((switchId, due, started) -> {
            synchronized (p.starts) {
                p.starts.add(new Start(started.toEpochMilli(), started.toEpochMilli() - due.toEpochMilli()));
            }
        });
        collector.scheduler().getListenerManager().addTriggerListener(p, GroupMatcher.triggerGroupEquals(SLOTS));
        return p;
    }

    @Override
    public String getName() {
        return "bench-schedule-probe";
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

    /** Lag percentiles of the polls this node started in [from, to), and the slot misfires in it. */
    Map<String, Object> window(Instant from, Instant to) {
        long a = from.toEpochMilli();
        long b = to.toEpochMilli();
        List<Long> lags = new ArrayList<>();
        synchronized (starts) {
            for (Start s : starts) {
                if (s.startedAtMs() >= a && s.startedAtMs() < b) {
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
        m.put("slot_misfires", mis);
        return m;
    }
}
