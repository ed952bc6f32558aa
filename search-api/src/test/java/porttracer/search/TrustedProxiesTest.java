package porttracer.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import porttracer.config.StartupException;

class TrustedProxiesTest {

    private final TrustedProxies proxies = TrustedProxies.parse("10.0.0.0/8, 192.0.2.10, fd00::/8");

    @Test
    void anUntrustedPeerIsTheClientWhateverItsHeaderSays() {
        assertThat(proxies.clientAddress("198.51.100.7", "203.0.113.9")).isEqualTo("198.51.100.7");
        assertThat(TrustedProxies.parse("").clientAddress("127.0.0.1", "203.0.113.9")).isEqualTo("127.0.0.1");
    }

    @Test
    void aTrustedProxyNamesTheClientAndSpoofedHopsToItsLeftAreIgnored() {
        assertThat(proxies.clientAddress("10.1.2.3", "203.0.113.9")).isEqualTo("203.0.113.9");
        // The client wrote "1.2.3.4" itself; the proxy appended the address it saw.
        assertThat(proxies.clientAddress("192.0.2.10", "1.2.3.4, 203.0.113.9")).isEqualTo("203.0.113.9");
        // Two trusted proxies in a row are walked through.
        assertThat(proxies.clientAddress("192.0.2.10", "203.0.113.9, 10.9.9.9")).isEqualTo("203.0.113.9");
        assertThat(proxies.clientAddress("fd12::1", "2001:db8::5")).isEqualTo("2001:db8::5");
        assertThat(proxies.clientAddress("192.0.2.11", "203.0.113.9")).isEqualTo("192.0.2.11");
    }

    @Test
    void garbageInTheHeaderStopsAtTheLastAddressVouchedFor() {
        assertThat(proxies.clientAddress("10.1.2.3", "evil.example, not-an-ip")).isEqualTo("10.1.2.3");
        assertThat(proxies.clientAddress("10.1.2.3", "")).isEqualTo("10.1.2.3");
    }

    @Test
    void aBadEntryStopsTheStartNamingTheSetting() {
        assertThatThrownBy(() -> TrustedProxies.parse("10.0.0.0/33")).isInstanceOf(StartupException.class)
                .hasMessageContaining("PORTTRACER_API_TRUSTED_PROXIES");
        assertThatThrownBy(() -> TrustedProxies.parse("proxy.example")).isInstanceOf(StartupException.class)
                .hasMessageContaining("PORTTRACER_API_TRUSTED_PROXIES");
    }
}
