package porttracer.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import porttracer.config.StartupException;
import porttracer.index.Elastic;
import porttracer.index.EsAccess;
import porttracer.sim.SimHost;
import porttracer.sim.SimSwitch;

/**
 * PortTracer against Elasticsearch as production runs it: security on, TLS on HTTP, a least-privilege user.
 * Wrong credentials and untrusted certificates stop the start with one line naming the setting; with the
 * right ones, indexing, traces and the spool's replay after an outage all work over TLS.
 */
class SecuredElasticsearchTest {

    private static final String USER = "porttracer";
    private static SecuredElasticsearch es;

    @TempDir
    static Path esDir;

    @BeforeAll
    static void startSecuredElasticsearch() throws Exception {
        var home = SecuredElasticsearch.home();
        if (home.isEmpty()) {
            if (SecuredElasticsearch.REQUIRED) {
                throw new AssertionError("PORTTRACER_REQUIRE_SECURED_ES is set but no Elasticsearch distribution: "
                        + "set PORTTRACER_SECURED_ES_HOME (./porttracer test does)");
            }
            Assumptions.abort("no Elasticsearch distribution (run through ./porttracer test)");
        }
        es = SecuredElasticsearch.start(home.get(), esDir, USER, TestEnv.plantedSecret());
    }

    @AfterAll
    static void stop() {
        if (es != null) {
            es.close();
        }
    }

    private static Map<String, String> secured(String password) {
        Map<String, String> s = new HashMap<>();
        s.put("es.url", es.url());
        s.put("es.username", USER);
        s.put("es.password", password);
        s.put("es.ca-file", es.caCert.toString());
        return s;
    }

    private static StartupException startFailure(Map<String, String> settings) {
        Throwable t = org.assertj.core.api.Assertions.catchThrowable(() -> new PortTracer(TestEnv.settings(settings)).close());
        assertThat(t).isInstanceOf(StartupException.class);
        assertThat(t.getMessage()).doesNotContain("\n").doesNotContain(TestEnv.plantedSecret());
        return (StartupException) t;
    }

    @Test
    void aWrongPasswordStopsTheStartNamingTheSetting() {
        assertThat(startFailure(secured("not-the-password")).getMessage())
                .contains("refused the credentials").contains("PORTTRACER_ES_PASSWORD");
        Map<String, String> none = secured("");
        none.put("es.username", "");
        assertThat(startFailure(none).getMessage()).contains("PORTTRACER_ES_USERNAME");
    }

