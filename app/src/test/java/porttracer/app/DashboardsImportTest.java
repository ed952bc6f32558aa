package porttracer.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** dashboards/import.sh against a stand-in for Kibana's import endpoint on loopback. */
class DashboardsImportTest {

    record Request(String method, String pathAndQuery, String xsrf, String contentType, String body) {
    }

    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private HttpServer kibana;
    private volatile String answer;

    @BeforeEach
    void startKibana() throws Exception {
        Assumptions.assumeTrue(new ProcessBuilder("sh", "-c", "command -v curl").start().waitFor() == 0, "curl is needed");
        kibana = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        kibana.createContext("/", ex -> {
            requests.add(new Request(ex.getRequestMethod(), ex.getRequestURI().toString(),
                    ex.getRequestHeaders().getFirst("kbn-xsrf"), ex.getRequestHeaders().getFirst("Content-Type"),
                    new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            byte[] body = answer.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        kibana.start();
    }

    @AfterEach
    void stopKibana() {
        if (kibana != null) {
            kibana.stop(0);
        }
    }

    @Test
    void postsTheFileWithOverwriteAndSaysWhatItImported() throws Exception {
        answer = "{\"success\":true,\"successCount\":2,\"successResults\":[{\"type\":\"dashboard\","
                + "\"id\":\"porttracer-movement\",\"meta\":{\"title\":\"PortTracer: MAC movement history\"}}]}";
        Run run = importInto(null);
        assertThat(run.exit).as(run.output).isZero();
        assertThat(run.output).contains("imported: 2").contains("porttracer-movement");
        Request r = requests.get(0);
        assertThat(r.method()).isEqualTo("POST");
        assertThat(r.pathAndQuery()).isEqualTo("/api/saved_objects/_import?overwrite=true");
        assertThat(r.xsrf()).isNotBlank();
        assertThat(r.contentType()).startsWith("multipart/form-data");
        assertThat(r.body()).contains("porttracer.ndjson").contains(Files.readAllLines(DashboardsTest.NDJSON).get(0));
    }

    @Test
    void failsWhenKibanaReportsErrors() throws Exception {
        answer = "{\"success\":false,\"successCount\":0,\"errors\":[{\"type\":\"lens\",\"id\":\"x\","
                + "\"error\":{\"type\":\"missing_references\"}}]}";
        Run run = importInto("noc");
        assertThat(run.exit).isNotZero();
        assertThat(run.output).contains("missing_references");
        assertThat(requests.get(0).pathAndQuery()).startsWith("/s/noc/api/saved_objects/_import");
    }

    record Run(int exit, String output) {
    }

    /** Runs import.sh against the stand-in, into a Kibana space when {@code space} is not null. */
    private Run importInto(String space) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("bash", Repo.root().resolve("dashboards/import.sh").toString(),
                "http://127.0.0.1:" + kibana.getAddress().getPort()).redirectErrorStream(true);
        if (space != null) {
            pb.environment().put("KIBANA_SPACE", space);
        }
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), out);
    }
}
