package porttracer.config;

import java.time.Duration;

/**
 * The poll schedule ({@code poll.*}, {@code stale.intervals}): the default interval, the polls one node runs
 * at once, and after how many missed intervals a switch's data is stale.
 */
public record PollConfig(Duration interval, int threads, int staleIntervals) {

    public static PollConfig from(Settings s) {
        return new PollConfig(s.secondsAtLeast("poll.interval", Duration.ofSeconds(1)), s.intAtLeast("poll.threads", 1),
                s.intAtLeast("stale.intervals", 1));
    }

    /** A switch's interval: its own (or its site's) when set, the default otherwise. */
    public Duration intervalOf(Integer ownSeconds) {
        return ownSeconds == null ? interval : Duration.ofSeconds(ownSeconds);
    }
}
