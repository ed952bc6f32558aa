package porttracer.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import porttracer.sim.Fleet;
import porttracer.sim.SimSwitch;
import porttracer.store.SwitchStatus;

/**
 * A switch whose address accepts TCP but never speaks SSH (a dead management plane, a firewall proxy): the poll
 * ends as a timeout, the last good data stays answerable and stale, and no thread or session is left.
 */
class SwitchConnectTimeoutTest {

    @Test
    void aSilentListenerIsATimeout(@TempDir Path dir) throws Exception {
        try (TestFleet f = TestFleet.start(Fleet.generate(TestFleet.smallSpec(31)), dir,
                Map.of("ssh.connect-timeout", "2", "ssh.command-timeout", "2", "ssh.idle-timeout", "0"), o -> o);
             ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            List<Socket> accepted = new ArrayList<>();
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        accepted.add(silent.accept());
                    }
                } catch (Exception e) {
                    // closed with the test
                }
            }, "silent-listener");
            acceptor.setDaemon(true);
            acceptor.start();
            f.pt.startCollector();
            f.pollAll(Duration.ofSeconds(90));
            SwitchProbe probe = new SwitchProbe(f, new Http(f.pt.startApi("127.0.0.1", 0).port()));
            SimSwitch sw = f.sim.fleet().switches().stream().filter(s -> s.role() == porttracer.sim.Role.ACCESS)
                    .findFirst().orElseThrow();
            SwitchProbe.Usage usage = probe.usage();
            movePort(f, f.ids.get(sw.name()), silent.getLocalPort());

            SwitchStatus s = probe.pollOne(sw.name());
            assertThat(s.lastOutcome()).as(s.lastError()).isEqualTo("timeout");
            assertThat(s.lastError()).startsWith("timeout");
            probe.assertLastGoodDataKeptAndStale(sw, "timeout");
            assertThat(accepted).as("the poll did reach the listener").isNotEmpty();
            probe.assertNoLeaksSince(usage);
            for (Socket a : accepted) {
                a.close();
            }
        }
    }

    private static void movePort(TestFleet f, int switchId, int port) throws Exception {
        try (Connection c = DriverManager.getConnection(f.settings.get("db.url"), f.settings.get("db.user"),
                f.settings.get("db.password"));
             PreparedStatement st = c.prepareStatement("update switch set ssh_port = ? where id = ?")) {
            st.setInt(1, port);
            st.setInt(2, switchId);
            assertThat(st.executeUpdate()).isEqualTo(1);
        }
    }
}
