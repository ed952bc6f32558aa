package porttracer.search;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;
import porttracer.config.PollConfig;
import porttracer.store.Inventory;
import porttracer.store.PollStatusStore;
import porttracer.store.SwitchRecord;
import porttracer.store.SwitchStatus;

/**
 * The inventory joined with each switch's poll status, cached for a couple of seconds so that a
 * trace costs no database round trip; freshness is computed from it.
 */
final class SwitchDirectory implements AutoCloseable {

    record Entry(SwitchRecord sw, SwitchStatus status) {
    }

    private static final long TTL_NANOS = 2_000_000_000L;

    private final Inventory inventory;
    private final PollStatusStore polls;
    private final PollConfig poll;
    private final int staleIntervals;
    private final java.util.concurrent.ExecutorService reloader =
            porttracer.config.DaemonThreads.worker("porttracer-switch-directory");
    private final java.util.concurrent.atomic.AtomicBoolean reloading = new java.util.concurrent.atomic.AtomicBoolean();
    private volatile boolean mustReload = true;
    private volatile Map<Integer, Entry> entries = Map.of();
    private volatile long loadedAt = System.nanoTime() - 2 * TTL_NANOS;

    SwitchDirectory(Inventory inventory, PollStatusStore polls, PollConfig poll) {
        this.inventory = inventory;
        this.polls = polls;
        this.poll = poll;
        this.staleIntervals = poll.staleIntervals();
    }

    /**
     * The cached view. Once loaded, an aged view is still served while one background thread
     * reloads it, so that a request never waits for a whole-inventory query (51 ms at 2 000
     * switches, in the trace benchmark's profile).
     */
    Map<Integer, Entry> all() {
        if (System.nanoTime() - loadedAt > TTL_NANOS) {
            if (mustReload) {
                refresh();
            } else if (reloading.compareAndSet(false, true)) {
                try {
                    reloader.execute(() -> {
                        try {
                            refresh();
                        } catch (RuntimeException e) {
                            // PostgreSQL unavailable: keep serving the last view; the next request retries.
                        } finally {
                            reloading.set(false);
                        }
                    });
                } catch (java.util.concurrent.RejectedExecutionException closed) {
                    reloading.set(false);
                }
            }
        }
        return entries;
    }

    Entry get(int switchId) {
        return all().get(switchId);
    }

    /** Forgets the cached inventory, e.g. after an administrator changed it. */
    void invalidate() {
        mustReload = true;
        loadedAt = System.nanoTime() - 2 * TTL_NANOS;
    }

    private synchronized void refresh() {
        if (System.nanoTime() - loadedAt <= TTL_NANOS) {
            return;
        }
        Map<Integer, SwitchStatus> status = polls.all();
        entries = inventory.switches().stream().collect(Collectors.toUnmodifiableMap(SwitchRecord::id,
                sw -> new Entry(sw, status.get(sw.id()))));
        loadedAt = System.nanoTime();
        mustReload = false;
    }

    @Override
    public void close() {
        reloader.shutdownNow();
    }

    /** Why a switch's data is stale, or null when it is fresh. */
    String staleReason(Entry e, Instant now) {
        return staleReason(e, now, Role.SUPERADMIN);
    }

    /** Why the switch's data is stale, or null; the switch's raw poll error only for roles that see it. */
    String staleReason(Entry e, Instant now, Role role) {
        if (e == null) {
            return "switch no longer in inventory";
        }
        SwitchStatus s = e.status();
        if (s == null || s.lastOkAt() == null) {
            return "switch never polled successfully";
        }
        Duration interval = poll.intervalOf(e.sw().pollIntervalSeconds());
        if (s.lastOkAt().plus(interval.multipliedBy(staleIntervals)).isBefore(now)) {
            String last = "ok".equals(s.lastOutcome()) ? "" : "; last poll " + s.lastOutcome() + error(s, role);
            return "last good poll " + s.lastOkAt() + " is older than " + staleIntervals + " poll intervals" + last;
        }
        if (!"ok".equals(s.lastOutcome())) {
            return "last poll failed (" + s.lastOutcome() + ")" + error(s, role);
        }
        return null;
    }

    private static String error(SwitchStatus s, Role role) {
        return role.seesManagement() ? ": " + s.lastError() : "";
    }
}
