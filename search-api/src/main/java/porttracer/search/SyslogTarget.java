package porttracer.search;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import porttracer.config.Settings;

/** Where audit rows go: {@code udp://host:port}, {@code tcp://host:port} or {@code tls://host:port}. */
record SyslogTarget(String protocol, String host, int port) {

    static SyslogTarget parse(String text) {
        String where = Settings.envName("audit.syslog") + " '" + text + "'";
        try {
            URI uri = new URI(text.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("udp") && !scheme.equals("tcp") && !scheme.equals("tls")) {
                throw new IllegalArgumentException(where + ": use udp://, tcp:// or tls://host:port");
            }
            if (uri.getHost() == null || uri.getPort() <= 0) {
                throw new IllegalArgumentException(where + ": give a host and a port");
            }
            return new SyslogTarget(scheme, uri.getHost(), uri.getPort());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(where + " is not a URL: " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return protocol + "://" + host + ":" + port;
    }
}
