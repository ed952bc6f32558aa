package porttracer.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import porttracer.client.ApiClient;
import porttracer.client.ApiException;
import porttracer.client.api.DefaultApi;
import porttracer.client.model.Location;
import porttracer.client.model.Trace;
import porttracer.sim.Fleet;
import porttracer.sim.FleetSpec;
import porttracer.sim.SimHost;

/**
 * The Java client openapi-generator makes from openapi.json (module api-client) against a real API over a polled
 * simulated fleet: trace answers as documented, and the documented 4xx answers are the ones the server gives.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GeneratedClientTest {

    private ApiFixture f;
    private SimHost host;

    @BeforeAll
    void start(@TempDir Path tmp) throws Exception {
        f = new ApiFixture(Fleet.generate(FleetSpec.small(57)), tmp.resolve("keys"), Map.of());
        host = f.sim.fleet().hosts().get(1);
    }

    @AfterAll
    void stop() {
        if (f != null) {
            f.close();
        }
    }

    private DefaultApi client(String user) {
        ApiClient c = new ApiClient();
        c.updateBaseUri("http://127.0.0.1:" + f.port);
        c.setReadTimeout(Duration.ofSeconds(60));
        if (user != null) {
            String basic = Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
            c.setRequestInterceptor(b -> b.header("Authorization", "Basic " + basic));
        }
        return new DefaultApi(c);
    }

    @Test
    void traceAnswersWithTheEdgeLocationThroughTheGeneratedClient() throws Exception {
        Trace trace = client("netadmin").trace(host.mac().toString(), false);
        assertThat(trace.getMac()).isEqualTo(host.mac().toString());
        assertThat(trace.getPresent()).isTrue();
        Location edge = trace.getLocations().get(0);
        assertThat(edge.getEdge()).isTrue();
        assertThat(edge.getSwitch().getName()).isEqualTo(host.switchName());
        assertThat(edge.getSwitch().getId()).isEqualTo(f.ids.get(host.switchName()));
        assertThat(edge.getPort()).isEqualTo(host.port());
        assertThat(edge.getVlan()).isEqualTo(host.vlan());

        Trace oss = client("oss").trace(host.mac().dotted(), null);
        assertThat(oss.getLocations()).allMatch(Location::getEdge);
    }

    @Test
    void theDocumented4xxAnswersAreTheServers() {
        String unseen = "02:ee:00:00:00:99";
        assertStatus(() -> client("oss").trace(unseen, false), 404);
        assertStatus(() -> client("oss").trace("not-a-mac", false), 400);
        assertStatus(() -> client(null).trace(host.mac().toString(), false), 401);
        assertStatus(() -> client("oss").listUsers(), 403);
        // The unauthenticated routes' documented 4xx: headers over Jetty's limit are refused before routing.
        // Just over Jetty's 8 KiB default, so that little is left unread when it answers and closes.
        Map<String, String> huge = Map.of("X-Padding", "a".repeat(12 * 1024));
        DefaultApi anyone = client(null);
        for (Executable call : List.<Executable>of(() -> anyone.getHealth(huge), () -> anyone.getLiveness(huge),
                () -> anyone.getReadiness(huge), () -> anyone.getMetrics(huge), () -> anyone.getOpenApi(huge))) {
            assertStatus(call, 431);
        }
    }

    private static void assertStatus(Executable call, int status) {
        assertThatThrownBy(call::execute).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.getCode()).as(e.getMessage()).isEqualTo(status);
            assertThat(e.getResponseBody()).as("a JSON error body").contains("\"error\"");
        });
    }
}
