package porttracer.config;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

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
}
