package porttracer.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import porttracer.config.Settings;
import porttracer.domain.MacAddress;
import porttracer.index.Elastic;
import porttracer.search.ApiServer;
import porttracer.search.Role;
import porttracer.sim.Fleet;
import porttracer.sim.FleetSpec;
import porttracer.sim.SimHost;
import porttracer.sim.SimSwitch;

/**
 * Hostile and cross-role requests against the real API over a polled simulated fleet: CSRF rules,
 * fair login throttling, live-work quotas, what oss may not see, CSV export neutralised, the host-key
 * review, and live lookups on ports no poll has classified.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiHardeningTest {

    /** Seen only on a distribution switch's uplink: oss must not learn of it. */
    private static final MacAddress UPLINK_ONLY = MacAddress.parse("02:cc:00:00:00:01");
    /** Indexed with spreadsheet formulas in its switch, site, floor and port names. */
    private static final MacAddress FORMULAS = MacAddress.parse("02:cc:00:00:00:02");

    private ApiFixture f;
    private SimSwitch access;
    private SimSwitch dist;
    private final List<ApiServer> extra = new ArrayList<>();

    @BeforeAll
    void start(@TempDir Path tmp) throws Exception {
        Fleet fleet = Fleet.generate(FleetSpec.small(23));
        // Pooled sessions are not kept, so that every live lookup shakes hands (and checks the host key) anew.
        f = new ApiFixture(fleet, tmp.resolve("keys"), Map.of("api.login-max-failures", "3",
                "api.login-lockout-seconds", "1", "ssh.idle-timeout", "0"));
        dist = fleet.switches().stream().filter(s -> s.role() == porttracer.sim.Role.DISTRIBUTION).findFirst().orElseThrow();
        access = fleet.switches().stream().filter(s -> s.role() == porttracer.sim.Role.ACCESS)
                .max(java.util.Comparator.comparingLong(s -> hostsOn(s.name()).size())).orElseThrow();
        indexDocs();
    }

    @AfterAll
    void stop() {
        extra.forEach(ApiServer::close);
        if (f != null) {
            f.close();
        }
    }

    private List<SimHost> hostsOn(String switchName) {
        return f == null ? List.of() : f.sim.fleet().hosts().stream().filter(h -> h.switchName().equals(switchName)).toList();
    }

    /** A second API over the same stores with other settings (its own throttles and quotas). */
    private int extraApi(Map<String, String> settings) {
        Settings s = f.pt.settings();
        for (Map.Entry<String, String> e : settings.entrySet()) {
            s = s.with(e.getKey(), e.getValue());
        }
        ApiServer api = new ApiServer(porttracer.search.ApiConfig.from(s), f.pt.db(), f.pt.elastic(), f.pt.inventory(),
                f.pt.liveVerifier(), f.pt.alertStore(), f.pt.alerts(), new PrometheusRegistry()).start("127.0.0.1", 0);
        extra.add(api);
        return api.port();
    }

    private void indexDocs() throws Exception {
        Elastic es = f.pt.elastic();
        String now = Elastic.time(java.time.Instant.now());
        String uplink = "{\"switchId\":" + f.ids.get(dist.name()) + ",\"switchName\":\"" + dist.name() + "\",\"host\":\"127.0.0.1\","
                + "\"site\":\"site1\",\"port\":\"ethernet1/1/9\",\"portKey\":\"e1/1/9\",\"vlan\":10,\"edge\":false,"
                + "\"reason\":\"inventory: uplink\",\"firstSeen\":\"" + now + "\"}";
        index(es, UPLINK_ONLY, "{\"mac\":\"" + UPLINK_ONLY + "\",\"macBare\":\"" + UPLINK_ONLY.bare() + "\",\"oui\":\"02cc00\","
                + "\"vendor\":\"Hidden Uplink Co\",\"present\":true,\"firstSeen\":\"" + now + "\",\"lastChanged\":\"" + now
                + "\",\"sightings\":[" + uplink + "]}");
        String edge = "\"switchId\":" + f.ids.get(access.name()) + ",\"switchName\":\"\\t=cmd|' /C calc'!A0\",\"host\":\"127.0.0.1\","
                + "\"site\":\"\\r=1+2\",\"floor\":\"@SUM(1)\",\"port\":\"=HYPERLINK(1)\",\"portKey\":\"gi1/0/44\",\"vlan\":10,"
                + "\"reason\":\"single mac\"";
        index(es, FORMULAS, "{\"mac\":\"" + FORMULAS + "\",\"macBare\":\"" + FORMULAS.bare() + "\",\"oui\":\"02cc00\","
                + "\"present\":true,\"firstSeen\":\"" + now + "\",\"lastChanged\":\"" + now + "\","
                + "\"edge\":{" + edge + ",\"since\":\"" + now + "\",\"current\":true},"
                + "\"sightings\":[{" + edge + ",\"edge\":true,\"firstSeen\":\"" + now + "\"}]}");
    }

    private static void index(Elastic es, MacAddress mac, String doc) throws Exception {
        es.client().index(i -> i.index(es.currentIndex()).id(mac.bare()).withJson(new StringReader(doc))
                .refresh(co.elastic.clients.elasticsearch._types.Refresh.True));
    }

    // ---- CSRF

    @Test
    void stateChangingRequestsNeedAJsonOrCsvBody() throws Exception {
        for (String type : List.of("text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x")) {
            ApiCall.Reply r = f.call("POST", "/api/v1/tokens").as("netadmin").body(type, "{\"name\":\"csrf\"}").send();
            assertThat(r.status()).as(type).isEqualTo(415);
            assertThat(r.json().get("error").asText()).contains("application/json");
        }
        assertThat(f.call("POST", "/api/v1/tokens").as("netadmin").send().status()).isEqualTo(415);
        // A JSON endpoint does not take CSV either, nor the CSV import JSON.
        assertThat(f.call("POST", "/api/v1/sites").as("superadmin").body("text/csv", "name\nx\n").send().status())
                .isEqualTo(415);
        assertThat(f.call("POST", "/api/v1/switches/import").as("superadmin").json(Map.of("name", "x")).send().status())
                .isEqualTo(415);
        assertThat(f.call("POST", "/api/v1/tokens").as("netadmin").json(Map.of("name", "same-site")).send().status())
                .isEqualTo(201);
    }

    @Test
    void requestsFromAnotherSiteAreRefused() throws Exception {
        String self = "http://127.0.0.1:" + f.port;
        ApiCall.Reply evil = f.call("POST", "/api/v1/tokens").as("netadmin").header("Origin", "https://evil.example")
                .json(Map.of("name", "evil")).send();
        assertThat(evil.status()).isEqualTo(403);
        assertThat(evil.json().get("error").asText()).contains("cross-site");
        assertThat(f.call("POST", "/api/v1/tokens").as("netadmin").header("Origin", "null").json(Map.of("name", "n"))
                .send().status()).isEqualTo(403);
        assertThat(f.call("POST", "/api/v1/tokens").as("netadmin").header("Origin", "http://127.0.0.1:1")
                .json(Map.of("name", "other-port")).send().status()).isEqualTo(403);
        assertThat(f.get("/api/v1/me").as("netadmin").header("Sec-Fetch-Site", "cross-site").send().status()).isEqualTo(403);
        assertThat(f.get("/api/v1/me").as("netadmin").header("Sec-Fetch-Site", "same-site").send().status()).isEqualTo(403);
        assertThat(f.call("POST", "/api/v1/tokens").as("netadmin").header("Origin", self)
                .header("Sec-Fetch-Site", "same-origin").json(Map.of("name", "own page")).send().status()).isEqualTo(201);
        assertThat(f.get("/api/v1/me").as("netadmin").header("Sec-Fetch-Site", "none").send().status()).isEqualTo(200);
    }

    @Test
    void theWebPagesOwnRequestsNeverGetABasicChallenge() throws Exception {
        assertThat(f.get("/api/v1/me").header("Sec-Fetch-Mode", "cors").header("Sec-Fetch-Site", "same-origin").send()
                .header("WWW-Authenticate")).isNull();
        assertThat(f.get("/api/v1/me").header("Sec-Fetch-Mode", "same-origin").send().header("WWW-Authenticate")).isNull();
        assertThat(f.get("/api/v1/me").header("Sec-Fetch-Mode", "navigate").send().header("WWW-Authenticate"))
                .contains("Basic");
    }

    @Test
    void roleDependentAnswersVaryByAuthorization() throws Exception {
        SimHost h = hostsOn(access.name()).get(0);
        for (String path : List.of("/api/v1/trace?mac=" + h.mac(), "/api/v1/search?q=" + h.mac(), "/api/v1/switches")) {
            ApiCall.Reply r = f.get(path).as("oss").send();
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.raw().headers().allValues("Vary").toString()).as(path).contains("Authorization");
        }
    }

    // ---- logins

    @Test
    void parallelGuessesAreCountedBeforeHashing() throws Exception {
        // Its own API with a 30 s lockout, so that late arrivals on a loaded machine still find the pair waiting.
        int port = extraApi(Map.of("api.login-max-failures", "3", "api.login-lockout-seconds", "30"));
        f.pt.api().users().put("target", "target-password", Role.OSS);
        List<Integer> statuses = meAtOnce(port, 24, i -> "target", i -> "guess-" + i);
        int checked = 0;
        for (int status : statuses) {
            assertThat(status).isIn(401, 429);
            checked += status == 401 ? 1 : 0;
        }
        // Only as many passwords were checked as the limit allows, however many arrived at once.
        assertThat(checked).isBetween(1, 3);
        // The pair waits now, even with the right password; another user from the same address does not.
        assertThat(ApiCall.get(port, "/api/v1/me").as("target", "target-password").send().status()).isEqualTo(429);
        assertThat(ApiCall.get(port, "/api/v1/me").as("oss").send().status()).isEqualTo(200);
    }

    @Test
    void parallelRequestsWithTheRightPasswordShareOneCheckAndAreAllAnswered() throws Exception {
        // A script or page opening with many requests at once: none may be refused as if it were a guess.
        int port = extraApi(Map.of("api.login-max-failures", "3", "api.login-lockout-seconds", "30"));
        f.pt.api().users().put("eager", "eager-password", Role.OSS);
        assertThat(meAtOnce(port, 24, i -> "eager", i -> "eager-password")).hasSize(24).containsOnly(200);
    }

    /** The statuses of {@code n} requests for /api/v1/me released at the same moment, user and password by index. */
    private static List<Integer> meAtOnce(int port, int n, java.util.function.IntFunction<String> user,
                                          java.util.function.IntFunction<String> password) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> replies = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                String u = user.apply(i);
                String pw = password.apply(i);
                replies.add(pool.submit(() -> {
                    go.await();
                    return ApiCall.get(port, "/api/v1/me").as(u, pw).send().status();
                }));
            }
            go.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> r : replies) {
                statuses.add(r.get());
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void failuresDecayAndASuccessClearsThem() throws Exception {
        f.pt.api().users().put("decaying", "decaying-password", Role.OSS);
        for (int i = 0; i < 2; i++) {
            assertThat(f.get("/api/v1/me").as("decaying", "wrong" + i).send().status()).isEqualTo(401);
        }
        // One failure is forgotten per lockout period (1 s here).
        Thread.sleep(3_000);
        for (int i = 0; i < 2; i++) {
            assertThat(f.get("/api/v1/me").as("decaying", "wrong" + i).send().status()).isEqualTo(401);
        }
        assertThat(f.get("/api/v1/me").as("decaying", "decaying-password").send().status()).isEqualTo(200);
        f.pt.api().users().put("decaying", "decaying-password-2", Role.OSS);
        for (int i = 0; i < 2; i++) {
            assertThat(f.get("/api/v1/me").as("decaying", "wrong" + i).send().status()).isEqualTo(401);
        }
        assertThat(f.get("/api/v1/me").as("decaying", "decaying-password-2").send().status()).isEqualTo(200);
    }

    @Test
    void guessingFromOneAddressSlowsItDownButLocksNoOneOut() throws Exception {
        // Its own API, so that its address throttle does not slow the other tests' logins.
        int port = extraApi(Map.of("api.login-max-failures", "3", "api.login-lockout-seconds", "30"));
        f.pt.api().users().put("colleague", "colleague-password", Role.OSS);
        int throttled = 0;
        for (int i = 0; i < 40; i++) {
            int status = ApiCall.get(port, "/api/v1/me").as("nobody-" + i, "guess").send().status();
            assertThat(status).isIn(401, 429);
            throttled += status == 429 ? 1 : 0;
        }
        assertThat(throttled).as("guessing across user names from one address is slowed down").isPositive();
        // A colleague behind the same address still gets in, at most a second or two later.
        assertThat(awaitLogin("colleague", "colleague-password", port, 10)).isEqualTo(200);
    }

    @Test
    void passwordsLongerThanBcryptReadsAreRefusedNeverAServerError() throws Exception {
        String long80Bytes = "\u00e9".repeat(40);
        ApiCall.Reply login = f.get("/api/v1/me").as("netadmin", long80Bytes).send();
        assertThat(login.status()).isEqualTo(401);
        ApiCall.Reply set = f.call("POST", "/api/v1/users").as("superadmin")
                .json(Map.of("username", "longpw", "password", long80Bytes, "role", "oss")).send();
        assertThat(set.status()).isEqualTo(400);
        assertThat(set.json().get("error").asText()).contains("72");
        assertThat(f.get("/api/v1/me").as("nobody", "x".repeat(500)).send().status()).isEqualTo(401);
    }

    /** Logs in until it is not throttled (following Retry-After), at most {@code seconds}; the last status. */
    private static int awaitLogin(String user, String password, int port, int seconds) throws Exception {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        int status;
        do {
            ApiCall.Reply r = ApiCall.get(port, "/api/v1/me").as(user, password).send();
            status = r.status();
            if (status == 429) {
                Thread.sleep(Math.min(2_000, Long.parseLong(r.header("Retry-After")) * 1000));
            }
        } while (status == 429 && System.nanoTime() < deadline);
        return status;
    }

    // ---- live work

    @Test
    void liveLookupsHaveQuotasAndAutomaticRechecksCountAgainstTheSwitchCaps() throws Exception {
        // Answers are stale after 2 x 1 s; oss may ask 3 switches a minute, any switch is asked at most 4 times.
        int port = extraApi(Map.of("poll.interval", "1", "api.live-quota-per-minute", "3",
                "api.live-per-switch-per-minute", "4"));
        ApiCall.Reply site = ApiCall.to(port, "POST", "/api/v1/live-traces").as("oss")
                .json(Map.of("mac", hostsOn(access.name()).get(0).mac().toString(), "site", "site1")).send();
        assertThat(site.status()).isEqualTo(429);
        assertThat(Integer.parseInt(site.header("Retry-After"))).isBetween(1, 60);
        assertThat(site.json().get("error").asText()).contains("per minute");

        awaitStale(port);
        List<SimHost> hosts = hostsOn(access.name());
        assertThat(hosts.size()).isGreaterThanOrEqualTo(5);
        JsonNode first = ApiCall.get(port, "/api/v1/trace?mac=" + hosts.get(0).mac()).as("netadmin").send().json();
        assertThat(first.has("liveCheck")).as("a stale answer is re-checked live").isTrue();
        JsonNode last = null;
        for (SimHost h : hosts.subList(1, 5)) {
            ApiCall.Reply r = ApiCall.get(port, "/api/v1/trace?mac=" + h.mac()).as("netadmin").send();
            assertThat(r.status()).isEqualTo(200);
            last = r.json();
        }
        assertThat(checked(first)).contains(access.name());
        // Four re-checks used up the switch's minute: the fifth answers from the index for that switch.
        assertThat(checked(last)).as("re-checks past the per-switch cap are skipped").doesNotContain(access.name());
        ApiCall.Reply forced = ApiCall.get(port, "/api/v1/trace?mac=" + hosts.get(0).mac() + "&live=true")
                .as("netadmin").send();
        assertThat(forced.status()).isEqualTo(429);
        assertThat(forced.json().get("error").asText()).contains("asked live");
        assertThat(Integer.parseInt(forced.header("Retry-After"))).isBetween(1, 60);
    }

    /** The switches a trace answer says were asked live. */
    private static List<String> checked(JsonNode answer) {
        List<String> out = new ArrayList<>();
        answer.path("liveCheck").path("results").forEach(r -> out.add(r.get("switch").asText()));
        return out;
    }

    private void awaitStale(int port) throws Exception {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline) {
            JsonNode all = ApiCall.get(port, "/api/v1/switches").as("netadmin").send().json();
            boolean stale = false;
            for (JsonNode sw : all) {
                stale |= sw.get("name").asText().equals(access.name()) && sw.get("stale").asBoolean();
            }
            if (stale) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError(access.name() + " never became stale");
    }

    @Test
    void aLiveLookupOnAPortNoPollClassifiedIsAnUplink() throws Exception {
        SimHost any = hostsOn(access.name()).get(0);
        String port = freePort(access.name(), any.vlan());
        MacAddress mac = MacAddress.parse("02:cc:00:00:00:09");
        f.sim.fleet().addHost(mac, any.vlan(), access.name(), port);
        JsonNode net = liveTrace("netadmin", mac);
        JsonNode here = null;
        for (JsonNode l : net.get("locations")) {
            if (l.get("port").asText().equals(port)) {
                here = l;
            }
        }
        assertThat(here).as("the live trace found " + mac + " on " + port + ": " + net).isNotNull();
        assertThat(here.get("edge").asBoolean()).isFalse();
        assertThat(here.get("reason").asText()).contains("not classified");
        assertThat(liveTrace("oss", mac).get("locations")).isEmpty();
    }

    private String freePort(String switchName, int vlan) {
        java.util.Set<String> used = new java.util.HashSet<>();
        hostsOn(switchName).forEach(h -> used.add(h.port()));
        return f.sim.fleet().ports(switchName).stream()
                .filter(p -> "access".equals(p.mode()) && p.pvid() != null && p.pvid() == vlan)
                .map(p -> p.port().raw()).filter(p -> !used.contains(p))
                .reduce((a, b) -> b).orElseThrow(() -> new AssertionError("no free VLAN " + vlan + " port on " + switchName));
    }

    /** A live trace of the access switch's floor; the result event. */
    private JsonNode liveTrace(String user, MacAddress mac) throws Exception {
        ApiCall.Reply started = f.call("POST", "/api/v1/live-traces").as(user).json(Map.of("mac", mac.toString(),
                "site", "site" + access.site(), "floor", "floor" + access.floor())).send();
        assertThat(started.status()).as(started.text()).isEqualTo(202);
        ApiCall.Reply stream = f.get("/api/v1/live-traces/" + started.json().get("id").asText() + "/events").as(user)
                .header("Accept", "text/event-stream").send();
        JsonNode result = null;
        for (String line : stream.text().split("\n")) {
            if (line.startsWith("data:")) {
                result = ApiCall.JSON.readTree(line.substring(5));
            }
        }
        return result;
    }

    // ---- what oss sees

    @Test
    void ossSeesNoManagementAddressesPortsOrPollErrors() throws Exception {
        JsonNode oss = f.get("/api/v1/switches").as("oss").send().json();
        JsonNode net = f.get("/api/v1/switches").as("netadmin").send().json();
        assertThat(net.get(0).has("host")).isTrue();
        assertThat(net.get(0).has("sshPort")).isTrue();
        assertThat(net.get(0).get("lastPoll").has("error")).isTrue();
        for (JsonNode sw : oss) {
            assertThat(sw.has("host")).isFalse();
            assertThat(sw.has("sshPort")).isFalse();
            assertThat(sw.get("lastPoll").has("error")).isFalse();
        }
        SimHost h = hostsOn(access.name()).get(0);
        JsonNode ossTrace = f.get("/api/v1/trace?mac=" + h.mac()).as("oss").send().json();
        assertThat(ossTrace.get("locations").get(0).get("switch").has("ip")).isFalse();
        assertThat(ossTrace.toString()).doesNotContain("127.0.0.1");
        JsonNode netTrace = f.get("/api/v1/trace?mac=" + h.mac()).as("netadmin").send().json();
        assertThat(netTrace.get("locations").get(0).get("switch").get("ip").asText()).isEqualTo("127.0.0.1");
        assertThat(f.get("/api/v1/switches/" + f.ids.get(access.name()) + "/ports").as("oss").send().text())
                .doesNotContain("\"host\"").doesNotContain("sshPort");
    }

    @Test
    void ossSearchFindsNothingSeenOnlyOnUplinks() throws Exception {
        for (String q : List.of(UPLINK_ONLY.toString(), UPLINK_ONLY.dotted(), "hidden uplink")) {
            JsonNode oss = f.get("/api/v1/search?q=" + Http.q(q)).as("oss").send().json();
            assertThat(oss.get("total").asInt()).as(q).isZero();
            JsonNode net = f.get("/api/v1/search?q=" + Http.q(q)).as("netadmin").send().json();
            assertThat(net.get("total").asInt()).as(q).isEqualTo(1);
        }
        // MACs with an edge are still found by oss.
        assertThat(f.get("/api/v1/search?q=" + FORMULAS).as("oss").send().json().get("total").asInt()).isEqualTo(1);
    }

    @Test
    void csvExportNeutralisesEveryFormulaStart() throws Exception {
        ApiCall.Reply csv = f.call("POST", "/api/v1/trace/batch").as("netadmin").header("Accept", "text/csv")
                .json(Map.of("macs", List.of(FORMULAS.toString()))).send();
        assertThat(csv.status()).isEqualTo(200);
        String text = csv.text();
        assertThat(text).contains("'\t=cmd").contains("'\r=1+2").contains("'@SUM(1)").contains("'=HYPERLINK(1)");
        for (String cell : cells(text)) {
            assertThat(cell.isEmpty() || "=+-@\t\r".indexOf(cell.charAt(0)) < 0).as(cell).isTrue();
        }
    }

    /** The cells of an RFC 4180 text, unquoted, read by Jackson's CSV parser. */
    private static List<String> cells(String text) throws Exception {
        List<String> out = new ArrayList<>();
        try (var rows = new com.fasterxml.jackson.dataformat.csv.CsvMapper()
                .enable(com.fasterxml.jackson.dataformat.csv.CsvParser.Feature.WRAP_AS_ARRAY)
                .readerFor(String[].class).<String[]>readValues(text)) {
            rows.forEachRemaining(r -> out.addAll(List.of(r)));
        }
        return out;
    }

    // ---- host keys

    @Test
    void superadminsReviewAndAcceptAnOfferedHostKey() throws Exception {
        SimSwitch sw = f.sim.fleet().switches().stream().filter(s -> s.role() == porttracer.sim.Role.ACCESS
                && !s.name().equals(access.name())).findFirst().orElseThrow();
        int id = f.ids.get(sw.name());
        String path = "/api/v1/switches/" + id + "/host-key";
        JsonNode before = f.get(path).as("superadmin").send().json();
        String real = f.pt.inventory().pinnedHostKey(id).orElseThrow();
        assertThat(before.get("pinned").get("sha256").asText()).startsWith("SHA256:").doesNotEndWith("=");
        assertThat(before.get("pinned").get("type").asText()).isEqualTo(real.substring(0, real.indexOf(' ')));
        assertThat(before.get("offered").isNull()).isTrue();
        assertThat(f.get(path).as("netadmin").send().status()).isEqualTo(403);

        // The switch now presents a key other than the pinned one (as if it were replaced, or spoofed).
        f.pt.inventory().replaceHostKey(id, "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOtherKeyOtherKeyOtherKeyOtherKeyOther");
        SimHost h = hostsOn(sw.name()).get(0);
        JsonNode refused = f.get("/api/v1/trace?mac=" + h.mac() + "&live=true").as("netadmin").send().json();
        assertThat(refused.get("liveCheck").get("failed").asInt()).isPositive();
        JsonNode review = f.get(path).as("superadmin").send().json();
        JsonNode offered = review.get("offered");
        assertThat(offered.get("key").asText()).isEqualTo(real);
        assertThat(offered.get("type").asText()).isEqualTo(real.substring(0, real.indexOf(' ')));
        assertThat(offered.get("sha256").asText()).isEqualTo(before.get("pinned").get("sha256").asText());
        assertThat(offered.get("offeredAt").asText()).isNotBlank();
        assertThat(review.get("pinned").get("type").asText()).isEqualTo("ssh-ed25519");

        String accept = path + "/accept-offered";
        assertThat(f.call("POST", accept).as("netadmin").json(Map.of()).send().status()).isEqualTo(403);
        assertThat(f.call("POST", accept).as("superadmin").json(Map.of("sha256", "SHA256:not-it")).send().status())
                .isEqualTo(409);
        ApiCall.Reply accepted = f.call("POST", accept).as("superadmin")
                .json(Map.of("sha256", offered.get("sha256").asText())).send();
        assertThat(accepted.status()).as(accepted.text()).isEqualTo(200);
        assertThat(f.pt.inventory().pinnedHostKey(id)).contains(real);
        assertThat(f.get(path).as("superadmin").send().json().get("offered").isNull()).isTrue();
        assertThat(f.call("POST", accept).as("superadmin").json(Map.of()).send().status()).isEqualTo(409);
        JsonNode again = f.get("/api/v1/trace?mac=" + h.mac() + "&live=true").as("netadmin").send().json();
        assertThat(again.get("liveCheck").get("failed").asInt()).isZero();
    }
}
