package porttracer.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import porttracer.store.AlertRule;
import porttracer.domain.PortName;
import porttracer.sim.SimHost;
import porttracer.sim.SimSwitch;

/** Alert rules fire on hosts moved in the simulator and reach a real webhook receiver, signed and retried. */
class AlertsTest {

    private record Received(String path, String signature, String body) {
    }

    @Test
    void rulesFireOnChangesAndWebhooksGetSignedRetriedDeliveries(@TempDir Path dir) throws Exception {
        List<Received> received = new CopyOnWriteArrayList<>();
        AtomicInteger calls = new AtomicInteger();
        // On 127.0.0.2, allow-listed below: webhooks never reach loopback otherwise, nor the stores on 127.0.0.1.
        HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.2"), 0), 0);
        receiver.createContext("/hook", ex -> {
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            // The receiver is down for the first delivery: PortTracer must retry.
            int status = calls.incrementAndGet() == 1 ? 503 : 204;
            if (status == 204) {
                received.add(new Received(ex.getRequestURI().getPath(),
                        ex.getRequestHeaders().getFirst("X-PortTracer-Signature"), body));
            }
            ex.sendResponseHeaders(status, -1);
            ex.close();
        });
        receiver.start();
        String hook = "http://127.0.0.2:" + receiver.getAddress().getPort() + "/hook";
        try (TestFleet f = TestFleet.start(TestFleet.smallSpec(17), dir, Map.of("alert.retry-base-ms", "100",
                "alert.webhook-allowed-networks", "127.0.0.2/32"))) {
            f.pt.startCollector();
            f.pollAll(Duration.ofSeconds(60));

            List<SimHost> hosts = f.sim.fleet().hosts();
            SimHost watched = hosts.get(0);
            SimHost flapper = hosts.get(2);
            SimHost fixed = hosts.get(4);
            SimHost intruder = hosts.stream().filter(h -> h.vlan() == fixed.vlan() && !h.equals(fixed)
                    && !h.equals(watched) && !h.equals(flapper)).findFirst().orElseThrow();
            var store = f.pt.alertStore();
            store.create(new AlertRule(0, "watch laptop", "watched_mac", watched.mac().toString(), null, null, null,
                    null, null, hook, true), TestEnv.plantedSecret(), "test");
            store.create(new AlertRule(0, "flap", "flapping", null, null, null, null, 2, 10, null, true), null, "test");
            int fixedRule = store.create(new AlertRule(0, "printer port", "new_mac_on_fixed_port", fixed.mac().toString(),
                    null, f.ids.get(fixed.switchName()), PortName.keyOf(fixed.port()), null, null, null, true), null, "test");
            f.pt.alerts().reload();

            List<SimSwitch> access = f.sim.fleet().switches().stream()
                    .filter(s -> s.role() == porttracer.sim.Role.ACCESS).toList();
            SimSwitch a = access.stream().filter(s -> !s.name().equals(watched.switchName())).findFirst().orElseThrow();
            f.sim.fleet().moveHost(watched.mac(), a.name(), f.freePort(a.name(), watched.vlan()));
            SimSwitch b = access.stream().filter(s -> !s.name().equals(flapper.switchName())).findFirst().orElseThrow();
            String home = flapper.switchName();
            String homePort = flapper.port();
            f.sim.fleet().moveHost(flapper.mac(), b.name(), f.freePort(b.name(), flapper.vlan()));
            // The fixed device leaves; another host is plugged into its port.
            f.sim.fleet().removeHost(fixed.mac());
            f.sim.fleet().moveHost(intruder.mac(), fixed.switchName(), fixed.port());
            f.pollAll(Duration.ofSeconds(60));
            f.sim.fleet().moveHost(flapper.mac(), home, homePort);
            f.pollAll(Duration.ofSeconds(60));

            long deadline = System.currentTimeMillis() + 10_000;
            while (received.isEmpty() && System.currentTimeMillis() < deadline) {
                Thread.sleep(100);
            }
            assertThat(received).hasSize(1);
            Received r = received.get(0);
            JsonNode body = new ObjectMapper().readTree(r.body());
            assertThat(body.get("rule").get("kind").asText()).isEqualTo("watched_mac");
            assertThat(body.get("mac").asText()).isEqualTo(watched.mac().toString());
            assertThat(body.get("alert").asText()).contains(a.name());
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(TestEnv.plantedSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String expected = "sha256=" + java.util.HexFormat.of().formatHex(hmac.doFinal(r.body().getBytes(StandardCharsets.UTF_8)));
            assertThat(r.signature()).isEqualTo(expected);

            var rules = store.rules();
            int watchId = rules.stream().filter(x -> x.kind().equals("watched_mac")).findFirst().orElseThrow().id();
            Thread.sleep(300);
            var watchDeliveries = store.deliveries(watchId, 10);
            assertThat(watchDeliveries).hasSize(1);
            assertThat(watchDeliveries.get(0).get("status")).isEqualTo("delivered");
            assertThat(watchDeliveries.get(0).get("attempts")).isEqualTo(2);

            int flapId = rules.stream().filter(x -> x.kind().equals("flapping")).findFirst().orElseThrow().id();
            var flaps = store.deliveries(flapId, 10);
            assertThat(flaps).hasSize(1);
            assertThat(flaps.get(0).get("mac")).isEqualTo(flapper.mac().toString());
            assertThat(flaps.get(0).get("status")).isEqualTo("logged");

            var intrusions = store.deliveries(fixedRule, 10);
            assertThat(intrusions).extracting(m -> m.get("mac")).containsExactly(intruder.mac().toString());
        } finally {
            receiver.stop(0);
        }
    }

    @Test
    void rulesAreManagedOverTheApiByNetadminsWithWriteOnlySecrets(@TempDir Path dir) throws Exception {
        try (TestFleet f = TestFleet.start(TestFleet.smallSpec(19), dir, Map.of("alert.webhook-allowed-networks",
                "127.0.0.2/32"))) {
            int port = f.pt.startApi("127.0.0.1", 0).port();
            java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
            java.util.function.BiFunction<String, String, java.net.http.HttpResponse<String>> post = (user, json) -> {
                try {
                    return client.send(java.net.http.HttpRequest.newBuilder(
                                    java.net.URI.create("http://127.0.0.1:" + port + "/api/v1/alert-rules"))
                            .header("Authorization", "Basic " + java.util.Base64.getEncoder()
                                    .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)))
                            .header("Content-Type", "application/json")
                            .POST(java.net.http.HttpRequest.BodyPublishers.ofString(json)).build(),
                            java.net.http.HttpResponse.BodyHandlers.ofString());
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            };
            String rule = "{\"name\":\"watch\",\"kind\":\"watched_mac\",\"mac\":\"0050.56AA.BB01\","
                    + "\"webhookUrl\":\"http://127.0.0.2:9/x\",\"secret\":\"s3cr3t-hook-0123456789\"}";
            assertThat(post.apply("oss", rule).statusCode()).isEqualTo(403);
            assertThat(post.apply("netadmin", "{\"name\":\"x\",\"kind\":\"nonsense\"}").statusCode()).isEqualTo(400);
            assertThat(post.apply("netadmin", "{\"name\":\"x\",\"kind\":\"watched_mac\",\"mac\":\"zz\"}")
                    .statusCode()).isEqualTo(400);
            assertThat(post.apply("netadmin", "{\"name\":\"x\",\"kind\":\"flapping\",\"flapMoves\":1}")
                    .statusCode()).isEqualTo(400);
            var created = post.apply("netadmin", rule);
            assertThat(created.statusCode()).isEqualTo(201);
            Http.Reply list = new Http(port).get("/api/v1/alert-rules", "netadmin", "netadmin");
            assertThat(list.status()).isEqualTo(200);
            assertThat(list.body()).hasSize(1);
            assertThat(list.body().get(0).get("mac").asText()).isEqualTo("00:50:56:aa:bb:01");
            assertThat(list.raw().body()).doesNotContain("s3cr3t-hook");
            int id = list.body().get(0).get("id").asInt();
            assertThat(new Http(port).get("/api/v1/alert-rules/" + id + "/deliveries", "netadmin", "netadmin").status())
                    .isEqualTo(200);
            assertThat(new Http(port).get("/api/v1/alert-rules", "oss", "oss").status()).isEqualTo(403);
        }
    }
}
