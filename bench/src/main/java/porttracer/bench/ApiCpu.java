package porttracer.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * CPU time spent by the API's side of a trace in this JVM: Jetty's request threads (Javalin names its pool
 * JettyServerThreadPool) and the Elasticsearch REST client's I/O dispatchers. The load generator's threads
 * (java.net.http) are left out, so this is what one trace costs the API, not the client.
 */
final class ApiCpu {

    private ApiCpu() {
    }

    /** Total CPU nanoseconds of those threads so far, and how many threads were counted. */
    static long[] sample() {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long total = 0;
        long threads = 0;
        for (var info : mx.getThreadInfo(mx.getAllThreadIds())) {
            if (info == null) {
                continue;
            }
            String name = info.getThreadName();
            if (name.startsWith("JettyServerThreadPool") || name.startsWith("I/O dispatcher")) {
                long cpu = mx.getThreadCpuTime(info.getThreadId());
                if (cpu > 0) {
                    total += cpu;
                    threads++;
                }
            }
        }
        return new long[] {total, threads};
    }
}
