package porttracer.sim;

import java.util.concurrent.ScheduledExecutorService;
import org.apache.sshd.common.io.IoServiceFactoryFactory;
import org.apache.sshd.common.io.nio2.Nio2ServiceFactoryFactory;
import org.apache.sshd.common.util.threads.CloseableExecutorService;
import org.apache.sshd.common.util.threads.ThreadUtils;

/**
 * I/O and timer threads shared by every simulated switch of one process: on its own each MINA server
 * starts its own, which at fleet size exhausted the machine's thread ids (bench/RESULTS.md, section 4b).
 * Shared, a switch costs one thread (its channel group's event loop).
 */
final class SharedIo implements AutoCloseable {

    private final CloseableExecutorService workers =
            ThreadUtils.newFixedThreadPool("sim-nio", Math.max(4, 2 * Runtime.getRuntime().availableProcessors()));
    private final ScheduledExecutorService timers = ThreadUtils.newSingleThreadScheduledExecutor("sim-timer");
    // noClose: a switch that stops closes its channel group, never the pool the others still use.
    private final IoServiceFactoryFactory factories = new Nio2ServiceFactoryFactory(() -> ThreadUtils.noClose(workers));

    SharedIo() {
        // Started now, with the simulator, rather than by the first session that needs them.
        ((java.util.concurrent.ThreadPoolExecutor) workers).prestartAllCoreThreads();
        ((java.util.concurrent.ThreadPoolExecutor) timers).prestartAllCoreThreads();
    }

    IoServiceFactoryFactory factories() {
        return factories;
    }

    ScheduledExecutorService timers() {
        return timers;
    }

    @Override
    public void close() {
        workers.shutdownNow();
        timers.shutdownNow();
    }
}
