package porttracer.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import porttracer.config.Settings;
import porttracer.domain.MacAddress;
import porttracer.search.ApiServer;
import porttracer.sim.Fleet;
import porttracer.sim.FleetSpec;

/**
 * Audit rows forwarded to a real rsyslog (Debian's, own config via scripts/rsyslog.sh) over UDP,
 * TCP (octet-counted) and TLS (CA made in the test): a trace by a directory user arrives with its structured data; with syslog
 * down, requests are not slowed and the rows that do not fit are counted as dropped.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditSyslogTest {

    private TestDirectory ldap;
    private ScriptServer rsyslog;
    private Path received;
    private int udpPort;
    private int tcpPort;
    private int tlsPort;
    private Path rsyslogDir;
    private ApiFixture f;

    @BeforeAll
    void start(@TempDir Path tmp) throws Exception {
        ScriptServer.requireInstalled("/usr/sbin/rsyslogd", "PORTTRACER_REQUIRE_RSYSLOG", "scripts/rsyslog.sh install");
        ldap = new TestDirectory(tmp.resolve("ldap"));
        Path dir = Files.createDirectories(tmp.resolve("rsyslog"));
        udpPort = ScriptServer.freePort();
        tcpPort = ScriptServer.freePort();
        tlsPort = ScriptServer.freePort();
        rsyslogDir = dir;
        received = dir.resolve("porttracer.log");
        rsyslog = new ScriptServer(dir, tcpPort, Map.of(), "scripts/rsyslog.sh", "start", dir.toString(),
                Integer.toString(udpPort), Integer.toString(tcpPort), Integer.toString(tlsPort)).start();
        Map<String, String> s = new HashMap<>(ldap.settings("ldap://127.0.0.1:" + ldap.ldapPort, false));
        s.put("audit.syslog", "udp://127.0.0.1:" + udpPort);
        f = new ApiFixture(Fleet.generate(FleetSpec.small(37)), tmp.resolve("keys"), s);
    }

    @AfterAll
    void stop() {
        if (f != null) {
            f.close();
        }
        if (rsyslog != null) {
            rsyslog.close();
        }
        if (ldap != null) {
            ldap.close();
        }
    }

    @Test
    void aTraceByADirectoryUserArrivesOverUdpWithItsStructuredData() throws Exception {
        MacAddress mac = f.sim.fleet().hosts().get(1).mac();
        assertThat(ApiCall.get(f.port, "/api/v1/trace?mac=" + mac).as("olga", TestDirectory.password("olga")).send()
                .status()).isEqualTo(200);
        String line = awaitLine("imudp", "olga@ldap", "trace");
        assertThat(sd(line)).containsEntry("user", "olga@ldap").containsEntry("role", "oss")
                .containsEntry("action", "trace").containsEntry("target", mac.toString())
                .containsEntry("result", "ok").containsEntry("client", "127.0.0.1");
        assertThat(line).startsWith("imudp porttracer trace [porttracer@32473 ");
        // The sign-in before it went too, as a directory login.
        assertThat(sd(awaitLine("imudp", "olga@ldap", "login"))).containsEntry("target", "directory");
    }

    @Test
    void overTcpOctetCountedFramesArriveWholeAndRefusalsToo() throws Exception {
        Settings s = f.pt.settings().with("audit.syslog", "tcp://127.0.0.1:" + tcpPort);
        try (ApiServer api = second(s)) {
            MacAddress mac = f.sim.fleet().hosts().get(2).mac();
            for (int i = 0; i < 20; i++) {
                assertThat(ApiCall.get(api.port(), "/api/v1/trace?mac=" + mac).as("alice", TestDirectory.password("alice"))
                        .send().status()).isEqualTo(200);
            }
            assertThat(ApiCall.get(api.port(), "/api/v1/users").as("alice", TestDirectory.password("alice")).send()
                    .status()).isEqualTo(403);
            // RFC 5424's escapes in a value (", \ and ]) survive rsyslog's parsing of the structured data.
            String tricky = "a\"b]c\\d";
            assertThat(ApiCall.get(api.port(), "/api/v1/search?q=" + java.net.URLEncoder.encode(tricky,
                    java.nio.charset.StandardCharsets.UTF_8)).as("alice", TestDirectory.password("alice")).send().status())
                    .isEqualTo(200);
            String search = awaitLine("imtcp", "alice@ldap", "search");
            // rsyslog parsed the structured data (a malformed one would read "-" here).
            assertThat(search).startsWith("imtcp porttracer search [porttracer@32473 ");
            assertThat(sd(search)).containsEntry("target", tricky);
            Map<String, String> denied = sd(awaitLine("imtcp", "alice@ldap", "denied"));
            assertThat(denied).containsEntry("role", "netadmin").containsEntry("target", "GET /api/v1/users")
                    .containsEntry("result", "forbidden");
            Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
            long traces;
            do {
                traces = lines().stream().filter(l -> l.startsWith("imtcp ") && l.contains("user=\"alice@ldap\"")
                        && l.contains("action=\"trace\"") && l.contains("target=\"" + mac + "\"")).count();
            } while (traces < 20 && Instant.now().isBefore(deadline) && pause());
            // Each frame arrives as one whole message: no split or merged lines.
            assertThat(traces).isEqualTo(20);
        }
    }

    @Test
    void overTlsWithTheCollectorsCaRowsArrive() throws Exception {
        Settings s = f.pt.settings().with("audit.syslog", "tls://127.0.0.1:" + tlsPort)
                .with("audit.syslog-ca-file", rsyslogDir.resolve("ca.pem").toString());
        try (ApiServer api = second(s)) {
            MacAddress mac = f.sim.fleet().hosts().get(4).mac();
            assertThat(ApiCall.get(api.port(), "/api/v1/trace?mac=" + mac).as("sam", TestDirectory.password("sam"))
                    .send().status()).isEqualTo(200);
            assertThat(sd(awaitLine("imtls", "sam@ldap", "trace"))).containsEntry("role", "superadmin")
                    .containsEntry("target", mac.toString()).containsEntry("result", "ok");
        }
    }

    @Test
    void withSyslogDownRequestsAreNotSlowedAndDropsAreCounted() throws Exception {
        Settings s = f.pt.settings().with("audit.syslog", "tcp://127.0.0.1:" + ScriptServer.freePort())
                .with("audit.syslog-queue", "5");
        try (ApiServer api = second(s)) {
            MacAddress mac = f.sim.fleet().hosts().get(3).mac();
            ApiCall.get(api.port(), "/api/v1/trace?mac=" + mac).as("netadmin").send();
            long t0 = System.nanoTime();
            for (int i = 0; i < 40; i++) {
                assertThat(ApiCall.get(api.port(), "/api/v1/trace?mac=" + mac).as("netadmin").send().status())
                        .isEqualTo(200);
            }
            double perRequestMs = (System.nanoTime() - t0) / 1e6 / 40;
            // Reconnecting to a dead syslog takes a back-off of up to 10 s per try: none of it lands on requests.
            assertThat(perRequestMs).as("ms per trace with syslog down").isLessThan(1_000);
            String metrics = ApiCall.get(api.port(), "/metrics").send().text();
            Matcher m = Pattern.compile("(?m)^porttracer_audit_syslog_dropped_total (\\S+)$").matcher(metrics);
            assertThat(m.find()).as(metrics).isTrue();
            assertThat(Double.parseDouble(m.group(1))).isGreaterThanOrEqualTo(30);
        }
    }

    private ApiServer second(Settings s) {
        return new ApiServer(porttracer.search.ApiConfig.from(s), f.pt.db(), f.pt.elastic(), f.pt.inventory(),
                f.pt.liveVerifier(), f.pt.alertStore(), f.pt.alerts(), new PrometheusRegistry()).start("127.0.0.1", 0);
    }

    private static boolean pause() throws InterruptedException {
        Thread.sleep(200);
        return true;
    }

    private List<String> lines() throws Exception {
        return Files.exists(received) ? Files.readAllLines(received) : List.of();
    }

    /** The first line received over {@code input} for the user and action, waiting up to 30 s. */
    private String awaitLine(String input, String user, String action) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        do {
            for (String l : lines()) {
                if (l.startsWith(input + " ") && l.contains("user=\"" + user + "\"") && l.contains("action=\"" + action + "\"")) {
                    return l;
                }
            }
        } while (Instant.now().isBefore(deadline) && pause());
        throw new AssertionError("no " + action + " of " + user + " over " + input + " in " + lines());
    }

    /** The SD-PARAMs of the porttracer@32473 element, unescaped (RFC 5424 6.3.3). */
    private static Map<String, String> sd(String line) {
        Map<String, String> out = new HashMap<>();
        Matcher m = Pattern.compile("(\\w+)=\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(line.substring(line.indexOf("[porttracer@32473")));
        while (m.find()) {
            out.put(m.group(1), m.group(2).replaceAll("\\\\(.)", "$1"));
        }
        return out;
    }
}
