package porttracer.search;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Brute-force protection for password checks, per user name and client address, so that guesses
 * from behind one NAT against one account never lock out the others. Each failure adds one to a
 * score; once the pair has been quiet for {@code baseLockout} seconds (and any wait is over), the
 * score forgets one failure per {@code baseLockout} seconds. From {@code maxFailures} on, the pair
 * waits {@code baseLockout} seconds after its last failure, twice as long per further failure (at
 * most 15 minutes). A success clears the pair. A check in progress is counted before
 * its password is hashed, so that parallel guesses cannot overrun the limit.
 */
final class LoginGuard {

    private static final class Pair {
        double score;
        long lastFailureNanos;
        long decayedAtNanos;
        int inFlight;
    }

    private static final long MAX_LOCK_NANOS = 900_000_000_000L;
    private static final int MAX_TRACKED = 100_000;

    private final int maxFailures;
    private final long baseLockoutNanos;
    private final ConcurrentHashMap<String, Pair> pairs = new ConcurrentHashMap<>();

    LoginGuard(int maxFailures, long baseLockoutSeconds) {
        this.maxFailures = maxFailures;
        this.baseLockoutNanos = Math.max(1, baseLockoutSeconds) * 1_000_000_000L;
    }

    /**
     * Admits one password check for the pair and returns 0, or returns the seconds it must still
     * wait (nothing admitted). Every admitted check must be followed by {@link #finish}.
     */
    long begin(String username, String remote) {
        if (pairs.size() > MAX_TRACKED) {
            forgetQuiet();
        }
        long[] wait = new long[1];
        long now = System.nanoTime();
        pairs.compute(key(username, remote), (k, p) -> {
            Pair pair = p == null ? new Pair() : p;
            decay(pair, now);
            long left = pair.lastFailureNanos + lockNanos(pair.score) - now;
            if (pair.score >= maxFailures && left > 0) {
                wait[0] = Math.max(1, (left + 999_999_999L) / 1_000_000_000L);
            } else if (pair.score + pair.inFlight >= maxFailures) {
                // Checks already in progress would reach the limit: this one waits for their outcome.
                wait[0] = 1;
            } else {
                pair.inFlight++;
            }
            return pair.score == 0 && pair.inFlight == 0 ? null : pair;
        });
        return wait[0];
    }

    /** Ends an admitted check: a failure adds to the pair's score, a success clears it. */
    void finish(String username, String remote, boolean succeeded) {
        long now = System.nanoTime();
        pairs.computeIfPresent(key(username, remote), (k, p) -> {
            p.inFlight = Math.max(0, p.inFlight - 1);
            if (succeeded) {
                p.score = 0;
            } else {
                decay(p, now);
                p.score += 1;
                p.lastFailureNanos = now;
                p.decayedAtNanos = now;
            }
            return p.score == 0 && p.inFlight == 0 ? null : p;
        });
    }

    /** Ends an admitted check that could not tell (the user store failed): neither a failure nor a success. */
    void abandon(String username, String remote) {
        pairs.computeIfPresent(key(username, remote), (k, p) -> {
            p.inFlight = Math.max(0, p.inFlight - 1);
            return p.score == 0 && p.inFlight == 0 ? null : p;
        });
    }

    /** The wait after the last failure at this score: none below the limit, then doubling per failure. */
    private long lockNanos(double score) {
        if (score < maxFailures) {
            return 0;
        }
        int doublings = (int) Math.min(10, Math.ceil(score) - maxFailures);
        return Math.min(MAX_LOCK_NANOS, baseLockoutNanos << doublings);
    }

    /** After a quiet base lockout period (and any wait), forgets one failure per base lockout period. */
    private void decay(Pair p, long now) {
        if (p.score <= 0) {
            return;
        }
        long from = Math.max(p.decayedAtNanos, p.lastFailureNanos + Math.max(baseLockoutNanos, lockNanos(p.score)));
        if (now - from > 0) {
            p.score = Math.max(0, p.score - (now - from) / (double) baseLockoutNanos);
            p.decayedAtNanos = now;
        }
    }

    private void forgetQuiet() {
        long now = System.nanoTime();
        pairs.values().removeIf(p -> p.inFlight == 0 && now - p.lastFailureNanos > MAX_LOCK_NANOS);
    }

    private static String key(String username, String remote) {
        return username + '\n' + remote;
    }
}
