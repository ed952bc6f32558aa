package porttracer.search;

import io.prometheus.metrics.core.metrics.Counter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/**
 * DNS names typed in the search box to IP addresses, through the system resolver, within a
 * bounded time, cached (answers for 5 minutes, failures for 1), so that a slow or absent DNS
 * server never holds a search up for longer than the bound.
 */
final class HostResolver implements AutoCloseable {

    /** RFC 1123 host names with at least one letter (so that IPs and numbers are never looked up). */
    static final Pattern NAME = Pattern.compile(
            "(?=.{1,253}$)(?=.*[A-Za-z])[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\\.?");
    private static final long HIT_NANOS = TimeUnit.MINUTES.toNanos(5);
    private static final long MISS_NANOS = TimeUnit.MINUTES.toNanos(1);
    private static final int MAX_CACHED = 10_000;

    private record Entry(List<String> ips, long expires) {
    }

    private final Duration timeout;
    private final Counter lookups;
    private final Map<String, Entry> cache = new ConcurrentHashMap<>();
    // Few threads: a lookup stuck past its bound keeps one busy until the resolver gives up.
    private final ExecutorService pool = new java.util.concurrent.ThreadPoolExecutor(4, 4, 0, TimeUnit.MILLISECONDS,
            new java.util.concurrent.ArrayBlockingQueue<>(100), r -> {
                Thread t = new Thread(r, "porttracer-dns");
                t.setDaemon(true);
                return t;
            });

    HostResolver(Duration timeout, Counter lookups) {
        this.timeout = timeout;
        this.lookups = lookups;
    }

    /** The IPs of {@code name}, or none when it does not resolve in time; never throws. */
    List<String> resolve(String name) {
        String key = name.toLowerCase(java.util.Locale.ROOT);
        Entry cached = cache.get(key);
        if (cached != null && cached.expires - System.nanoTime() > 0) {
            lookups.labelValues("cached").inc();
            return cached.ips;
        }
        List<String> ips = List.of();
        String outcome;
        try {
            Future<InetAddress[]> f = pool.submit(() -> InetAddress.getAllByName(key));
            try {
                List<String> found = new ArrayList<>();
                for (InetAddress a : f.get(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    found.add(a.getHostAddress().replaceFirst("%.*$", ""));
                }
                ips = List.copyOf(found);
                outcome = "resolved";
            } catch (TimeoutException e) {
                f.cancel(true);
                outcome = "timeout";
            } catch (ExecutionException e) {
                outcome = e.getCause() instanceof UnknownHostException ? "unknown" : "error";
            }
        } catch (RejectedExecutionException e) {
            outcome = "error";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            outcome = "error";
        }
        lookups.labelValues(outcome).inc();
        if (cache.size() >= MAX_CACHED) {
            cache.clear();
        }
        cache.put(key, new Entry(ips, System.nanoTime() + (ips.isEmpty() ? MISS_NANOS : HIT_NANOS)));
        return ips;
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
