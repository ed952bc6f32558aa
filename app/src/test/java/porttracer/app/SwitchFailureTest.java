package porttracer.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import porttracer.sim.SimHost;
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

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        f = TestFleet.start(TestFleet.smallSpec(23), dir,
                Map.of("ssh.command-timeout", "2", "ssh.connect-timeout", "2",
                        // No pooled session may outlive a fault injected for the next login.
                        "ssh.idle-timeout", "0"));
        f.pt.startCollector();
        f.pollAll(Duration.ofSeconds(60));
        http = new Http(f.pt.startApi("127.0.0.1", 0).port());
        access = f.sim.fleet().switches().stream().filter(s -> s.role() == porttracer.sim.Role.ACCESS).toList();
    }

    @AfterAll
    void stop() {
        f.close();
    }

    private SwitchStatus pollOne(String name) throws Exception {
        var before = f.status(name).lastPollAt();
        f.pt.collector().scheduler().triggerJob(porttracer.collect.Collector.jobKeyOf(f.ids.get(name)));
        for (int i = 0; i < 200; i++) {
            SwitchStatus s = f.status(name);
            if (s.lastPollAt().isAfter(before)) {
                return s;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no poll of " + name);
    }

    private SimHost hostOn(String switchName) {
        return f.sim.fleet().hosts().stream().filter(h -> h.switchName().equals(switchName)).findFirst().orElseThrow();
    }

    private void assertLastGoodDataKeptAndStale(SimSwitch sw, String outcome) throws Exception {
        SimHost h = hostOn(sw.name());
        // The API caches switch status for up to 2 s.
        Http.Reply r = http.get("/api/v1/trace?mac=" + h.mac(), "netadmin", "netadmin");
        for (int i = 0; i < 30 && !r.body().get("locations").get(0).get("stale").asBoolean(); i++) {
            Thread.sleep(200);
            r = http.get("/api/v1/trace?mac=" + h.mac(), "netadmin", "netadmin");
        }
        assertThat(r.status()).isEqualTo(200);
        JsonNode edge = r.body().get("locations").get(0);
        assertThat(edge.get("switch").get("name").asText()).isEqualTo(sw.name());
        assertThat(edge.get("port").asText()).isEqualTo(h.port());
        assertThat(edge.get("stale").asBoolean()).isTrue();
        assertThat(edge.get("staleReason").asText()).contains(outcome);
        Http.Reply list = http.get("/api/v1/switches", "netadmin", "netadmin");
        for (JsonNode s : list.body()) {
            if (s.get("name").asText().equals(sw.name())) {
                assertThat(s.get("lastPoll").get("outcome").asText()).isEqualTo(outcome);
                assertThat(s.get("stale").asBoolean()).isTrue();
            }
        }
    }

    @Test
    void rejectedLoginIsRecordedAsAuth() throws Exception {
        SimSwitch sw = access.get(0);
        f.sim.faults(sw.name()).rejectAuth(true);
        try {
            SwitchStatus s = pollOne(sw.name());
            assertThat(s.lastOutcome()).isEqualTo("auth");
            assertThat(s.lastError()).isEqualTo("login rejected");
            assertLastGoodDataKeptAndStale(sw, "auth");
        } finally {
            f.sim.faults(sw.name()).clear();
        }
        assertThat(pollOne(sw.name()).lastOutcome()).isEqualTo("ok");
    }

    @Test
    void hangingSwitchTimesOut() throws Exception {
        SimSwitch sw = access.get(1);
        f.sim.faults(sw.name()).hang(true);
        try {
            SwitchStatus s = pollOne(sw.name());
            assertThat(s.lastOutcome()).isEqualTo("timeout");
            assertLastGoodDataKeptAndStale(sw, "timeout");
        } finally {
            f.sim.faults(sw.name()).clear();
        }
        assertThat(pollOne(sw.name()).lastOutcome()).isEqualTo("ok");
    }

    @Test
    void sessionDroppedMidTableIsAnErrorNotPartialData() throws Exception {
        SimSwitch sw = access.get(2);
        f.sim.faults(sw.name()).truncateAfterLines(4);
        try {
            SwitchStatus s = pollOne(sw.name());
            assertThat(s.lastOutcome()).isIn("error", "timeout");
            // The half table was not indexed: every host of the switch still traces to it.
            for (SimHost h : f.sim.fleet().hosts()) {
                if (h.switchName().equals(sw.name())) {
                    Http.Reply r = http.get("/api/v1/trace?mac=" + h.mac(), "netadmin", "netadmin");
                    assertThat(r.body().get("locations").get(0).get("port").asText()).isEqualTo(h.port());
                }
            }
        } finally {
            f.sim.faults(sw.name()).clear();
        }
        assertThat(pollOne(sw.name()).lastOutcome()).isEqualTo("ok");
    }

    @Test
    void garbageBytesNeverBecomeMacs() throws Exception {
        SimSwitch sw = access.get(3);
        f.sim.faults(sw.name()).garbage(true);
        try {
            SwitchStatus s = pollOne(sw.name());
            assertThat(s.lastOutcome()).isIn("ok", "parse");
            for (SimHost h : f.sim.fleet().hosts()) {
                if (h.switchName().equals(sw.name())) {
                    Http.Reply r = http.get("/api/v1/trace?mac=" + h.mac(), "netadmin", "netadmin");
                    assertThat(r.body().get("locations").get(0).get("port").asText()).isEqualTo(h.port());
                }
            }
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
        SwitchStatus s = pollOne(sw.name());
        assertThat(s.lastOutcome()).isEqualTo("hostkey");
        assertThat(s.lastError()).contains("host key changed");
        assertLastGoodDataKeptAndStale(sw, "hostkey");
        // An administrator accepts the switch's real key again.
        f.pt.inventory().replaceHostKey(id, pinned);
        assertThat(pollOne(sw.name()).lastOutcome()).isEqualTo("ok");
    }

    @Test
    void noSessionOrThreadLeaksAfterFailures() throws Exception {
        for (SimSwitch sw : access.subList(0, 3)) {
            f.sim.faults(sw.name()).rejectAuth(true);
            pollOne(sw.name());
            f.sim.faults(sw.name()).clear();
        }
        f.pollAll(Duration.ofSeconds(60));
        // Sessions are not kept (ssh.idle-timeout 0): once the polls are done no SSH thread is left.
        long deadline = System.currentTimeMillis() + 15_000;
        while (System.currentTimeMillis() < deadline && (sshThreads() > 0 || f.pt.sessions().idleCount() > 0)) {
            Thread.sleep(200);
        }
        assertThat(f.pt.sessions().idleCount()).isZero();
        assertThat(sshThreads()).as("sshj reader threads left").isZero();
    }

    private static long sshThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("reader") || t.getName().contains("sshj")).count();
    }
}
