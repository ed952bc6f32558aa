package porttracer.index;

import co.elastic.clients.transport.TransportUtils;
import java.io.IOException;
import java.nio.file.Path;
import javax.net.ssl.SSLContext;
import org.apache.http.Header;
import org.apache.http.HttpHost;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClientBuilder;
import org.apache.http.message.BasicHeader;
import org.elasticsearch.client.RestClient;
import porttracer.config.EsConfig;
import porttracer.config.StartupException;

/**
 * How to reach Elasticsearch as production runs it: the URL, a user or an API key, and which CA to trust
 * over https. Secrets stay in this record and go only into request headers; {@link #toString()} hides them.
 */
public record EsAccess(String url, String username, String password, String apiKey, String caFile,
                       String caFingerprint) {

    public static EsAccess anonymous(String url) {
        return new EsAccess(url, "", "", "", "", "");
    }

    /** The access {@link EsConfig} describes (validated there). */
    public static EsAccess of(EsConfig c) {
        return new EsAccess(c.url(), c.username(), c.password(), c.apiKey(), c.caFile(), c.caFingerprint());
    }

    /** The setting a 401 from Elasticsearch points at. */
    String credentialSetting() {
        if (!apiKey.isEmpty()) {
            return "PORTTRACER_ES_API_KEY";
        }
        return username.isEmpty() ? "PORTTRACER_ES_USERNAME/PORTTRACER_ES_PASSWORD (none set)"
                : "PORTTRACER_ES_USERNAME/PORTTRACER_ES_PASSWORD";
    }

    /** The setting an untrusted server certificate points at. */
    String trustSetting() {
        if (!caFingerprint.isEmpty()) {
            return "PORTTRACER_ES_CA_FINGERPRINT";
        }
        return caFile.isEmpty() ? "PORTTRACER_ES_CA_FILE or PORTTRACER_ES_CA_FINGERPRINT (none set)"
                : "PORTTRACER_ES_CA_FILE";
    }

    RestClient restClient() {
        var builder = RestClient.builder(EsNodes.parse(url))
                .setRequestConfigCallback(rc -> rc.setConnectTimeout(2_000).setSocketTimeout(30_000))
                .setDefaultHeaders(credentials());
        SSLContext ssl = sslContext();
        builder.setHttpClientConfigCallback(http -> {
            // The auth cache deserialises its scheme on every request and Elasticsearch sets no cookies: both are
            // pure cost on the trace path (profile in bench/RESULTS.md 5e-2).
            http.disableAuthCaching().disableCookieManagement();
            if (ssl != null) {
                http.setSSLContext(ssl);
            }
            return http;
        });
        return builder.build();
    }

    /**
     * A blocking client to the same nodes with the same credentials and trust, for reads on the caller's thread
     * ({@link DocReads}); as many connections per node as the API admits requests by default.
     */
    CloseableHttpClient blockingClient() {
        HttpClientBuilder builder = HttpClientBuilder.create().setMaxConnTotal(64).setMaxConnPerRoute(64)
                .setDefaultRequestConfig(RequestConfig.custom().setConnectTimeout(2_000).setSocketTimeout(30_000)
                        .setConnectionRequestTimeout(30_000).build())
                .setDefaultHeaders(java.util.List.of(credentials()))
                .disableAuthCaching().disableCookieManagement().disableRedirectHandling().disableContentCompression();
        SSLContext ssl = sslContext();
        if (ssl != null) {
            builder.setSSLContext(ssl);
        }
        return builder.build();
    }

    /** The Authorization header every request carries, up front (none for anonymous access). */
    private Header[] credentials() {
        if (!apiKey.isEmpty()) {
            // Elasticsearch's API key scheme: "Authorization: ApiKey <base64 id:key>" (security API docs).
            return new Header[] {new BasicHeader("Authorization", "ApiKey " + apiKey)};
        }
        if (!username.isEmpty()) {
            // Sent up front on every request, as the client's auth cache did, without that cache's per-request cost.
            return new Header[] {new BasicHeader("Authorization", basicAuthorization())};
        }
        return new Header[0];
    }

    String basicAuthorization() {
        return porttracer.config.HttpBasic.header(username, password);
    }

    private SSLContext sslContext() {
        if (!caFingerprint.isEmpty()) {
            // Elastic's own client helper: trusts the chain whose CA has this SHA-256 fingerprint.
            return TransportUtils.sslContextFromCaFingerprint(caFingerprint.replace(":", "").toLowerCase(java.util.Locale.ROOT));
        }
        if (!caFile.isEmpty()) {
            try {
                return TransportUtils.sslContextFromHttpCaCrt(Path.of(caFile).toFile());
            } catch (IOException | RuntimeException e) {
                throw new StartupException("PORTTRACER_ES_CA_FILE " + caFile + " is not a PEM certificate: " + e.getMessage(), e);
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return "EsAccess[url=" + url + ", username=" + username + ", password=" + (password.isEmpty() ? "" : "***")
                + ", apiKey=" + (apiKey.isEmpty() ? "" : "***") + ", caFile=" + caFile + ", caFingerprint=" + caFingerprint + "]";
    }
}
