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
import porttracer.sim.SimSwitch;
import porttracer.store.SwitchStatus;

/**
 * A switch that rejects the login, hangs, drops the session mid-table, prints garbage or shows
 * another host key: each poll is recorded with its reason, the switch's last good data stays
 * answerable and is marked stale, and nothing leaks.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SwitchFailureTest {

    private TestFleet f;
    private Http http;
    private List<SimSwitch> access;
    private SwitchProbe probe;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        f = TestFleet.start(TestFleet.smallSpec(23), dir,
                Map.of("ssh.command-timeout", "2", "ssh.connect-timeout", "2",
                        // No pooled session may outlive a fault injected for the next login.
                        "ssh.idle-timeout", "0"));
        http = f.pollAllAndServe(Duration.ofSeconds(60));
        probe = new SwitchProbe(f, http);
        access = f.sim.fleet().switches().stream().filter(s -> s.role() == porttracer.sim.Role.ACCESS).toList();
    }

    @AfterAll
    void stop() {
        f.close();
    }

    @Test
    void rejectedLoginIsRecordedAsAuth() throws Exception {
        SimSwitch sw = access.get(0);
        f.sim.faults(sw.name()).rejectAuth(true);
        try {
            SwitchStatus s = probe.pollOne(sw.name());
            assertThat(s.lastOutcome()).isEqualTo("auth");
            assertThat(s.lastError()).isEqualTo("login rejected");
            probe.assertLastGoodDataKeptAndStale(sw, "auth");
        } finally {
            f.sim.faults(sw.name()).clear();
        }
        assertThat(probe.pollOne(sw.name()).lastOutcome()).isEqualTo("ok");
    }

    @Test
    void hangingSwitchTimesOut() throws Exception {
        SimSwitch sw = access.get(1);
        f.sim.faults(sw.name()).hang(true);
        try {
            SwitchStatus s = probe.pollOne(sw.name());
            assertThat(s.lastOutcome()).isEqualTo("timeout");
            probe.assertLastGoodDataKeptAndStale(sw, "timeout");
        } finally {
            f.sim.faults(sw.name()).clear();
        }
        assertThat(probe.pollOne(sw.name()).lastOutcome()).isEqualTo("ok");
    }

    @Test
    void sessionDroppedMidTableIsAnErrorNotPartialData() throws Exception {
        SimSwitch sw = access.get(2);
        f.sim.faults(sw.name()).truncateAfterLines(4);
        try {
            SwitchStatus s = probe.pollOne(sw.name());
            assertThat(s.lastOutcome()).isIn("error", "timeout");
            // The half table was not indexed: every host of the switch still traces to it.
            probe.assertHostsTraceToTheirPorts(sw.name());
        } finally {
            f.sim.faults(sw.name()).clear();
        }
        assertThat(probe.pollOne(sw.name()).lastOutcome()).isEqualTo("ok");
    }

    @Test
    void garbageBytesNeverBecomeMacs() throws Exception {
        SimSwitch sw = access.get(3);
        f.sim.faults(sw.name()).garbage(true);
        try {
            SwitchStatus s = probe.pollOne(sw.name());
            assertThat(s.lastOutcome()).isIn("ok", "parse");
            probe.assertHostsTraceToTheirPorts(sw.name());
        } finally {
            f.sim.faults(sw.name()).clear();
        }
    }

    @Test
    void changedHostKeyIsRefusedUntilAccepted() throws Exception {
        SimSwitch sw = access.get(4);
        int id = f.ids.get(sw.name());
        String pinned = f.pt.inventory().pinnedHostKey(id).orElseThrow();
        assertThat(pinned).matches("[a-z0-9-]+ [A-Za-z0-9+/=]+");
        // The switch now presents a key other than the pinned one: as if it were replaced or spoofed.
        f.pt.inventory().replaceHostKey(id, "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOtherKeyOtherKeyOtherKeyOtherKeyOther");
        SwitchStatus s = probe.pollOne(sw.name());
        assertThat(s.lastOutcome()).isEqualTo("hostkey");
        assertThat(s.lastError()).contains("host key changed");
        probe.assertLastGoodDataKeptAndStale(sw, "hostkey");
        // An administrator accepts the switch's real key again.
        f.pt.inventory().replaceHostKey(id, pinned);
        assertThat(probe.pollOne(sw.name()).lastOutcome()).isEqualTo("ok");
    }

    @Test
    void noSessionOrThreadLeaksAfterFailures() throws Exception {
        for (SimSwitch sw : access.subList(0, 3)) {
            f.sim.faults(sw.name()).rejectAuth(true);
            probe.pollOne(sw.name());
            f.sim.faults(sw.name()).clear();
        }
        f.pollAll(Duration.ofSeconds(60));
        // Sessions are not kept (ssh.idle-timeout 0): once the polls are done no SSH thread is left.
        probe.assertNoSessionOrThreadLeft();
    }
}
