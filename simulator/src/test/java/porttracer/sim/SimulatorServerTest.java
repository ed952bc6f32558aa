package porttracer.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.security.PublicKey;
import java.util.List;
import net.schmizz.sshj.userauth.UserAuthException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import porttracer.domain.MacEntry;
import porttracer.domain.Platform;

class SimulatorServerTest {

    private static final FleetSpec SPEC = new FleetSpec(42, 1, 1, 4, 30,
            List.of(Platform.OS6, Platform.OS10, Platform.OS9, Platform.POWERCONNECT), Platform.OS10);
    private static final String OS6 = "site1-fl1-sw1";
    private static final String OS10 = "site1-fl1-sw2";

    @TempDir
    Path keys;

    private Fleet fleet;
    private SimulatorServer server;

    @BeforeEach
    void start() throws Exception {
        fleet = Fleet.generate(SPEC);
        server = SimulatorServer.start(fleet, SimulatorOptions.defaults().withHostKeyDir(keys));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void passwordLoginShowsThePromptAndTheMacTableInThePlatformFormat() throws Exception {
        try (CliClient cli = CliClient.login(server, OS6)) {
            assertThat(cli.shell(OS6 + "#")).endsWith(OS6 + "#");
            assertThat(cli.run("terminal length 0", OS6 + "#")).isEmpty();
            String table = cli.run("show mac address-table", OS6 + "#");
            assertThat(table).isEqualTo(new Os6Renderer().macTable(fleet.macTable(OS6), true));
            assertThat(table).contains("Vlan     Mac Address           Type        Port\n")
                    .contains("Total MAC Addresses in use: 120\n");
        }
    }

    @Test
    void wrongPasswordIsRejected() {
        assertThatThrownBy(() -> CliClient.login(server, OS6, "admin", "nope")).isInstanceOf(UserAuthException.class);
    }

    @Test
    void addressFilterAcceptsAnyNotation() throws Exception {
        SimHost host = fleet.hosts().stream().filter(h -> h.switchName().equals(OS10)).findFirst().orElseThrow();
        try (CliClient cli = CliClient.login(server, OS10)) {
            cli.shell(OS10 + "#");
            String out = cli.run("show mac address-table address " + host.mac().dotted(), OS10 + "#");
            assertThat(out).isEqualTo("Codes: pv <vlan-id> - private vlan where the mac is originally learnt\n"
                    + "VlanId        Mac Address         Type        Interface\n"
                    + Text.left(host.vlan(), 14) + Text.left(host.mac(), 20) + "dynamic     " + host.port() + "\n");
        }
    }

    @Test
    void unknownCommandsGetThePlatformsError() throws Exception {
        try (CliClient cli = CliClient.login(server, OS6)) {
            cli.shell(OS6 + "#");
            assertThat(cli.run("show mac adress-table", OS6 + "#"))
                    .isEqualTo(" ".repeat(OS6.length() + 1 + 9) + "^\n% Invalid input detected at '^' marker.\n");
        }
        try (CliClient cli = CliClient.login(server, OS10)) {
            cli.shell(OS10 + "#");
            assertThat(cli.run("shwo version", OS10 + "#")).isEqualTo("% Error: Unrecognized command.\n");
        }
    }

    @Test
    void abbreviatedKeywordsWork() throws Exception {
        try (CliClient cli = CliClient.login(server, OS6)) {
            cli.shell(OS6 + "#");
            cli.run("terminal length 0", OS6 + "#");
            assertThat(cli.run("sh mac address-t", OS6 + "#"))
                    .isEqualTo(new Os6Renderer().macTable(fleet.macTable(OS6), true));
        }
    }

    @Test
    void hostKeysSurviveARestartAndDifferBetweenSwitches() throws Exception {
        PublicKey os6Key;
        PublicKey os10Key;
        try (CliClient a = CliClient.login(server, OS6); CliClient b = CliClient.login(server, OS10)) {
            os6Key = a.hostKey();
            os10Key = b.hostKey();
        }
        assertThat(os6Key).isNotEqualTo(os10Key);
        server.close();
        server = SimulatorServer.start(fleet, SimulatorOptions.defaults().withHostKeyDir(keys));
        try (CliClient a = CliClient.login(server, OS6)) {
            assertThat(a.hostKey()).isEqualTo(os6Key);
        }
    }

    @Test
    void aMovedHostShowsOnItsNewPort() throws Exception {
        SimHost host = fleet.hosts().stream().filter(h -> !h.switchName().equals(OS10)).findFirst().orElseThrow();
        String port = fleet.switchNamed(OS10).edgePorts().get(40);
        fleet.moveHost(host.mac(), OS10, port);
        try (CliClient cli = CliClient.login(server, OS10)) {
            cli.shell(OS10 + "#");
            cli.run("terminal length 0", OS10 + "#");
            assertThat(cli.run("show mac address-table", OS10 + "#"))
                    .contains(Text.left(host.mac(), 20) + "dynamic     " + port + "\n");
        }
    }

    @Test
    void execChannelRunsOneCommand() throws Exception {
        try (CliClient cli = CliClient.login(server, OS10)) {
            String out = cli.exec("show mac address-table");
            assertThat(out.replace("\r\n", "\n")).isEqualTo(new Os10Renderer().macTable(fleet.macTable(OS10)));
        }
    }

    @Test
    void everyPlatformAnswersItsMacTable() throws Exception {
        for (SimSwitch sw : fleet.switches()) {
            String prompt = sw.name() + "#";
            try (CliClient cli = CliClient.login(server, sw.name())) {
                cli.shell(prompt);
                cli.run(sw.platform() == Platform.POWERCONNECT ? "terminal datadump" : "terminal length 0", prompt);
                String table = cli.run("show mac address-table", prompt);
                for (MacEntry e : fleet.macTable(sw.name())) {
                    String mac = sw.platform() == Platform.OS6 ? e.mac().dotted() : e.mac().toString();
                    assertThat(table).contains(mac);
                }
            }
        }
    }
}
