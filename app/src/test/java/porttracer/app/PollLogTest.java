package porttracer.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import porttracer.domain.Platform;
import porttracer.index.Elastic;
import porttracer.index.PollLog;
import porttracer.store.PollOutcome;
import porttracer.store.PollRecord;
import porttracer.store.SwitchRecord;

/** A poll record written again (replayed from the spool after a lost answer) is rewritten in place, not added. */
class PollLogTest {

    @Test
    void aRecordWrittenTwiceIsOneDocumentAndAnotherPollIsAnother() throws Exception {
        var settings = TestEnv.settings(Map.of());
        try (Elastic es = new Elastic(settings.get("es.url"), settings.get("es.index-prefix"))) {
            try {
                es.ensureLayout();
                SwitchRecord sw = new SwitchRecord(7, "acc-1", "127.0.0.1", 22, Platform.OS10, "S4148", "site1", "floor1",
                        true, null, false);
                Instant at = Instant.parse("2026-12-03T10:00:00.123456789Z");
                PollLog log = new PollLog(es);
                PollRecord poll = new PollRecord(7, at, 120, PollOutcome.OK, null, 40, 0, "node-a");
                log.write(sw, poll, 3);
                log.write(sw, poll, 3);
                // The same instant on another node, and the next poll: two more.
                log.write(sw, new PollRecord(7, at, 120, PollOutcome.OK, null, 40, 0, "node-b"), 0);
                log.write(sw, new PollRecord(7, at.plusNanos(1), 120, PollOutcome.OK, null, 40, 0, "node-a"), 0);
                es.client().indices().refresh(r -> r.index(es.polls()));
                assertThat(es.client().count(c -> c.index(es.polls())).count()).isEqualTo(3);
            } finally {
                TestEnv.deleteIndices(es);
            }
        }
    }
}
