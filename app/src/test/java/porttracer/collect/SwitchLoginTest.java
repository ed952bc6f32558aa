package porttracer.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import net.schmizz.sshj.transport.TransportException;
import net.schmizz.sshj.transport.verification.PromiscuousVerifier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import porttracer.domain.Platform;
import porttracer.parse.Parsers;
import porttracer.sim.Fleet;
import porttracer.sim.FleetSpec;
import porttracer.sim.Role;
import porttracer.sim.SimSwitch;
import porttracer.sim.SimulatorOptions;
import porttracer.sim.SimulatorServer;
import porttracer.sim.SwitchLogin;
import porttracer.store.Credentials;
import porttracer.store.PollOutcome;
import porttracer.store.SwitchRecord;

/**
 * Every login behaviour of real Dell fleets, over real SSH against the simulator, on every platform:
 * one site per behaviour, one access switch per platform on each site.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SwitchLoginTest {

    private static final String PASSWORD = "pw-" + Long.toHexString(System.nanoTime());
    private static final String ENABLE = "en-" + Long.toHexString(System.nanoTime() * 31);
    private static final String MOTD = SwitchLoginTestTexts.MOTD;
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private SimulatorServer sim;

    /** Site numbers of the behaviours. */
    private static final int KBD_ONLY = 1;
    private static final int USER_EXEC = 2;
    private static final int BANNER = 3;
    private static final int LEGACY = 4;
    private static final int IN_SHELL = 5;
    private static final int PUBLICKEY = 6;

    private final java.security.KeyPair key = rsaKeyPair();

    @BeforeAll
    void start() throws IOException {
        FleetSpec spec = new FleetSpec(7, 6, 1, 4, 3,
                List.of(Platform.OS6, Platform.OS9, Platform.OS10, Platform.POWERCONNECT), Platform.OS10);
        Function<SimSwitch, SwitchLogin> logins = sw -> switch (sw.site()) {
            case KBD_ONLY -> SwitchLogin.standard().withAuthMethods("keyboard-interactive");
            case USER_EXEC -> SwitchLogin.standard().withEnableSecret(ENABLE);
            case BANNER -> SwitchLogin.standard().withMotd(MOTD).withEnableSecret(ENABLE);
            case LEGACY -> SwitchLogin.standard().withLegacyOnly();
            case IN_SHELL -> SwitchLogin.standard().withInShellLogin().withEnableSecret(ENABLE);
            case PUBLICKEY -> SwitchLogin.standard().withPublicKeyOnly(key.getPublic());
            default -> SwitchLogin.standard();
        };
        sim = SimulatorServer.start(Fleet.generate(spec), SimulatorOptions.defaults().withCredentials("admin", PASSWORD),
                logins);
    }

    @AfterAll
    void stop() {
        sim.close();
    }

    private SimSwitch access(int site, Platform platform) {
        return sim.fleet().switches().stream()
                .filter(s -> s.site() == site && s.role() == Role.ACCESS && s.platform() == platform)
                .findFirst().orElseThrow();
    }

    private CliSession open(SimSwitch sw, Credentials creds, boolean legacy) throws IOException {
        return CliSession.open(sim.host(), sim.port(sw.name()), creds, new PromiscuousVerifier(), TIMEOUT, TIMEOUT, legacy);
    }

    private static Credentials creds(String enable) {
        return new Credentials("admin", PASSWORD, enable, null);
    }

    /** Logged in, the session reads the platform's MAC table in full. */
    private void assertReadsMacTable(CliSession cli, SimSwitch sw) throws IOException {
        Dialect d = Dialect.of(sw.platform());
        cli.disablePaging(d.pagingOff());
        var rows = Parsers.macTable(cli.run(d.macTable()));
        assertThat(rows.unparsedLines()).isEmpty();
        assertThat(rows.rows()).hasSize(sim.fleet().macTable(sw.name()).size());
    }

    @ParameterizedTest
    @EnumSource(Platform.class)
    void keyboardInteractiveOnly(Platform platform) throws IOException {
        SimSwitch sw = access(KBD_ONLY, platform);
        try (CliSession cli = open(sw, creds(null), false)) {
            assertThat(cli.login()).isEqualTo(new LoginInfo("keyboard-interactive", false, "not-needed", false));
            assertReadsMacTable(cli, sw);
        }
        assertThatThrownBy(() -> open(sw, new Credentials("admin", "wrong-" + PASSWORD), false))
                .isInstanceOf(net.schmizz.sshj.userauth.UserAuthException.class);
    }

    @ParameterizedTest
    @EnumSource(Platform.class)
    void userExecLandingThenEnable(Platform platform) throws IOException {
        SimSwitch sw = access(USER_EXEC, platform);
        try (CliSession cli = open(sw, creds(ENABLE), false)) {
            assertThat(cli.login()).isEqualTo(new LoginInfo("password", false, "ok", false));
            assertThat(cli.prompt()).isEqualTo(sw.name() + "#");
            assertReadsMacTable(cli, sw);
        }
        assertThat(sim.commands(sw.name())).contains("enable").doesNotContain(ENABLE);
    }

    @ParameterizedTest
    @EnumSource(Platform.class)
    void wrongOrMissingEnablePasswordIsRefused(Platform platform) {
        SimSwitch sw = access(USER_EXEC, platform);
        for (String enable : new String[] {"wrong-" + ENABLE, null}) {
            assertThatThrownBy(() -> open(sw, creds(enable), false))
                    .isInstanceOfSatisfying(LoginRefusedException.class, e -> {
                        assertThat(e.getMessage()).startsWith("enable refused").doesNotContain(ENABLE).doesNotContain(PASSWORD);
                        assertThat(e.login().enable()).isEqualTo("refused");
                        Poller.Failure f = Poller.classify(e, null, record(sw, false));
                        assertThat(f.outcome()).isEqualTo(PollOutcome.AUTH);
                        assertThat(f.error()).startsWith("enable refused");
                    });
        }
    }

    @ParameterizedTest
    @EnumSource(Platform.class)
    void bannerWithPromptCharacters(Platform platform) throws IOException {
        SimSwitch sw = access(BANNER, platform);
        try (CliSession cli = open(sw, creds(ENABLE), false)) {
            assertThat(cli.prompt()).isEqualTo(sw.name() + "#");
            assertThat(cli.login().enable()).isEqualTo("ok");
            assertReadsMacTable(cli, sw);
        }
    }

    @ParameterizedTest
    @EnumSource(Platform.class)
    void legacyOnlySwitchIsRefusedWithoutLegacyCryptoAndPolledWithIt(Platform platform) throws IOException {
        SimSwitch sw = access(LEGACY, platform);
        assertThatThrownBy(() -> open(sw, creds(null), false))
                .isInstanceOfSatisfying(TransportException.class, e -> {
                    Poller.Failure f = Poller.classify(e, null, record(sw, false));
                    assertThat(f.outcome()).isEqualTo(PollOutcome.SSH);
                    assertThat(f.error()).contains("key exchange").contains("diffie-hellman-group1-sha1")
                            .contains("legacyCrypto: true");
                });
        try (CliSession cli = open(sw, creds(null), true)) {
            assertThat(cli.login()).isEqualTo(new LoginInfo("password", false, "not-needed", true));
            assertReadsMacTable(cli, sw);
        }
    }

    @ParameterizedTest
    @EnumSource(Platform.class)
    void authNoneThenInShellLogin(Platform platform) throws IOException {
        SimSwitch sw = access(IN_SHELL, platform);
        try (CliSession cli = open(sw, creds(ENABLE), false)) {
            assertThat(cli.login()).isEqualTo(new LoginInfo("none", true, "ok", false));
            assertReadsMacTable(cli, sw);
        }
        if (platform == Platform.POWERCONNECT) {
            assertThat(sim.commands(sw.name())).contains("terminal datadump");
        }
        assertThatThrownBy(() -> open(sw, new Credentials("admin", "wrong-" + PASSWORD, ENABLE, null), false))
                .isInstanceOfSatisfying(LoginRefusedException.class, e -> {
                    assertThat(e.getMessage()).startsWith("in-shell login refused").doesNotContain(PASSWORD);
                    assertThat(Poller.classify(e, null, record(sw, false)).outcome()).isEqualTo(PollOutcome.AUTH);
                });
    }

    @ParameterizedTest
    @EnumSource(Platform.class)
    void showVersionDetectsEachPlatform(Platform platform) throws IOException {
        SimSwitch sw = access(USER_EXEC, platform);
        try (CliSession cli = open(sw, creds(ENABLE), false)) {
            PlatformProbe.Detected d = PlatformProbe.detect(cli);
            assertThat(d.platform()).isEqualTo(platform);
            if (platform != Platform.POWERCONNECT) {
                // PowerConnect 55xx's show version prints no model.
                assertThat(d.model()).isEqualTo(sw.model());
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Platform.class)
    void publicKeyFirstWhenTheCredentialHoldsOne(Platform platform) throws IOException {
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + java.util.Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(key.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        SimSwitch sw = access(PUBLICKEY, platform);
        try (CliSession cli = open(sw, new Credentials("admin", "wrong-" + PASSWORD, null, pem), false)) {
            assertThat(cli.login().method()).isEqualTo("publickey");
            assertReadsMacTable(cli, sw);
        }
        // A switch that does not offer publickey is logged in with the password, the key being unused.
        try (CliSession cli = open(access(USER_EXEC, platform), new Credentials("admin", PASSWORD, ENABLE, pem), false)) {
            assertThat(cli.login().method()).isEqualTo("password");
        }
    }

    private static java.security.KeyPair rsaKeyPair() {
        try {
            java.security.KeyPairGenerator g = java.security.KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            return g.generateKeyPair();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private SwitchRecord record(SimSwitch sw, boolean legacy) {
        return new SwitchRecord(1, sw.name(), sim.host(), sim.port(sw.name()), sw.platform(), sw.model(), "site", null,
                true, null, false, false, legacy);
    }

}
