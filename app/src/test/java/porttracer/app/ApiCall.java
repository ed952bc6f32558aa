package porttracer.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** One API request built fluently: method, credentials (Basic or Bearer), headers, body. */
final class ApiCall {

    record Reply(int status, String text, HttpResponse<byte[]> raw) {
        JsonNode json() {
            try {
                return text.isEmpty() ? null : JSON.readTree(text);
            } catch (Exception e) {
                throw new AssertionError("not JSON (" + status + "): " + text, e);
            }
        }

        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private final String base;
    private final String method;
    private final String path;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private byte[] body;

    private ApiCall(int port, String method, String path) {
        this.base = "http://127.0.0.1:" + port;
        this.method = method;
        this.path = path;
    }

    static ApiCall get(int port, String path) {
        return new ApiCall(port, "GET", path);
    }

    static ApiCall to(int port, String method, String path) {
        return new ApiCall(port, method, path);
    }

    ApiCall as(String user, String password) {
        return header("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    /** The user whose password is their name, as the tests create them. */
    ApiCall as(String user) {
        return as(user, user);
    }

    ApiCall bearer(String token) {
        return header("Authorization", "Bearer " + token);
    }

    ApiCall header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    ApiCall json(Object body) {
        try {
            this.body = body instanceof String s ? s.getBytes(StandardCharsets.UTF_8) : JSON.writeValueAsBytes(body);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
        return header("Content-Type", "application/json");
    }

    ApiCall body(String contentType, String text) {
        this.body = text.getBytes(StandardCharsets.UTF_8);
        return header("Content-Type", contentType);
    }

    Reply send() throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(b::header);
        HttpResponse<byte[]> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        return new Reply(r.statusCode(), new String(r.body(), StandardCharsets.UTF_8), r);
    }
}
