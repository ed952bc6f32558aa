package porttracer.store;

import java.time.Instant;

/** The record of one poll: when, how long, what came of it. */
public record PollRecord(int switchId, Instant startedAt, long durationMs, PollOutcome outcome, String error,
                         int entries, int unparsedLines, String node) {
}
