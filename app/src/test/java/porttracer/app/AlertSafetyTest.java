package porttracer.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import porttracer.alert.AlertEngine;
import porttracer.store.AlertRule;
import porttracer.store.AlertStore;
import porttracer.alert.WebhookGuard;
import porttracer.config.Settings;
import porttracer.index.LocationIndex;
import porttracer.index.MoveEvent;
import porttracer.search.Role;
import porttracer.search.Users;

/**
 * Alert delivery against real PostgreSQL, real webhook receivers and the real API: the SSRF guard
 * at rule creation and at send time, secrets of at least 16 bytes, one failing rule never stopping
 * the others, response bodies never recorded, and the bounded queue, move histories and delivery table.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AlertSafetyTest {

    private static final String ALLOWED = "127.0.0.2";
    private static final String SECRET = "sixteen-byte-key";

    private Settings settings;
    private PortTracer pt;
    private int apiPort;
    private HttpServer receiver;
    private HttpServer loopbackReceiver;
    private final AtomicInteger received = new AtomicInteger();
    private final AtomicInteger loopbackReceived = new AtomicInteger();

    @BeforeAll
    void start() throws Exception {
        settings = TestEnv.settings(Map.of("alert.webhook-allowed-networks", ALLOWED + "/32", "alert.max-attempts", "1"));
        Scratch.resetDatabase(settings);
        pt = new PortTracer(settings);
        new Users(pt.db().dataSource()).put("netadmin", "netadmin", Role.NETADMIN);
        apiPort = pt.startApi("127.0.0.1", 0).port();
        receiver = receiver(ALLOWED, received);
        loopbackReceiver = receiver("127.0.0.1", loopbackReceived);
    }

    /** A webhook receiver: /ok answers 204, /fail answers 500 with a body that must never be recorded. */
    private static HttpServer receiver(String address, AtomicInteger count) throws Exception {
        HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getByName(address), 0), 0);
        s.createContext("/", ex -> {
            ex.getRequestBody().readAllBytes();
            count.incrementAndGet();
            if (ex.getRequestURI().getPath().equals("/fail")) {
                byte[] body = "receiver-internal-detail".getBytes(StandardCharsets.UTF_8);
                ex.sendResponseHeaders(500, body.length);
                ex.getResponseBody().write(body);
            } else {
                ex.sendResponseHeaders(204, -1);
            }
            ex.close();
        });
        s.start();
        return s;
    }

    @AfterAll
    void stop() {
        if (receiver != null) {
            receiver.stop(0);
        }
        if (loopbackReceiver != null) {
            loopbackReceiver.stop(0);
        }
        if (pt != null) {
            TestEnv.deleteIndices(pt.elastic());
            pt.close();
        }
    }

    private String hook(String path) {
        return "http://" + ALLOWED + ":" + receiver.getAddress().getPort() + path;
    }

    private ApiCall.Reply createRule(String webhook, String secret) throws Exception {
        Map<String, Object> rule = new java.util.HashMap<>(Map.of("name", "guarded", "kind", "watched_mac",
                "mac", "0050.56aa.bb01", "webhookUrl", webhook));
        if (secret != null) {
            rule.put("secret", secret);
        }
        return ApiCall.to(apiPort, "POST", "/api/v1/alert-rules").as("netadmin").json(rule).send();
    }

    @Test
    void webhooksToInternalAddressesAreRefusedWhenARuleIsCreated() throws Exception {
        List<String> refused = List.of("http://127.0.0.1:9200/", "http://localhost:5432/", "http://169.254.169.254/latest/meta-data/",
                "http://[fe80::1]/x", "http://[::1]/x", "http://0.0.0.0/x", "http://224.0.0.1/x", "http://10.9.8.7/x",
                "http://192.168.1.10/x", "http://[::ffff:169.254.169.254]/x", "http://[fd00::1]/x", "ftp://" + ALLOWED + "/x");
        for (String url : refused) {
            ApiCall.Reply r = createRule(url, SECRET);
            assertThat(r.status()).as(url + ": " + r.text()).isEqualTo(400);
            assertThat(r.json().get("error").asText()).as(url).isNotBlank();
        }
        assertThat(createRule("http://169.254.169.254/", SECRET).json().get("error").asText()).contains("link-local");
        assertThat(createRule("http://10.9.8.7/", SECRET).json().get("error").asText()).contains("allow-list");
        assertThat(createRule(hook("/ok"), SECRET).status()).isEqualTo(201);
    }

    @Test
    void aChangedRuleIsCheckedLikeANewOne() throws Exception {
        int id = createRule(hook("/ok"), SECRET).json().get("id").asInt();
        String path = "/api/v1/alert-rules/" + id;
        Map<String, Object> rule = new java.util.HashMap<>(Map.of("name", "changed", "kind", "watched_mac",
                "mac", "0050.56aa.bb02", "webhookUrl", "http://169.254.169.254/latest/", "secret", SECRET));
        assertThat(ApiCall.to(apiPort, "PUT", path).as("netadmin").json(rule).send().status()).isEqualTo(400);
        rule.put("webhookUrl", hook("/changed"));
        rule.put("secret", "short");
        assertThat(ApiCall.to(apiPort, "PUT", path).as("netadmin").json(rule).send().status()).isEqualTo(400);
        rule.put("secret", SECRET);
        assertThat(ApiCall.to(apiPort, "PUT", path).as("netadmin").json(rule).send().status()).isEqualTo(204);
        assertThat(ApiCall.to(apiPort, "PUT", "/api/v1/alert-rules/999999").as("netadmin").json(rule).send().status())
                .isEqualTo(404);
        assertThat(pt.alertStore().rules()).filteredOn(r -> r.id() == id).singleElement()
                .satisfies(r -> assertThat(r.webhookUrl()).isEqualTo(hook("/changed")));
    }

    @Test
    void aRuleSecretHasAtLeastSixteenBytes() throws Exception {
        assertThat(createRule(hook("/ok"), "").status()).isEqualTo(400);
        assertThat(createRule(hook("/ok"), "fifteen-bytes!!").status()).isEqualTo(400);
        assertThat(createRule(hook("/ok"), null).status()).isEqualTo(400);
        assertThat(createRule(hook("/ok"), "fifteen-bytes!!").json().get("error").asText()).contains("16 bytes");
        assertThat(createRule(hook("/ok"), SECRET).status()).isEqualTo(201);
    }

    @Test
    void theConfiguredStoresAndKibanaAreNeverWebhookTargetsEvenWhenAllowListed() throws Exception {
        Settings wide = settings.with("alert.webhook-allowed-networks", "127.0.0.0/8")
                .with("kibana.url", "http://127.0.0.5:5601");
        AlertEngine engine = alertEngine(wide);
        try {
            WebhookGuard guard = engine.guard();
            for (String backend : List.of("http://127.0.0.1:9200/", "http://127.0.0.5/")) {
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> guard.check(URI.create(backend)))
                        .as(backend).isInstanceOf(WebhookGuard.Refused.class).hasMessageContaining("PortTracer's own");
            }
            guard.check(URI.create("http://127.0.0.2:8080/hook"));
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> guard.check(URI.create("http://169.254.169.254/")))
                    .isInstanceOf(WebhookGuard.Refused.class);
        } finally {
            engine.close();
        }
    }

    @Test
    void aWebhookIsCheckedAgainAtSendTime() throws Exception {
        // Stored past the API (as a name could come to resolve to loopback after the rule was saved).
        int id = pt.alertStore().create(rule("sneaky", "watched_mac", "02:00:00:00:01:01",
                "http://127.0.0.1:" + loopbackReceiver.getAddress().getPort() + "/ok"), SECRET, "test");
        pt.alerts().reload();
        pt.alerts().onApplied(applied(event("appeared", "02:00:00:00:01:01")));
        Map<String, Object> d = awaitDelivery(pt.alertStore(), id, "failed");
        // Refused as loopback and as PortTracer's own stores' address (127.0.0.1 here).
        assertThat(String.valueOf(d.get("lastError"))).startsWith("refused: webhook host 127.0.0.1");
        assertThat(loopbackReceived.get()).isZero();
    }

    @Test
    void oneFailingRuleNeverStopsTheOthersAndErrorsNeverEchoTheResponseBody() throws Exception {
        String mac = "02:00:00:00:02:02";
        AlertStore store = pt.alertStore();
        // Evaluated first (lowest ids): a flapping rule without its numbers, and a rule with an empty secret.
        int broken = store.create(new AlertRule(0, "broken", "flapping", null, null, null, null, null, null, null, true),
                null, "test");
        int emptySecret = store.create(rule("empty secret", "moved", mac, hook("/ok")), "", "test");
        int logged = store.create(rule("logged", "moved", mac, null), null, "test");
        int failing = store.create(rule("failing receiver", "moved", mac, hook("/fail")), SECRET, "test");
        int good = store.create(rule("good", "moved", mac, hook("/ok")), SECRET, "test");
        pt.alerts().reload();
        int before = received.get();
        pt.alerts().onApplied(applied(event("moved", mac)));

        assertThat(awaitDelivery(store, logged, "logged")).isNotNull();
        assertThat(awaitDelivery(store, good, "delivered")).isNotNull();
        Map<String, Object> fail = awaitDelivery(store, failing, "failed");
        assertThat(fail.get("lastError")).isEqualTo("HTTP 500");
        Map<String, Object> weak = awaitDelivery(store, emptySecret, "failed");
        assertThat(String.valueOf(weak.get("lastError"))).contains("shorter than 16 bytes");
        assertThat(store.deliveries(broken, 10)).isEmpty();
        assertThat(received.get() - before).isEqualTo(2);
    }

    @Test
    void aFullDeliveryQueueRecordsTheAlertAsFailedInsteadOfGrowing() throws Exception {
        AlertEngine engine = alertEngine(settings.with("alert.max-queued", "0"));
        try {
            String mac = "02:00:00:00:03:03";
            int id = pt.alertStore().create(rule("queued", "watched_mac", mac, hook("/ok")), SECRET, "test");
            engine.reload();
            int before = received.get();
            engine.onApplied(applied(event("appeared", mac)));
            Map<String, Object> d = awaitDelivery(pt.alertStore(), id, "failed");
            assertThat(String.valueOf(d.get("lastError"))).contains("queue full");
            assertThat(received.get()).isEqualTo(before);
        } finally {
            engine.close();
        }
    }

    @Test
    void flappingHistoriesAreBounded() {
        AlertEngine engine = new AlertEngine(pt.alertStore(), new ObjectMapper(),
                new WebhookGuard(List.of(), List.of()), new AlertEngine.Limits(1, 100, 10, 5, 30), new PrometheusRegistry());
        try {
            pt.alertStore().create(new AlertRule(0, "flaps", "flapping", null, null, null, null, 50, 10, null, true), null,
                    "test");
            engine.reload();
            for (int i = 0; i < 40; i++) {
                engine.onApplied(applied(event("moved", String.format("02:00:00:00:04:%02x", i))));
            }
            assertThat(engine.trackedMoveHistories()).isBetween(1, 5);
        } finally {
            engine.close();
        }
    }

    @Test
    void deliveriesOlderThanTheRetentionAreDeleted() throws Exception {
        int id = pt.alertStore().create(rule("retained", "watched_mac", "02:00:00:00:05:05", null), null, "test");
        try (Connection c = DriverManager.getConnection(settings.get("db.url"), settings.get("db.user"),
                settings.get("db.password"))) {
            c.createStatement().execute("insert into alert_delivery(rule_id, at, mac, payload, status) values (" + id
                    + ", now() - interval '31 days', 'old', '{}', 'logged'), (" + id
                    + ", now() - interval '29 days', 'recent', '{}', 'logged')");
        }
        assertThat(pt.alerts().purgeOldDeliveries()).isGreaterThanOrEqualTo(1);
        assertThat(pt.alertStore().deliveries(id, 10)).extracting(m -> m.get("mac")).containsExactly("recent");
    }

    /** A name under the reserved .test domain that only the tests' resolver answers. */
    private static final String REBINDING = "hooks.rebind.test";

    /** Answers names under .rebind.test with {@code answer} of the lookup's number (0 first), counted in {@code lookups}. */
    private static WebhookGuard guardResolving(IntFunction<String> answer, AtomicInteger lookups) {
        return new WebhookGuard(WebhookGuard.ranges(ALLOWED + "/32"), List.of("127.0.0.1"), host -> {
            if (!host.endsWith(".rebind.test")) {
                return InetAddress.getAllByName(host);
            }
            return new InetAddress[] {InetAddress.getByName(answer.apply(lookups.getAndIncrement()))};
        });
    }

    @Test
    void aDeliveryConnectsToTheAddressCheckedNotToWhatTheNameResolvesToNext() throws Exception {
        // DNS rebinding: the name resolves to an allowed address for the check, then to loopback, where a
        // receiver listens on the same port. Only a delivery pinned to the checked address reaches the first.
        HttpServer victim = null;
        for (int attempt = 1; victim == null; attempt++) {
            try {
                victim = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"),
                        receiver.getAddress().getPort()), 0);
            } catch (java.net.BindException taken) {
                // Another process holds that port on 127.0.0.1: move the allowed receiver and try again.
                if (attempt == 20) {
                    throw taken;
                }
                receiver.stop(0);
                receiver = receiver(ALLOWED, received);
            }
        }
        int port = receiver.getAddress().getPort();
        AtomicInteger victimHits = new AtomicInteger();
        victim.createContext("/", ex -> {
            victimHits.incrementAndGet();
            ex.sendResponseHeaders(204, -1);
            ex.close();
        });
        victim.start();
        AtomicInteger lookups = new AtomicInteger();
        AlertEngine engine = new AlertEngine(pt.alertStore(), new ObjectMapper(), guardResolving(n -> n == 0 ? ALLOWED : "127.0.0.1", lookups), new AlertEngine.Limits(1, 100, 10, 5, 30),
                new PrometheusRegistry());
        try {
            String mac = "02:00:00:00:06:06";
            int id = pt.alertStore().create(rule("rebinding", "watched_mac", mac,
                    "http://" + REBINDING + ":" + port + "/ok"), SECRET, "test");
            engine.reload();
            int before = received.get();
            engine.onApplied(applied(event("appeared", mac)));
            assertThat(awaitDelivery(pt.alertStore(), id, "delivered")).isNotNull();
            assertThat(received.get() - before).isEqualTo(1);
            assertThat(victimHits.get()).isZero();
            assertThat(lookups.get()).as("the name is resolved once per delivery").isEqualTo(1);
        } finally {
            engine.close();
            victim.stop(0);
        }
    }

    @Test
    void anHttpsDeliveryIsPinnedYetItsCertificateIsVerifiedForTheHostName(@TempDir Path dir) throws Exception {
        char[] pass = "changeit".toCharArray();
        Path keystore = dir.resolve("hook.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "hook", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=" + REBINDING, "-ext", "SAN=dns:" + REBINDING, "-keystore", keystore.toString(),
                "-storetype", "PKCS12", "-storepass", "changeit", "-keypass", "changeit").redirectErrorStream(true).start();
        assertThat(keytool.waitFor()).as(new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                .isZero();
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(keystore)) {
            keys.load(in, pass);
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, pass);
        SSLContext serverTls = SSLContext.getInstance("TLS");
        serverTls.init(kmf.getKeyManagers(), null, null);
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("hook", keys.getCertificate("hook"));
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trusted);
        SSLContext clientTls = SSLContext.getInstance("TLS");
        clientTls.init(null, tmf.getTrustManagers(), null);

        AtomicInteger hits = new AtomicInteger();
        HttpsServer https = HttpsServer.create(new InetSocketAddress(InetAddress.getByName(ALLOWED), 0), 0);
        https.setHttpsConfigurator(new HttpsConfigurator(serverTls));
        https.createContext("/", ex -> {
            ex.getRequestBody().readAllBytes();
            hits.incrementAndGet();
            ex.sendResponseHeaders(204, -1);
            ex.close();
        });
        https.start();
        AlertEngine engine = new AlertEngine(pt.alertStore(), new ObjectMapper(),
                guardResolving(n -> ALLOWED, new AtomicInteger()), new AlertEngine.Limits(1, 100, 10, 5, 30),
                new PrometheusRegistry(), clientTls);
        try {
            int port = https.getAddress().getPort();
            String mac = "02:00:00:00:07:07";
            // The certificate names the host only (no IP address): verified against 127.0.0.2 it would fail.
            int named = pt.alertStore().create(rule("https pinned", "watched_mac", mac,
                    "https://" + REBINDING + ":" + port + "/ok"), SECRET, "test");
            // Another name pinned to the same address: the certificate does not name it, so nothing is sent.
            int misnamed = pt.alertStore().create(rule("https misnamed", "watched_mac", mac,
                    "https://other.rebind.test:" + port + "/ok"), SECRET, "test");
            engine.reload();
            engine.onApplied(applied(event("appeared", mac)));
            assertThat(awaitDelivery(pt.alertStore(), named, "delivered")).isNotNull();
            Map<String, Object> refused = awaitDelivery(pt.alertStore(), misnamed, "failed");
            assertThat(String.valueOf(refused.get("lastError"))).contains("other.rebind.test");
            assertThat(hits.get()).isEqualTo(1);
        } finally {
            engine.close();
            https.stop(0);
        }
    }

    private static AlertRule rule(String name, String kind, String mac, String webhook) {
        return new AlertRule(0, name, kind, mac, null, null, null, null, null, webhook, true);
    }

    private static MoveEvent event(String kind, String mac) {
        MoveEvent.Place to = new MoveEvent.Place(1, "sw1", "site1", "floor1", "Gi1/0/7", 10, porttracer.domain.PortName.keyOf("Gi1/0/7"));
        MoveEvent.Place from = kind.equals("moved") ? new MoveEvent.Place(2, "sw2", "site1", "floor2", "Gi1/0/8", 10, porttracer.domain.PortName.keyOf("Gi1/0/8"))
                : null;
        return new MoveEvent(Instant.now().toString(), kind, mac, mac.replace(":", "").substring(0, 6), null, 10, from, to);
    }

    private static LocationIndex.Applied applied(MoveEvent e) {
        return new LocationIndex.Applied(1, 1, List.of(e));
    }

    /** The rule's newest delivery once it has the status, waiting for the sender threads (30 s at most). */
    private static Map<String, Object> awaitDelivery(AlertStore store, int ruleId, String status) throws Exception {
        Supplier<Map<String, Object>> newest = () -> {
            List<Map<String, Object>> d = store.deliveries(ruleId, 1);
            return d.isEmpty() ? null : d.get(0);
        };
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline) {
            Map<String, Object> d = newest.get();
            if (d != null && status.equals(d.get("status"))) {
                return d;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("rule " + ruleId + " has no " + status + " delivery: " + newest.get());
    }

    private AlertEngine alertEngine(Settings s) {
        return AlertEngine.of(pt.alertStore(), new ObjectMapper(), porttracer.config.AlertConfig.from(s),
                porttracer.config.EsConfig.from(s), porttracer.config.DbConfig.from(s), new PrometheusRegistry());
    }
}
