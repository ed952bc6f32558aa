package porttracer.config;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Background housekeeping threads: named for thread dumps, and daemons so they never hold the JVM up. */
public final class DaemonThreads {

    private DaemonThreads() {
    }

    /** A single-thread scheduler whose thread is called {@code name}. */
    public static ScheduledExecutorService scheduler(String name) {
        return Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    /** A single worker thread called {@code name}, started now rather than on the first task. */
    public static ExecutorService worker(String name) {
        return started(1, r -> new Thread(r, name));
    }

    /** {@code size} threads called {@code prefix-1}, {@code prefix-2}..., all started now rather than by load. */
    public static ThreadPoolExecutor pool(String prefix, int size) {
        AtomicInteger n = new AtomicInteger();
        return started(size, r -> new Thread(r, prefix + "-" + n.incrementAndGet()));
    }

    private static ThreadPoolExecutor started(int size, ThreadFactory named) {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(size, size, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
                r -> {
                    Thread t = named.newThread(r);
                    t.setDaemon(true);
                    return t;
                });
        pool.prestartAllCoreThreads();
        return pool;
    }
}
