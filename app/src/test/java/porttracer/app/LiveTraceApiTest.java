package porttracer.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import porttracer.domain.MacAddress;
import porttracer.search.ApiConfig;
import porttracer.search.ApiServer;

/** Live traces streamed per switch, forced live traces, automatic re-checks of stale answers, and load shedding. */
class LiveTraceApiTest extends ApiScenario {

    @Test
    void liveTraceStreamsEachSwitchAndReportsAFailingOneWithoutLosingTheOthers() throws Exception {
        f.sim.faults(dist.name()).rejectAuth(true);
        for (int i = 0; i < 100 && f.pt.sessions().idleCount() > 0; i++) {
            Thread.sleep(50);
        }
        try {
            JsonNode started = post("/api/v1/live-traces", "netadmin", Map.of("mac", liveHost.mac().toString(), "site", "site1"))
                    .json();
            int switches = started.get("switches").asInt();
            assertThat(switches).isEqualTo(f.ids.size());
            ApiCall.Reply stream = f.get("/api/v1/live-traces/" + started.get("id").asText() + "/events").as("netadmin")
                    .header("Accept", "text/event-stream").send();
            List<String> events = new ArrayList<>();
            List<JsonNode> data = new ArrayList<>();
            for (String line : stream.text().split("\n")) {
                if (line.startsWith("event:")) {
                    events.add(line.substring(6).strip());
                } else if (line.startsWith("data:")) {
                    data.add(ApiCall.JSON.readTree(line.substring(5)));
                }
            }
            assertThat(events.get(0)).isEqualTo("started");
            assertThat(events.stream().filter("switch"::equals).count()).isEqualTo(switches);
            assertThat(events.get(events.size() - 1)).isEqualTo("result");
            JsonNode failing = data.stream().filter(d -> d.path("switch").path("name").asText().equals(dist.name()))
                    .findFirst().orElseThrow();
            assertThat(failing.get("outcome").asText()).isEqualTo("auth");
            assertThat(failing.get("error").asText()).isEqualTo("login rejected");
            JsonNode result = data.get(data.size() - 1);
            assertThat(result.get("failed").asInt()).isEqualTo(1);
            JsonNode edge = result.get("locations").get(0);
            assertThat(edge.get("edge").asBoolean()).isTrue();
            assertThat(edge.get("switch").get("name").asText()).isEqualTo(liveHost.switchName());
            assertThat(edge.get("port").asText()).isEqualTo(liveHost.port());
            // Another user cannot follow someone else's live trace.
            assertThat(f.get("/api/v1/live-traces/" + started.get("id").asText() + "/events").as("oss")
                    .header("Accept", "text/event-stream").send().status()).isEqualTo(404);
        } finally {
            f.sim.faults(dist.name()).clear();
        }
        awaitAudit("netadmin", "live-trace", "started");
    }

    @Test
    void forcedLiveTraceAsksTheSwitchesThatSawTheMac() throws Exception {
        JsonNode t = f.get("/api/v1/trace?mac=" + liveHost.mac() + "&live=true").as("netadmin").send().json();
        assertThat(t.get("liveCheck").get("forced").asBoolean()).isTrue();
        assertThat(t.get("liveCheck").get("failed").asInt()).isZero();
        assertThat(t.get("liveCheck").get("switches").asInt()).isGreaterThan(1);
        assertThat(t.get("locations").get(0).get("port").asText()).isEqualTo(liveHost.port());
        JsonNode oss = f.get("/api/v1/trace?mac=" + liveHost.mac() + "&live=true").as("oss").send().json();
        assertThat(oss.get("liveCheck").has("results")).isFalse();
    }

    @Test
    void aStaleAnswerIsReverifiedLiveAutomaticallyAndLoadIsShed() throws Exception {
        // A second API over the same stores that deems a poll stale after 2 x 1 s, admitting one request at a time.
        var settings = f.pt.settings().with("poll.interval", "1").with("api.max-in-flight", "1")
                .with("ssh.connect-timeout", "2").with("ssh.command-timeout", "2");
        try (ApiServer api = new ApiServer(ApiConfig.from(settings), f.pt.db(), f.pt.elastic(), f.pt.inventory(),
                f.pt.liveVerifier(), f.pt.alertStore(), f.pt.alerts(), new PrometheusRegistry()).start("127.0.0.1", 0)) {
            Thread.sleep(2_500);
            MacAddress other = f.sim.fleet().hosts().get(5).mac();
            JsonNode t = ApiCall.get(api.port(), "/api/v1/trace?mac=" + other).as("netadmin").send().json();
            assertThat(t.get("liveCheck").get("forced").asBoolean()).isFalse();
            assertThat(t.get("liveCheck").get("failed").asInt()).isZero();

            // Failed logins release their slot.
            for (int i = 0; i < 3; i++) {
                assertThat(ApiCall.get(api.port(), "/api/v1/me").send().status()).isEqualTo(401);
            }
            f.sim.faults(access.name()).hang(true);
            try {
                var slow = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                    try {
                        return ApiCall.get(api.port(), "/api/v1/trace?mac=" + liveHost.mac() + "&live=true").as("oss").send();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
                Thread.sleep(700);
                ApiCall.Reply shed = ApiCall.get(api.port(), "/api/v1/me").as("oss").send();
                assertThat(shed.status()).isEqualTo(503);
                assertThat(shed.header("Retry-After")).isEqualTo("1");
                assertThat(slow.get().status()).isEqualTo(200);
            } finally {
                f.sim.faults(access.name()).clear();
            }
            assertThat(ApiCall.get(api.port(), "/api/v1/me").as("oss").send().status()).isEqualTo(200);
        }
    }
}
