package porttracer.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Monthly index names sort and group by UTC month. */
class IndexNamesTest {

    @Test
    void monthlyNamesUseTheUtcMonthWithTwoDigits() {
        assertThat(Elastic.monthly("porttracer-events", Instant.parse("2026-03-05T10:00:00Z")))
                .isEqualTo("porttracer-events-2026.03");
        assertThat(Elastic.monthly("porttracer-polls", Instant.parse("2026-11-30T23:59:59Z")))
                .isEqualTo("porttracer-polls-2026.11");
        assertThat(Elastic.monthly("porttracer-polls", Instant.parse("2026-12-31T23:30:00Z")))
                .isEqualTo("porttracer-polls-2026.12");
    }
}
