package porttracer.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * dashboards/import.sh against a stand-in Kibana with security on (401 without the right Basic login), as
 * docker-compose's dashboards-import runs it: it logs in with KIBANA_USER / KIBANA_PASSWORD.
 */
class DashboardsImportAuthTest {

    @Test
    void theImportLogsInWithTheCredentialsFromTheEnvironment() throws Exception {
        String password = TestEnv.plantedSecret() + "-kibana";
        String expected = "Basic " + Base64.getEncoder().encodeToString(("elastic:" + password).getBytes(StandardCharsets.UTF_8));
        List<String> seen = new CopyOnWriteArrayList<>();
        HttpServer kibana = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        kibana.createContext("/", ex -> {
            String auth = ex.getRequestHeaders().getFirst("Authorization");
            ex.getRequestBody().readAllBytes();
            boolean ok = expected.equals(auth);
            seen.add(ex.getRequestURI().getPath() + " " + (ok ? "authenticated" : "anonymous"));
            byte[] body = (ok ? "{\"success\":true,\"successCount\":1,\"status\":{\"overall\":{\"level\":\"available\"}}}"
                    : "{\"statusCode\":401,\"error\":\"Unauthorized\",\"message\":\"missing authentication\"}")
                    .getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(ok ? 200 : 401, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        kibana.start();
        try {
            String url = "http://127.0.0.1:" + kibana.getAddress().getPort();
            ProcessBuilder pb = new ProcessBuilder("bash", Repo.root().resolve("dashboards/import.sh").toString(), url)
                    .redirectErrorStream(true);
            pb.environment().put("KIBANA_USER", "elastic");
            pb.environment().put("KIBANA_PASSWORD", password);
            pb.environment().put("KIBANA_WAIT", "5");
            assertThat(run(pb)).as("with credentials").isZero();
            assertThat(seen).contains("/api/status authenticated", "/api/saved_objects/_import authenticated")
                    .noneMatch(s -> s.endsWith("anonymous"));

            seen.clear();
            pb.environment().remove("KIBANA_USER");
            pb.environment().remove("KIBANA_PASSWORD");
            pb.environment().put("KIBANA_WAIT", "0");
            assertThat(run(pb)).as("without credentials, a secured Kibana refuses the import").isNotZero();
            assertThat(seen).containsExactly("/api/saved_objects/_import anonymous");
        } finally {
            kibana.stop(0);
        }
    }

    private static int run(ProcessBuilder pb) throws Exception {
        Process p = pb.start();
        p.getInputStream().readAllBytes();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return p.exitValue();
    }
}
