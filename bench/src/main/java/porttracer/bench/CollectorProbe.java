package porttracer.bench;

import com.sun.management.OperatingSystemMXBean;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Samples this process while a poll cycle runs: SSH sessions in use (porttracer_ssh_sessions_in_use),
 * heap in use, and at the end the process CPU time and the heap pools' peaks.
 */
final class CollectorProbe implements AutoCloseable {

    private final PrometheusRegistry registry;
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "bench-probe");
        t.setDaemon(true);
        return t;
    });
    private final OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private final long cpu0;
    private final long wall0;
    private volatile double maxSessions;
    private volatile double sumSessions;
    private volatile long samples;
    private volatile long maxHeapUsed;

    CollectorProbe(PrometheusRegistry registry) {
        this.registry = registry;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            p.resetPeakUsage();
        }
        cpu0 = os.getProcessCpuTime();
        wall0 = System.nanoTime();
        sampler.scheduleAtFixedRate(this::sample, 0, 250, TimeUnit.MILLISECONDS);
    }

    private void sample() {
        double inUse = gauge(registry, "porttracer_ssh_sessions_in_use");
        maxSessions = Math.max(maxSessions, inUse);
        sumSessions += inUse;
        samples++;
        long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        maxHeapUsed = Math.max(maxHeapUsed, used);
    }

    static double gauge(PrometheusRegistry registry, String name) {
        for (MetricSnapshot m : registry.scrape(n -> n.equals(name))) {
            if (m instanceof GaugeSnapshot g && !g.getDataPoints().isEmpty()) {
                return g.getDataPoints().get(0).getValue();
            }
        }
        return 0;
    }

    /** Sum of a counter over its labels, optionally only where label {@code label} is {@code value}. */
    static double counter(PrometheusRegistry registry, String name, String label, String value) {
        double sum = 0;
        for (MetricSnapshot m : registry.scrape(n -> n.equals(name) || n.equals(name + "_total"))) {
            if (m instanceof CounterSnapshot c) {
                for (var dp : c.getDataPoints()) {
                    if (label == null || value.equals(dp.getLabels().get(label))) {
                        sum += dp.getValue();
                    }
                }
            }
        }
        return sum;
    }

    double cpuSeconds() {
        return (os.getProcessCpuTime() - cpu0) / 1e9;
    }

    double wallSeconds() {
        return (System.nanoTime() - wall0) / 1e9;
    }

    double maxSessionsInUse() {
        return maxSessions;
    }

    double meanSessionsInUse() {
        return samples == 0 ? 0 : sumSessions / samples;
    }

    long maxHeapUsedMb() {
        return maxHeapUsed >> 20;
    }

    /** The heap pools' peaks added up (an upper bound: each pool peaks at its own moment). */
    static long heapPeakMb() {
        long sum = 0;
        List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans();
        for (MemoryPoolMXBean p : pools) {
            if (p.getType() == MemoryType.HEAP && p.getPeakUsage() != null) {
                sum += p.getPeakUsage().getUsed();
            }
        }
        return sum >> 20;
    }

    /** Heap in use right after the last collection of each heap pool: an estimate of the live set. */
    static long heapAfterGcMb() {
        long sum = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP && p.getCollectionUsage() != null) {
                sum += p.getCollectionUsage().getUsed();
            }
        }
        return sum >> 20;
    }

    @Override
    public void close() {
        sampler.shutdownNow();
    }
}
