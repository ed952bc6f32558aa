package porttracer.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import porttracer.config.Settings;
import porttracer.config.StartupException;

/** The API's settings are read once, typed, and a bad one stops the start naming its environment variable. */
class ApiConfigTest {

    private static ApiConfig config(Map<String, String> overrides) {
        return ApiConfig.from(Settings.load(Map.of(), overrides));
    }

    @Test
    void defaultsAreRead() {
        ApiConfig c = config(Map.of());
        assertThat(c.maxInFlight()).isEqualTo(64);
        assertThat(c.loginMaxFailures()).isEqualTo(5);
        assertThat(c.loginLockout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(c.liveThreads()).isEqualTo(16);
        assertThat(c.dnsTimeout()).isEqualTo(Duration.ofMillis(1500));
        assertThat(c.poll().interval()).isEqualTo(Duration.ofMinutes(5));
        assertThat(c.ssh().perSwitchBudget()).isEqualTo(Duration.ofSeconds(40));
        assertThat(c.tls()).isNull();
        assertThat(c.trustedProxies().trusts("127.0.0.1")).isFalse();
        assertThat(c.directory().enabled()).isFalse();
    }

    @Test
    void environmentValuesAreTyped() {
        ApiConfig c = ApiConfig.from(Settings.load(Map.of("PORTTRACER_API_MAX_IN_FLIGHT", "3",
                "PORTTRACER_API_TRUSTED_PROXIES", "10.0.0.0/8", "PORTTRACER_POLL_INTERVAL", "1.5"), Map.of()));
        assertThat(c.maxInFlight()).isEqualTo(3);
        assertThat(c.trustedProxies().trusts("10.1.2.3")).isTrue();
        assertThat(c.poll().interval()).isEqualTo(Duration.ofMillis(1500));
    }

    @Test
    void aBadValueNamesItsEnvironmentVariable() {
        assertThatThrownBy(() -> config(Map.of("api.max-in-flight", "0"))).isInstanceOf(StartupException.class)
                .hasMessageContaining("PORTTRACER_API_MAX_IN_FLIGHT").hasMessageContaining("at least 1");
        assertThatThrownBy(() -> config(Map.of("api.login-max-failures", "many"))).isInstanceOf(StartupException.class)
                .hasMessageContaining("PORTTRACER_API_LOGIN_MAX_FAILURES");
        assertThatThrownBy(() -> config(Map.of("api.live-quota-per-minute", "-1"))).isInstanceOf(StartupException.class)
                .hasMessageContaining("PORTTRACER_API_LIVE_QUOTA_PER_MINUTE");
        assertThatThrownBy(() -> config(Map.of("poll.interval", "0"))).isInstanceOf(StartupException.class)
                .hasMessageContaining("PORTTRACER_POLL_INTERVAL");
        assertThatThrownBy(() -> config(Map.of("api.trusted-proxies", "proxy.example"))).isInstanceOf(StartupException.class)
                .hasMessageContaining("PORTTRACER_API_TRUSTED_PROXIES");
        assertThatThrownBy(() -> config(Map.of("api.tls-cert-file", "/x.pem"))).isInstanceOf(StartupException.class)
                .hasMessageContaining("PORTTRACER_API_TLS_KEY_FILE");
    }
}
