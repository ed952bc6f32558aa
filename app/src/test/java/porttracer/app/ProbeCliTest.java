package porttracer.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import porttracer.domain.Platform;
import porttracer.sim.Fleet;
import porttracer.sim.FleetSpec;
import porttracer.sim.Role;
import porttracer.sim.SimSwitch;
import porttracer.sim.SimulatorOptions;
import porttracer.sim.SimulatorServer;
import porttracer.sim.SwitchLogin;

/** {@code porttracer probe} against simulated switches over real SSH: its JSON, exit codes, and no secret in its output. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProbeCliTest {

    private static final String PASSWORD = TestEnv.plantedSecret();
    private static final String ENABLE = "en-" + TestEnv.plantedSecret();

    private SimulatorServer sim;
    private final Map<Platform, SimSwitch> access = new HashMap<>();

    /** What one run printed. */
    private record Run(int status, String out, String err) {
        JsonNode json() throws Exception {
            return new ObjectMapper().readTree(out);
        }
    }

    @BeforeAll
    void start() throws Exception {
        FleetSpec spec = new FleetSpec(5, 1, 1, 4, 6,
                List.of(Platform.OS6, Platform.OS9, Platform.OS10, Platform.POWERCONNECT), Platform.OS10);
        sim = SimulatorServer.start(Fleet.generate(spec), SimulatorOptions.defaults().withCredentials("admin", PASSWORD),
                sw -> sw.role() == Role.DISTRIBUTION ? SwitchLogin.standard() : switch (sw.platform()) {
                    case OS6 -> SwitchLogin.standard().withAuthMethods("keyboard-interactive").withEnableSecret(ENABLE);
                    case POWERCONNECT -> SwitchLogin.standard().withInShellLogin().withEnableSecret(ENABLE);
                    case OS10 -> SwitchLogin.standard().withLegacyOnly();
                    case OS9 -> SwitchLogin.standard();
                });
        sim.fleet().switches().stream().filter(s -> s.role() == Role.ACCESS).forEach(s -> access.put(s.platform(), s));
    }

    @AfterAll
    void stop() {
        sim.close();
    }

    private Run probe(SimSwitch sw, String password, String enable, String... extra) {
        List<String> args = new ArrayList<>(List.of("--host", sim.host(), "--port", Integer.toString(sim.port(sw.name())),
                "--user", "admin"));
        args.addAll(List.of(extra));
        Map<String, String> env = new HashMap<>();
        if (password != null) {
            env.put("PORTTRACER_PROBE_PASSWORD", password);
        }
        if (enable != null) {
            env.put("PORTTRACER_PROBE_ENABLE_PASSWORD", enable);
        }
        env.put("PORTTRACER_SSH_COMMAND_TIMEOUT", "20");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = ProbeCli.run(args, env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        Run r = new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        assertThat(r.out() + r.err()).doesNotContain(PASSWORD).doesNotContain(ENABLE);
        return r;
    }

    @Test
    void reportsEveryFieldForAnAutoDetectedPowerConnectWithInShellLoginAndEnable() throws Exception {
        SimSwitch sw = access.get(Platform.POWERCONNECT);
        Run r = probe(sw, PASSWORD, ENABLE);
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
        JsonNode j = r.json();
        assertThat(j.get("host").asText()).isEqualTo(sim.host());
        assertThat(j.get("port").asInt()).isEqualTo(sim.port(sw.name()));
        assertThat(j.get("hostKey").get("type").asText()).isEqualTo("ecdsa-sha2-nistp256");
        assertThat(j.get("hostKey").get("sha256").asText()).matches("SHA256:[A-Za-z0-9+/]{43}");
        assertThat(j.get("auth").asText()).isEqualTo("none");
        assertThat(j.get("inShellLogin").asBoolean()).isTrue();
        assertThat(j.get("enable").asText()).isEqualTo("ok");
        assertThat(j.get("prompt").asText()).isEqualTo(sw.name() + "#");
        assertThat(j.get("platform").asText()).isEqualTo("powerconnect");
        assertThat(j.get("version").asText()).isNotBlank();
        assertThat(j.get("paging").asText()).isEqualTo("terminal datadump");
        assertThat(j.get("macEntries").asInt()).isEqualTo(sim.fleet().macTable(sw.name()).size());
        assertThat(j.get("lldpNeighbours").asInt()).isEqualTo(sim.fleet().lldp(sw.name()).size());
        assertThat(j.get("interfaces").asInt()).isEqualTo(sim.fleet().ports(sw.name()).size());
        assertThat(j.get("commands")).hasSize(3);
        for (JsonNode c : j.get("commands")) {
            assertThat(c.get("command").asText()).startsWith("show ");
            assertThat(c.get("ms").asLong()).isNotNegative();
            assertThat(c.get("lines").asInt()).isPositive();
            assertThat(c.get("unparsedLines").asInt()).isZero();
        }
        assertThat(sim.commands(sw.name())).contains("terminal datadump");
    }

    @Test
    void detectsEachPlatformAndItsLogin() throws Exception {
        JsonNode os6 = probe(access.get(Platform.OS6), PASSWORD, ENABLE).json();
        assertThat(os6.get("platform").asText()).isEqualTo("os6");
        assertThat(os6.get("auth").asText()).isEqualTo("keyboard-interactive");
        assertThat(os6.get("model").asText()).isEqualTo(access.get(Platform.OS6).model());
        Run os9 = probe(access.get(Platform.OS9), PASSWORD, null, "--platform", "os9");
        assertThat(os9.status()).as(os9.err()).isZero();
        assertThat(os9.json().get("enable").asText()).isEqualTo("not-needed");
        assertThat(os9.json().get("commands")).hasSize(4);
        Run os10 = probe(access.get(Platform.OS10), PASSWORD, null, "--legacy-crypto");
        assertThat(os10.status()).as(os10.err()).isZero();
        assertThat(os10.json().get("platform").asText()).isEqualTo("os10");
        assertThat(os10.json().get("hostKey").get("type").asText()).isEqualTo("ssh-rsa");
        assertThat(os10.json().get("legacyCrypto").asBoolean()).isTrue();
    }

    @Test
    void failuresExitNonZeroWithOneLineReason() throws Exception {
        Run wrong = probe(access.get(Platform.OS9), "wrong-" + PASSWORD, null);
        assertThat(wrong.status()).isEqualTo(1);
        assertThat(wrong.err().strip()).isEqualTo("probe: auth: login rejected");
        Run legacy = probe(access.get(Platform.OS10), PASSWORD, null);
        assertThat(legacy.status()).isEqualTo(1);
        assertThat(legacy.err().strip()).startsWith("probe: ssh: ").contains("key exchange", "legacyCrypto").doesNotContain("\n");
        Run noEnable = probe(access.get(Platform.OS6), PASSWORD, null);
        assertThat(noEnable.status()).isEqualTo(1);
        assertThat(noEnable.err().strip()).startsWith("probe: auth: enable refused");
        assertThat(noEnable.json().get("enable").asText()).isEqualTo("refused");
        assertThat(noEnable.json().get("auth").asText()).isEqualTo("keyboard-interactive");
        // A wrong platform: its commands are refused by the switch.
        Run wrongPlatform = probe(access.get(Platform.OS9), PASSWORD, null, "--platform", "os6");
        assertThat(wrongPlatform.status()).isEqualTo(1);
        assertThat(wrongPlatform.err()).startsWith("probe: the switch refused 'show");
    }

    @Test
    void badUsageExitsTwoAndNeverTakesPasswordsAsArguments() {
        SimSwitch sw = access.get(Platform.OS9);
        assertThat(probe(sw, null, null).status()).isEqualTo(2);
        Run onCommandLine = probe(sw, PASSWORD, null, "--password", "x");
        assertThat(onCommandLine.status()).isEqualTo(2);
        assertThat(onCommandLine.err()).contains("PORTTRACER_PROBE_PASSWORD");
        assertThat(probe(sw, PASSWORD, null, "--platform", "ios").err()).contains("use auto, os10");
        assertThat(probe(sw, PASSWORD, null, "--port", "x").status()).isEqualTo(2);
    }
}
