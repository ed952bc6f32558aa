package porttracer.index;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import org.apache.http.HttpHost;
import org.apache.http.client.methods.CloseableHttpResponse;
import org.apache.http.client.methods.HttpGet;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.util.EntityUtils;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.Response;
import org.elasticsearch.client.RestClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import porttracer.domain.FailureText;

/**
 * Single-document reads on the calling thread: a blocking keep-alive client (Apache HttpClient classic) to the
 * same nodes, with the same credentials and trust, as the low-level client. That client is asynchronous and hands
 * each request to its I/O threads and back, which costs a trace more than the read itself (bench/RESULTS.md 5i).
 * A node that does not answer is avoided for a while; when every node is, the low-level client, with its own
 * dead-node tracking and retry over all nodes, takes the read.
 */
final class DocReads implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DocReads.class);
    private static final long AVOID_NANOS = 10_000_000_000L;

    private final CloseableHttpClient http;
    private final HttpHost[] nodes;
    private final AtomicLongArray avoidUntil;
    private final AtomicInteger next = new AtomicInteger();
    private final RestClient fallback;

    DocReads(CloseableHttpClient http, HttpHost[] nodes, RestClient fallback) {
        this.http = http;
        this.nodes = nodes;
        this.avoidUntil = new AtomicLongArray(nodes.length);
        this.fallback = fallback;
    }

    /** The body of {@code GET path} when Elasticsearch answers 200 or 404 (a missing document, or index). */
    byte[] get(String path) throws IOException {
        int first = Math.floorMod(next.getAndIncrement(), nodes.length);
        for (int i = 0; i < nodes.length; i++) {
            int k = (first + i) % nodes.length;
            long now = System.nanoTime();
            if (avoidUntil.get(k) - now > 0) {
                continue;
            }
            int status;
            byte[] body;
            try (CloseableHttpResponse r = http.execute(nodes[k], new HttpGet(path))) {
                status = r.getStatusLine().getStatusCode();
                body = r.getEntity() == null ? new byte[0] : EntityUtils.toByteArray(r.getEntity());
            } catch (IOException e) {
                avoid(k, now, FailureText.of(e));
                continue;
            }
            if (status == 200 || status == 404) {
                return body;
            }
            // As the low-level client does: a node that is unavailable or overloaded, not the request, is at fault.
            if (status == 502 || status == 503 || status == 504) {
                avoid(k, now, "answered " + status);
                continue;
            }
            throw new IOException("Elasticsearch answered " + status + " to GET " + path + ": "
                    + new String(body, 0, Math.min(body.length, 300), StandardCharsets.UTF_8));
        }
        Request get = new Request("GET", path);
        // A missing document is an answer, not an error ("ignore" is read by the client, not sent).
        get.addParameter("ignore", "404");
        Response response = fallback.performRequest(get);
        return EntityUtils.toByteArray(response.getEntity());
    }

    private void avoid(int node, long now, String why) {
        avoidUntil.set(node, now + AVOID_NANOS);
        LOG.atWarn().addKeyValue("node", nodes[node].toURI()).addKeyValue("error", why)
                .log("Elasticsearch node avoided for document reads for 10 s");
    }

    @Override
    public void close() throws IOException {
        http.close();
    }
}
