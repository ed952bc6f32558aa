package porttracer.search;

import java.nio.file.Path;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import porttracer.config.Settings;
import porttracer.config.StartupException;

/**
 * HTTPS for the API from PEM files ({@code api.tls-cert-file}, {@code api.tls-key-file}): when both are set the
 * API listens with TLS only, and every answer carries HSTS. Unset, the API speaks plain HTTP (behind a proxy).
 */
final class ApiTls {

    /** One year, as browsers' HSTS preload lists expect (RFC 6797 max-age in seconds). */
    static final String HSTS = "max-age=31536000";

    private final java.security.KeyStore keyStore;
    private volatile String host = "127.0.0.1";
    private volatile int port;

    private ApiTls(java.security.KeyStore keyStore) {
        this.keyStore = keyStore;
    }

    /** Null when TLS is not configured. */
    static ApiTls fromSettings(Settings s) {
        String cert = s.get("api.tls-cert-file").strip();
        String key = s.get("api.tls-key-file").strip();
        if (cert.isEmpty() && key.isEmpty()) {
            return null;
        }
        if (cert.isEmpty() || key.isEmpty()) {
            throw new StartupException("HTTPS needs both PORTTRACER_API_TLS_CERT_FILE and PORTTRACER_API_TLS_KEY_FILE; "
                    + (cert.isEmpty() ? "PORTTRACER_API_TLS_CERT_FILE" : "PORTTRACER_API_TLS_KEY_FILE") + " is empty");
        }
        return new ApiTls(PemKeyStore.load(Path.of(cert), Path.of(key)));
    }

    /** Where the TLS connector binds; set before the server starts. */
    void bind(String host, int port) {
        this.host = host;
        this.port = port;
    }

    /** The connector Javalin installs instead of its plain HTTP one. */
    ServerConnector connector(org.eclipse.jetty.server.Server server, HttpConfiguration http) {
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        ssl.setKeyStore(keyStore);
        ssl.setKeyStorePassword(new String(PemKeyStore.PASSWORD));
        ssl.setIncludeProtocols("TLSv1.3", "TLSv1.2");
        HttpConfiguration https = new HttpConfiguration(http);
        // Clients reach the API by IP as often as by name: the certificate, not SNI, is what they verify.
        https.addCustomizer(new SecureRequestCustomizer(false));
        ServerConnector c = new ServerConnector(server, new SslConnectionFactory(ssl, "http/1.1"), new HttpConnectionFactory(https));
        c.setHost(host);
        c.setPort(port);
        return c;
    }
}
