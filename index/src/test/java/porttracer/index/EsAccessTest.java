package porttracer.index;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.Test;

/** The client sends its credentials up front on every request, without the HTTP client's auth cache. */
class EsAccessTest {

    @Test
    void basicCredentialsGoOnEveryRequestWithoutAChallenge() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", ex -> {
            String auth = ex.getRequestHeaders().getFirst("Authorization");
            seen.add(auth == null ? "none" : auth);
            // A server that would challenge a request without credentials: none must reach this.
            byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(auth == null ? 401 : 200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort();
            EsAccess access = new EsAccess(url, "porttracer", "pässword", "", "", "");
            try (RestClient client = access.restClient()) {
                client.performRequest(new Request("GET", "/porttracer-current/_doc/1"));
                client.performRequest(new Request("GET", "/porttracer-current/_doc/2"));
            }
            // The trace's blocking reads carry the same credentials.
            try (var blocking = access.blockingClient()) {
                blocking.execute(new org.apache.http.client.methods.HttpGet(url + "/porttracer-current/_doc/3")).close();
            }
            String expected = "Basic " + Base64.getEncoder().encodeToString("porttracer:pässword".getBytes(StandardCharsets.UTF_8));
            assertThat(seen).containsExactly(expected, expected, expected);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void anonymousAccessSendsNoCredentials() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", ex -> {
            String auth = ex.getRequestHeaders().getFirst("Authorization");
            seen.add(auth == null ? "none" : auth);
            ex.sendResponseHeaders(200, -1);
            ex.close();
        });
        server.start();
        EsAccess access = EsAccess.anonymous("http://127.0.0.1:" + server.getAddress().getPort());
        try (RestClient client = access.restClient(); var blocking = access.blockingClient()) {
            client.performRequest(new Request("HEAD", "/"));
            blocking.execute(new org.apache.http.client.methods.HttpHead(access.url() + "/")).close();
            assertThat(seen).containsExactly("none", "none");
        } finally {
            server.stop(0);
        }
    }
}
