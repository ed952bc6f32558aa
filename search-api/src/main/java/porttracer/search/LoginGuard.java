package porttracer.search;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Brute-force protection for password logins, per user and client address: after
 * {@code maxFailures} wrong passwords in a row the pair is locked out, for {@code baseLockout}
 * seconds and twice as long after each further failure (at most 15 minutes). A success clears it.
 */
final class LoginGuard {

    private record Failures(int count, long lockedUntilNanos, long lastNanos) {
    }

    private static final long MAX_LOCK_SECONDS = 900;
    private static final int MAX_TRACKED = 100_000;

    private final int maxFailures;
    private final long baseLockoutSeconds;
    private final ConcurrentHashMap<String, Failures> failures = new ConcurrentHashMap<>();

    LoginGuard(int maxFailures, long baseLockoutSeconds) {
        this.maxFailures = maxFailures;
        this.baseLockoutSeconds = baseLockoutSeconds;
    }

    /** Seconds the pair must still wait, or 0 when it may try. */
    long lockedFor(String username, String remote) {
        Failures f = failures.get(key(username, remote));
        if (f == null) {
            return 0;
        }
        long left = f.lockedUntilNanos - System.nanoTime();
        return left > 0 ? Math.max(1, (left + 999_999_999L) / 1_000_000_000L) : 0;
    }

    void failed(String username, String remote) {
        if (failures.size() > MAX_TRACKED) {
            forgetOld();
        }
        long now = System.nanoTime();
        failures.compute(key(username, remote), (k, f) -> {
            int count = f == null ? 1 : f.count + 1;
            long until = now;
            if (count >= maxFailures) {
                int doublings = Math.min(count - maxFailures, 10);
                until = now + Math.min(MAX_LOCK_SECONDS, baseLockoutSeconds << doublings) * 1_000_000_000L;
            }
            return new Failures(count, until, now);
        });
    }

    void succeeded(String username, String remote) {
        failures.remove(key(username, remote));
    }

    private void forgetOld() {
        long cutoff = System.nanoTime() - MAX_LOCK_SECONDS * 1_000_000_000L;
        failures.values().removeIf(f -> f.lastNanos - cutoff < 0);
    }

    private static String key(String username, String remote) {
        return username + '\n' + remote;
    }
}
