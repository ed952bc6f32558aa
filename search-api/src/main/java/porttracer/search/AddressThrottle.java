package porttracer.search;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows password guessing across many user names from one address without locking anyone out:
 * past {@code threshold} failures in about five minutes (the count forgets {@code threshold} failures
 * per five minutes and holds at most twice that), the address gets one password check per second;
 * the others are asked to retry a second later.
 */
final class AddressThrottle {

    private static final class Address {
        double failures;
        long updatedNanos;
        long lastCheckNanos;
    }

    private static final long SECOND = 1_000_000_000L;
    private static final long WINDOW = 300 * SECOND;
    private static final int MAX_TRACKED = 100_000;

    private final int threshold;
    private final ConcurrentHashMap<String, Address> addresses = new ConcurrentHashMap<>();

    AddressThrottle(int threshold) {
        this.threshold = threshold;
    }

    /** True when a password check from this address may run now. */
    boolean admit(String remote) {
        long now = System.nanoTime();
        boolean[] ok = {true};
        addresses.computeIfPresent(remote, (k, a) -> {
            decay(a, now);
            if (a.failures >= threshold) {
                ok[0] = now - a.lastCheckNanos >= SECOND;
                if (ok[0]) {
                    a.lastCheckNanos = now;
                }
            }
            return a.failures <= 0 ? null : a;
        });
        return ok[0];
    }

    void failed(String remote) {
        if (addresses.size() > MAX_TRACKED) {
            long now = System.nanoTime();
            addresses.values().removeIf(a -> now - a.updatedNanos > 2 * WINDOW);
        }
        long now = System.nanoTime();
        addresses.compute(remote, (k, a) -> {
            Address x = a == null ? new Address() : a;
            decay(x, now);
            x.failures = Math.min(2.0 * threshold, x.failures + 1);
            return x;
        });
    }

    private void decay(Address a, long now) {
        if (a.updatedNanos != 0) {
            a.failures = Math.max(0, a.failures - threshold * (now - a.updatedNanos) / (double) WINDOW);
        }
        a.updatedNanos = now;
    }
}
