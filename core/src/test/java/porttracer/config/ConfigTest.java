package porttracer.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The typed configuration: defaults read, each group validated with the environment variable to fix named. */
class ConfigTest {

    private static Settings with(Map<String, String> env) {
        return Settings.load(env, Map.of());
    }

    @Test
    void theDefaultsMakeEveryGroup() {
        Settings s = with(Map.of("PORTTRACER_SECRET_KEY_FILE", "/tmp/k"));
        SshConfig ssh = SshConfig.from(s);
        assertThat(ssh.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(ssh.perSwitchBudget()).isEqualTo(Duration.ofSeconds(40));
        assertThat(ssh.maxSessionsPerSwitch()).isEqualTo(2);
        assertThat(ssh.minCommandInterval()).isZero();
        assertThat(PollConfig.from(s)).isEqualTo(new PollConfig(Duration.ofSeconds(300), 20, 2));
        assertThat(ClassifyConfig.from(s)).isEqualTo(new ClassifyConfig(8, 4));
        assertThat(DbConfig.from(s).host()).isEqualTo("127.0.0.1");
        assertThat(EsConfig.from(s).hosts()).containsExactly("127.0.0.1");
        assertThat(EventsConfig.from(s).off()).isTrue();
        assertThat(EventsConfig.from(s).syslogPattern().matcher("<187>%% Link Up: Gi1/0/5").find()).isTrue();
        assertThat(RetentionConfig.from(s).checkEvery()).isEqualTo(Duration.ofMinutes(360));
        assertThat(AlertConfig.from(s).maxAttempts()).isEqualTo(6);
        assertThat(SecretConfig.from(s).keyFile()).isEqualTo("/tmp/k");
        assertThat(NodeConfig.from(s).stateDir()).isEqualTo(Path.of(".local/state"));
    }

    @Test
    void theStateDirectoryIsAnOrdinarySetting() {
        assertThat(NodeConfig.from(with(Map.of("PORTTRACER_STATE_DIR", "/var/lib/porttracer"))).stateDir())
                .isEqualTo(Path.of("/var/lib/porttracer"));
        assertThatThrownBy(() -> NodeConfig.from(with(Map.of("PORTTRACER_STATE_DIR", " "))))
                .isInstanceOf(StartupException.class).hasMessageContaining("PORTTRACER_STATE_DIR");
    }

    @Test
    void aSwitchsIntervalIsItsOwnOrTheDefault() {
        PollConfig poll = PollConfig.from(with(Map.of("PORTTRACER_POLL_INTERVAL", "120")));
        assertThat(poll.intervalOf(null)).isEqualTo(Duration.ofSeconds(120));
        assertThat(poll.intervalOf(45)).isEqualTo(Duration.ofSeconds(45));
    }

    @Test
    void aBadValueNamesTheVariableToFix() {
        assertThatThrownBy(() -> SshConfig.from(with(Map.of("PORTTRACER_SSH_MAX_SESSIONS", "lots"))))
                .isInstanceOf(StartupException.class).hasMessageContaining("PORTTRACER_SSH_MAX_SESSIONS")
                .hasMessageContaining("whole number");
        assertThatThrownBy(() -> SshConfig.from(with(Map.of("PORTTRACER_SSH_MAX_SESSIONS_PER_SWITCH", "0"))))
                .isInstanceOf(StartupException.class).hasMessageContaining("PORTTRACER_SSH_MAX_SESSIONS_PER_SWITCH")
                .hasMessageContaining("at least 1");
        assertThatThrownBy(() -> PollConfig.from(with(Map.of("PORTTRACER_POLL_INTERVAL", "5m"))))
                .isInstanceOf(StartupException.class).hasMessageContaining("PORTTRACER_POLL_INTERVAL");
        assertThatThrownBy(() -> DbConfig.from(with(Map.of("PORTTRACER_DB_URL", "postgres://x/y"))))
                .isInstanceOf(StartupException.class).hasMessageContaining("PORTTRACER_DB_URL");
        assertThatThrownBy(() -> EsConfig.from(with(Map.of("PORTTRACER_ES_USERNAME", "u", "PORTTRACER_ES_API_KEY", "k"))))
                .isInstanceOf(StartupException.class).hasMessageContaining("PORTTRACER_ES_API_KEY");
        assertThatThrownBy(() -> EventsConfig.from(with(Map.of("PORTTRACER_SYSLOG_PATTERN", "(unclosed"))))
                .isInstanceOf(StartupException.class).hasMessageContaining("PORTTRACER_SYSLOG_PATTERN");
        assertThatThrownBy(() -> SecretConfig.from(with(Map.of())))
                .isInstanceOf(StartupException.class).hasMessageContaining("PORTTRACER_SECRET_KEY");
    }

    @Test
    void secretsStayOutOfToString() {
        Settings s = with(Map.of("PORTTRACER_DB_PASSWORD", "pg-secret", "PORTTRACER_ES_API_KEY", "es-secret",
                "PORTTRACER_SECRET_KEY", "key-secret", "PORTTRACER_TRAP_COMMUNITY", "community-secret"));
        String all = DbConfig.from(s) + " " + EsConfig.from(s) + " " + SecretConfig.from(s) + " " + EventsConfig.from(s);
        assertThat(all).doesNotContain("pg-secret", "es-secret", "key-secret", "community-secret");
    }
}
