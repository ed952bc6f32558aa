package porttracer.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import porttracer.config.StartupException;

/**
 * The API over real HTTPS with a certificate made by elasticsearch-certutil: HSTS on every answer, no plain
 * HTTP on the port, and X-Forwarded-For believed only from PORTTRACER_API_TRUSTED_PROXIES (seen in the audit).
 */
class ApiTlsTest {

    @TempDir
    static Path certDir;
    private static Path certs;

    @BeforeAll
    static void makeCertificates() throws Exception {
        var home = SecuredElasticsearch.home();
        if (home.isEmpty()) {
            if (SecuredElasticsearch.REQUIRED) {
                throw new AssertionError("no Elasticsearch distribution for elasticsearch-certutil: set PORTTRACER_SECURED_ES_HOME");
            }
            Assumptions.abort("no Elasticsearch distribution (run through ./porttracer test)");
        }
        certs = SecuredElasticsearch.certificates(home.get(), certDir);
    }

    private static Map<String, String> tls(String trustedProxies) {
        return Map.of("api.tls-cert-file", certs.resolve("node/node.crt").toString(),
                "api.tls-key-file", certs.resolve("node/node.key").toString(),
                "api.trusted-proxies", trustedProxies);
    }

    private static HttpClient trusting() throws Exception {
        SSLContext ssl = co.elastic.clients.transport.TransportUtils.sslContextFromHttpCaCrt(certs.resolve("ca/ca.crt").toFile());
        return HttpClient.newBuilder().sslContext(ssl).connectTimeout(Duration.ofSeconds(10)).build();
    }

    private static HttpResponse<String> get(HttpClient client, String url, String user, String password, String forwardedFor)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
        if (user != null) {
            b.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        if (forwardedFor != null) {
            b.header("X-Forwarded-For", forwardedFor);
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theApiServesHttpsWithHstsAndNoPlainHttp(@TempDir Path dir) throws Exception {
        try (TestFleet f = TestFleet.start(TestFleet.smallSpec(5), dir, tls(""))) {
            int port = f.pt.startApi("127.0.0.1", 0).port();
            HttpResponse<String> health = get(trusting(), "https://127.0.0.1:" + port + "/health/live", null, null, null);
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.headers().firstValue("Strict-Transport-Security")).hasValue("max-age=31536000");
            HttpResponse<String> me = get(trusting(), "https://localhost:" + port + "/api/v1/me", "netadmin", "netadmin", null);
            assertThat(me.statusCode()).isEqualTo(200);
            assertThat(me.body()).contains("\"netadmin\"");
            assertThat(me.headers().firstValue("Strict-Transport-Security")).isPresent();

            // No plain HTTP on the TLS port, and a client that does not trust the CA refuses the certificate.
            Throwable plain = catchThrowable(() -> {
                HttpResponse<String> r = get(HttpClient.newHttpClient(), "http://127.0.0.1:" + port + "/health/live", null, null, null);
                assertThat(r.statusCode()).isNotEqualTo(200);
            });
            assertThat(plain == null || plain instanceof java.io.IOException).as("plain HTTP: %s", plain).isTrue();
            assertThat(catchThrowable(() -> get(HttpClient.newHttpClient(), "https://127.0.0.1:" + port + "/health/live",
                    null, null, null))).isInstanceOf(javax.net.ssl.SSLHandshakeException.class);
        }
    }

    @Test
    void aMissingKeyFileStopsTheStartNamingTheSetting(@TempDir Path dir) throws Exception {
        Map<String, String> s = new java.util.HashMap<>(tls(""));
        s.put("api.tls-key-file", dir.resolve("absent.key").toString());
        try (TestFleet f = TestFleet.start(TestFleet.smallSpec(5), dir, s)) {
            Throwable t = catchThrowable(() -> f.pt.startApi("127.0.0.1", 0));
            assertThat(t).isInstanceOf(StartupException.class).hasMessageContaining("PORTTRACER_API_TLS_KEY_FILE");
        }
    }

    @Test
    void forwardedForIsBelievedOnlyFromTrustedProxies(@TempDir Path dir) throws Exception {
        // Not trusted: the header is the client's own claim, and the audit records the real peer.
        assertThat(auditedAddress(dir.resolve("a"), "", "203.0.113.77")).isEqualTo("127.0.0.1");
        // Trusted (the test's loopback is the proxy): the client it names is recorded.
        assertThat(auditedAddress(dir.resolve("b"), "127.0.0.0/8", "198.51.100.1, 203.0.113.78")).isEqualTo("203.0.113.78");
    }

    /** A failed login sent with X-Forwarded-For; the address the audit log recorded for it. */
    private static String auditedAddress(Path dir, String trustedProxies, String forwardedFor) throws Exception {
        try (TestFleet f = TestFleet.start(TestFleet.smallSpec(5), dir, tls(trustedProxies))) {
            int port = f.pt.startApi("127.0.0.1", 0).port();
            String user = "nobody-" + System.nanoTime();
            assertThat(get(trusting(), "https://127.0.0.1:" + port + "/api/v1/me", user, "wrong", forwardedFor).statusCode())
                    .isEqualTo(401);
            long deadline = System.currentTimeMillis() + 60_000;
            while (System.currentTimeMillis() < deadline) {
                List<String> seen = new ArrayList<>();
                try (Connection c = f.pt.db().dataSource().getConnection();
                     PreparedStatement ps = c.prepareStatement("select remote_addr from audit_log where username = ?")) {
                    ps.setString(1, user);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            seen.add(rs.getString(1));
                        }
                    }
                }
                if (!seen.isEmpty()) {
                    return seen.get(0);
                }
                Thread.sleep(100);
            }
            throw new AssertionError("the failed login of " + user + " was not audited within 60 s");
        }
    }
}
