package porttracer.config;

import java.time.Duration;

/** How long monthly events and polls indices are kept ({@code 0}: for ever), and how often one node checks. */
public record RetentionConfig(int eventsDays, int pollsDays, Duration checkEvery) {

    public static RetentionConfig from(Settings s) {
        return new RetentionConfig(s.intAtLeast("events.retention-days", 0), s.intAtLeast("polls.retention-days", 0),
                Duration.ofMinutes(s.intAtLeast("retention.check-minutes", 1)));
    }
}
