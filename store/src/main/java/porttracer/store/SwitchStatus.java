package porttracer.store;

import java.time.Instant;

/** The last poll of a switch and its last good one; null fields where it was never polled. */
public record SwitchStatus(int switchId, Instant lastPollAt, Long lastDurationMs, String lastOutcome, String lastError,
                           Integer lastEntries, Instant lastOkAt, int consecutiveFailures) {
}
