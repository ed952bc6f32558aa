package porttracer.search;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import porttracer.store.SwitchRecord;

/**
 * Live switch lookups per minute: each switch takes at most {@code perSwitch} (forced, site/floor
 * and automatic stale re-checks alike, so that no one hammers a switch's CLI through the API), and
 * each user below netadmin at most {@code perUser}. A forced lookup over a cap is refused with 429
 * and the seconds until the window has room; an automatic re-check over a switch's cap is skipped
 * and the answer comes from the index as it is.
 */
final class LiveQuota {

    private static final long WINDOW_NANOS = 60_000_000_000L;
    private static final int MAX_TRACKED = 100_000;

    private final int perUser;
    private final int perSwitch;
    private final Map<String, ArrayDeque<Long>> users = new HashMap<>();
    private final Map<Integer, ArrayDeque<Long>> switches = new HashMap<>();
    private final Counter refused;

    LiveQuota(int perUser, int perSwitch, PrometheusRegistry registry) {
        this.perUser = perUser;
        this.perSwitch = perSwitch;
        this.refused = Counter.builder().name("porttracer_live_quota_refused_total")
                .help("Live switch lookups refused or skipped by the quotas, by quota (user, switch, automatic)")
                .labelNames("quota").register(registry);
    }

    /** Admits a forced or site/floor lookup of these switches for this user, all or none; else 429. */
    synchronized List<SwitchRecord> admitForced(Users.User user, List<SwitchRecord> targets) {
        long now = System.nanoTime();
        prune(now);
        if (!user.role().atLeast(Role.NETADMIN)) {
            ArrayDeque<Long> mine = users.computeIfAbsent(user.username(), k -> new ArrayDeque<>());
            expire(mine, now);
            if (mine.size() + targets.size() > perUser) {
                refused.labelValues("user").inc();
                throw new ApiError(429, "live switch lookups are limited to " + perUser + " per minute for the "
                        + user.role().id() + " role; this asks " + targets.size() + " switches",
                        Map.of(), retryAfter(mine, now, Math.max(1, mine.size() + targets.size() - perUser)));
            }
        }
        for (SwitchRecord sw : targets) {
            ArrayDeque<Long> times = switches.computeIfAbsent(sw.id(), k -> new ArrayDeque<>());
            expire(times, now);
            if (times.size() >= perSwitch) {
                refused.labelValues("switch").inc();
                throw new ApiError(429, "switch " + sw.name() + " has been asked live " + perSwitch
                        + " times in the last minute; its answer is in the index meanwhile", Map.of(),
                        retryAfter(times, now, 1));
            }
        }
        targets.forEach(sw -> switches.get(sw.id()).addLast(now));
        if (!user.role().atLeast(Role.NETADMIN)) {
            ArrayDeque<Long> mine = users.get(user.username());
            targets.forEach(sw -> mine.addLast(now));
        }
        return targets;
    }

    /** The switches an automatic stale re-check may ask now (each counted); the others are skipped. */
    synchronized List<SwitchRecord> admitAutomatic(List<SwitchRecord> targets) {
        long now = System.nanoTime();
        prune(now);
        List<SwitchRecord> out = new ArrayList<>();
        for (SwitchRecord sw : targets) {
            ArrayDeque<Long> times = switches.computeIfAbsent(sw.id(), k -> new ArrayDeque<>());
            expire(times, now);
            if (times.size() < perSwitch) {
                times.addLast(now);
                out.add(sw);
            } else {
                refused.labelValues("automatic").inc();
            }
        }
        return out;
    }

    /** Seconds until {@code needed} of the window's entries have expired. */
    private static long retryAfter(ArrayDeque<Long> times, long now, int needed) {
        int i = 0;
        for (long t : times) {
            if (++i >= needed) {
                return Math.max(1, (t + WINDOW_NANOS - now + 999_999_999L) / 1_000_000_000L);
            }
        }
        return 60;
    }

    /** Forgets quiet users and switches once many are tracked, so that the maps stay bounded. */
    private void prune(long now) {
        if (users.size() > MAX_TRACKED || switches.size() > MAX_TRACKED) {
            users.values().removeIf(d -> d.isEmpty() || now - d.peekLast() >= WINDOW_NANOS);
            switches.values().removeIf(d -> d.isEmpty() || now - d.peekLast() >= WINDOW_NANOS);
        }
    }

    private static void expire(ArrayDeque<Long> times, long now) {
        while (!times.isEmpty() && now - times.peekFirst() >= WINDOW_NANOS) {
            times.pollFirst();
        }
    }
}