    @Test
    void theLauncherPrintsOneLineAndExitsTwo() throws Exception {
        // The api role as ./porttracer api runs it: a JVM of its own, configured by the environment only.
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "porttracer.app.Main", "api").redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("PORTTRACER_"));
        env.put("PORTTRACER_DB_URL", TestEnv.settings(Map.of()).get("db.url"));
        env.put("PORTTRACER_ES_URL", es.url());
        env.put("PORTTRACER_ES_USERNAME", USER);
        env.put("PORTTRACER_ES_PASSWORD", "not-the-password");
        env.put("PORTTRACER_ES_CA_FILE", es.caCert.toString());
        env.put("PORTTRACER_SECRET_KEY", TestEnv.settings(Map.of()).get("secret.key"));
        env.put("PORTTRACER_API_PORT", "0");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isEqualTo(2);
        List<String> lines = out.lines().filter(l -> l.startsWith("porttracer: ")).toList();
        assertThat(lines).as(out).hasSize(1);
        assertThat(lines.get(0)).contains("PORTTRACER_ES_PASSWORD");
        assertThat(out).as("no stack trace").doesNotContain("\tat ");
    }

    @Test
    void anUnknownApiKeyStopsTheStartNamingTheSetting() {
        Map<String, String> s = secured("");
        s.put("es.username", "");
        s.put("es.api-key", java.util.Base64.getEncoder().encodeToString("no-such-id:no-such-key".getBytes()));
        assertThat(startFailure(s).getMessage()).contains("refused the credentials").contains("PORTTRACER_ES_API_KEY");
    }

    @Test
    void anUntrustedCertificateStopsTheStartNamingTheSetting() throws Exception {
        Map<String, String> noCa = secured(TestEnv.plantedSecret());
        noCa.put("es.ca-file", "");
        assertThat(startFailure(noCa).getMessage()).contains("not trusted").contains("PORTTRACER_ES_CA_FILE");

        Map<String, String> otherCa = secured(TestEnv.plantedSecret());
        otherCa.put("es.ca-file", "");
        otherCa.put("es.ca-fingerprint", "ab".repeat(32));
        assertThat(startFailure(otherCa).getMessage()).contains("not trusted").contains("PORTTRACER_ES_CA_FINGERPRINT");

        // Another CA (made the same way) in the CA file: still refused.
        Path other = SecuredElasticsearch.certificates(es.home, esDir.resolve("other-ca")).resolve("ca/ca.crt");
        Map<String, String> wrongFile = secured(TestEnv.plantedSecret());
        wrongFile.put("es.ca-file", other.toString());
        assertThat(startFailure(wrongFile).getMessage()).contains("not trusted").contains("PORTTRACER_ES_CA_FILE");
    }

    @Test
    void theCaFingerprintIsEnoughToTrustTheCluster() throws Exception {
        EsAccess access = new EsAccess(es.url(), USER, TestEnv.plantedSecret(), "", "", es.caFingerprint());
        try (Elastic elastic = new Elastic(access, "porttracer-fp")) {
            porttracer.index.EsStartCheck.verify(elastic, access);
            assertThat(elastic.isReachable()).isTrue();
        }
    }

    @Test
    void indexTraceAndSpoolReplayWorkOverTlsWithALeastPrivilegeUser(@TempDir Path dir) throws Exception {
        try (TcpProxy proxy = new TcpProxy(es.port)) {
            Map<String, String> s = secured(TestEnv.plantedSecret());
            // Through a TCP proxy that can cut the link: TLS end to end, the certificate names 127.0.0.1.
            s.put("es.url", "https://127.0.0.1:" + proxy.port());
            s.put("poll.interval", "3600");
            try (TestFleet f = TestFleet.start(TestFleet.smallSpec(13), dir, s)) {
                f.pt.startCollector();
                f.pollAll(Duration.ofSeconds(120));
                Http http = new Http(f.pt.startApi("127.0.0.1", 0).port());
                SimHost h = f.sim.fleet().hosts().get(0);
                Http.Reply before = http.get("/api/v1/trace?mac=" + h.mac(), "netadmin", "netadmin");
                assertThat(before.status()).isEqualTo(200);
                assertThat(before.body().path("locations").get(0).path("switch").path("name").asText())
                        .isEqualTo(h.switchName());

                proxy.cut();
                SimSwitch target = f.sim.fleet().switches().stream()
                        .filter(w -> w.role() == porttracer.sim.Role.ACCESS && !w.name().equals(h.switchName()))
                        .findFirst().orElseThrow();
                SimHost moved = f.sim.fleet().moveHost(h.mac(), target.name(), f.freePort(target.name(), h.vlan()));
                f.pollAll(Duration.ofSeconds(120));
                assertThat(f.pt.feed().spooled()).as("results spooled while the secured cluster is cut off").isPositive();

                proxy.restore();
                long deadline = System.currentTimeMillis() + 120_000;
                while (f.pt.feed().spooled() > 0 && System.currentTimeMillis() < deadline) {
                    Thread.sleep(200);
                }
                assertThat(f.pt.feed().spooled()).as("spool replayed over TLS").isZero();
                Http.Reply after = http.get("/api/v1/trace?mac=" + h.mac(), "netadmin", "netadmin");
                assertThat(after.status()).isEqualTo(200);
                assertThat(after.body().path("locations").get(0).path("switch").path("name").asText())
                        .isEqualTo(moved.switchName());
                assertThat(after.body().path("locations").get(0).path("port").asText()).isEqualTo(moved.port());
                assertThat(MovementTest.events(f, "moved")).hasSize(1);
            }
        }
    }
}
