package porttracer.alert;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.net.ssl.SSLContext;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.client.methods.CloseableHttpResponse;
import org.apache.http.client.methods.HttpPost;
import org.apache.http.config.RegistryBuilder;
import org.apache.http.conn.socket.ConnectionSocketFactory;
import org.apache.http.conn.socket.PlainConnectionSocketFactory;
import org.apache.http.conn.ssl.DefaultHostnameVerifier;
import org.apache.http.conn.ssl.SSLConnectionSocketFactory;
import org.apache.http.entity.StringEntity;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;
import org.apache.http.impl.conn.BasicHttpClientConnectionManager;
import org.apache.http.ssl.SSLContexts;

/**
 * Posts a webhook to exactly the addresses {@link WebhookGuard} checked (DNS rebinding: the name is not resolved
 * again at connect time), while the request still names the host: Host header, TLS SNI and the certificate's
 * host-name verification are those of the URL's name. Java 17's HttpClient has no resolver to pin with; Apache
 * HttpClient's (already here under the Elasticsearch client) has one per connection manager.
 */
final class WebhookSender {

    private static final RequestConfig TIMEOUTS = RequestConfig.custom().setConnectTimeout(5_000)
            .setConnectionRequestTimeout(5_000).setSocketTimeout(10_000).build();

    private final SSLConnectionSocketFactory tls;

    /** {@code ssl}: whom https receivers are trusted by; null for the JDK's default trust store. */
    WebhookSender(SSLContext ssl) {
        this.tls = new SSLConnectionSocketFactory(ssl == null ? SSLContexts.createSystemDefault() : ssl,
                new DefaultHostnameVerifier());
    }

    /**
     * Posts {@code json}, signed when {@code signature} is given, to {@code url} over a connection to one of
     * {@code pinned}; returns the HTTP status.
     */
    int post(URI url, List<InetAddress> pinned, long deliveryId, String signature, String json) throws IOException {
        InetAddress[] addresses = pinned.toArray(InetAddress[]::new);
        // One connection manager per delivery: its resolver answers with this delivery's checked addresses only.
        BasicHttpClientConnectionManager connections = new BasicHttpClientConnectionManager(
                RegistryBuilder.<ConnectionSocketFactory>create().register("http", PlainConnectionSocketFactory.INSTANCE)
                        .register("https", tls).build(), null, null, host -> addresses.clone());
        try (CloseableHttpClient client = HttpClients.custom().setConnectionManager(connections)
                .setDefaultRequestConfig(TIMEOUTS).disableRedirectHandling().disableAutomaticRetries()
                .disableCookieManagement().disableContentCompression().build()) {
            HttpPost post = new HttpPost(url);
            post.setHeader("User-Agent", "PortTracer");
            post.setHeader("X-PortTracer-Delivery", Long.toString(deliveryId));
            if (signature != null) {
                post.setHeader("X-PortTracer-Signature", signature);
            }
            StringEntity body = new StringEntity(json, StandardCharsets.UTF_8);
            body.setContentType("application/json");
            post.setEntity(body);
            try (CloseableHttpResponse response = client.execute(post)) {
                // The status only: a receiver's response body is never read, recorded or shown.
                return response.getStatusLine().getStatusCode();
            }
        }
    }
}
