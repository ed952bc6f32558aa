package porttracer.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import porttracer.sim.Fleet;
import porttracer.sim.SimSwitch;
import porttracer.store.SwitchStatus;

/**
 * Switch output odd in size or form: a 1 MB line in the middle of the MAC table, and paging left on (the
 * switch ignores {@code terminal length 0} and stops at its --More-- prompt). Each poll is recorded, no
 * malformed MAC is indexed, the whole table is read, and no thread or session is left behind.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SwitchOutputFaultTest {

    private TestFleet f;
    private SwitchProbe probe;
    private List<SimSwitch> access;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        f = TestFleet.start(Fleet.generate(TestFleet.smallSpec(29)), dir,
                Map.of("ssh.command-timeout", "20", "ssh.idle-timeout", "0"), o -> o);
        f.pt.startCollector();
        f.pollAll(Duration.ofSeconds(90));
        probe = new SwitchProbe(f, new Http(f.pt.startApi("127.0.0.1", 0).port()));
        access = f.sim.fleet().switches().stream().filter(s -> s.role() == porttracer.sim.Role.ACCESS).toList();
    }

    @AfterAll
    void stop() {
        f.close();
    }

    @Test
    void aOneMegabyteLineIsRecordedAndNeverIndexed() throws Exception {
        SimSwitch sw = access.get(0);
        int before = f.status(sw.name()).lastEntries();
        SwitchProbe.Usage usage = probe.usage();
        f.sim.faults(sw.name()).longLine(1_000_000);
        try {
            SwitchStatus s = probe.pollOne(sw.name());
            assertThat(s.lastOutcome()).as(s.lastError()).isIn("ok", "parse");
            assertThat(s.lastEntries()).isEqualTo(before);
            // The long line starts like a MAC on purpose: it must not become one.
            assertThat(probe.http().get("/api/v1/trace?mac=0a1b.2c3d.4e5f", "netadmin", "netadmin").status())
                    .isEqualTo(404);
            probe.assertHostsTraceToTheirPorts(sw.name());
        } finally {
            f.sim.faults(sw.name()).clear();
        }
        probe.assertNoLeaksSince(usage);
    }

    @Test
    void pagingLeftOnStillReadsTheWholeTable() throws Exception {
        SimSwitch sw = access.get(1);
        int before = f.status(sw.name()).lastEntries();
        assertThat(before).as("a table longer than a page").isGreaterThan(24);
        SwitchProbe.Usage usage = probe.usage();
        f.sim.faults(sw.name()).pagingStuck(true);
        try {
            SwitchStatus s = probe.pollOne(sw.name());
            assertThat(s.lastOutcome()).as(s.lastError()).isEqualTo("ok");
            assertThat(s.lastEntries()).isEqualTo(before);
            probe.assertHostsTraceToTheirPorts(sw.name());
        } finally {
            f.sim.faults(sw.name()).clear();
        }
        probe.assertNoLeaksSince(usage);
    }
}
