package porttracer.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import net.schmizz.sshj.userauth.UserAuthException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import porttracer.domain.Platform;

/** Paging, session cap, latency, fault injection and LLDP consistency, over real SSH. */
class SessionBehaviourTest {

    private static final FleetSpec SPEC = new FleetSpec(3, 1, 1, 2, 40, List.of(Platform.OS6, Platform.OS10),
            Platform.OS10);
    private static final String OS6 = "site1-fl1-sw1";
    private static final String PROMPT = OS6 + "#";

    private final Fleet fleet = Fleet.generate(SPEC);
    private SimulatorServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private void start(SimulatorOptions opts) throws IOException {
        server = SimulatorServer.start(fleet, opts);
    }

    @Test
    void outputPausesAtThePagerUntilSpaceAndStopsOnQ() throws Exception {
        start(SimulatorOptions.defaults());
        try (CliClient cli = CliClient.login(server, OS6)) {
            cli.shell(PROMPT);
            cli.send("show mac address-table\r");
            String firstPage = cli.readUntil("--More-- or (q)uit");
            assertThat(firstPage.split("\r\n")).hasSize(Session.DEFAULT_PAGE_LENGTH + 2);
            cli.send(" ");
            cli.readUntil("--More-- or (q)uit");
            cli.send("q");
            String rest = cli.readUntil(PROMPT);
            assertThat(rest).doesNotContain("Total MAC Addresses");
        }
    }

    @Test
    void sessionsBeyondTheCapAreRefused() throws Exception {
        start(SimulatorOptions.defaults().withMaxSessionsPerSwitch(1));
        try (CliClient first = CliClient.login(server, OS6)) {
            first.shell(PROMPT);
            assertThatThrownBy(() -> CliClient.login(server, OS6)).isInstanceOf(IOException.class);
            assertThat(first.run("show version", PROMPT)).contains("System Model ID");
        }
    }

    @Test
    void latencyDelaysEachAnswer() throws Exception {
        start(SimulatorOptions.defaults().withCommandLatency(Duration.ofMillis(300)));
        try (CliClient cli = CliClient.login(server, OS6)) {
            cli.shell(PROMPT);
            long t0 = System.nanoTime();
            cli.run("terminal length 0", PROMPT);
            cli.run("show version", PROMPT);
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        }
    }

    @Test
    void faultsRejectAuthTruncateAndGarble() throws Exception {
        start(SimulatorOptions.defaults());
        server.faults(OS6).rejectAuth(true);
        assertThatThrownBy(() -> CliClient.login(server, OS6)).isInstanceOf(UserAuthException.class);
        server.faults(OS6).clear().truncateAfterLines(8);
        try (CliClient cli = CliClient.login(server, OS6)) {
            cli.shell(PROMPT);
            cli.send("terminal length 0\r");
            cli.readUntil(PROMPT);
            cli.send("show mac address-table\r");
            assertThatThrownBy(() -> cli.readUntil(PROMPT)).isInstanceOf(IOException.class);
        }
        server.faults(OS6).clear().garbage(true);
        try (CliClient cli = CliClient.login(server, OS6)) {
            cli.shell(PROMPT);
            assertThat(cli.run("show version", PROMPT)).contains("\uFFFD");
        }
    }

    @Test
    void lldpMatchesTheCabling() throws Exception {
        start(SimulatorOptions.defaults());
        SimSwitch access = fleet.switchNamed(OS6);
        Link link = fleet.links().stream().filter(l -> l.touches(OS6)).findFirst().orElseThrow();
        Link.End up = link.from(OS6);
        try (CliClient cli = CliClient.login(server, OS6)) {
            cli.shell(PROMPT);
            assertThat(cli.run("show lldp remote-device all", PROMPT))
                    .contains(Text.left(access.uplinkPort(), 10) + "1       ")
                    .contains(up.peerPort()).contains("site1-dist");
        }
        try (CliClient cli = CliClient.login(server, "site1-dist")) {
            cli.shell("site1-dist#");
            cli.run("terminal length 0", "site1-dist#");
            assertThat(cli.run("show lldp neighbors", "site1-dist#"))
                    .contains(Text.left(up.peerPort(), 20) + Text.left(OS6, 21) + Text.left(access.uplinkPort(), 30)
                            + access.baseMac());
        }
    }
}
