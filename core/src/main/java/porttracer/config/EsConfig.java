package porttracer.config;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Elasticsearch ({@code es.*}): its node URLs (comma-separated), credentials (user/password or API key), the
 * trust for https (CA file or fingerprint), the prefix naming every index, and the replica count.
 */
public record EsConfig(String url, String username, String password, String apiKey, String caFile,
                       String caFingerprint, String indexPrefix, int replicas) {

    public static EsConfig from(Settings s) {
        EsConfig c = new EsConfig(s.text("es.url"), s.text("es.username"), s.get("es.password"), s.text("es.api-key"),
                s.text("es.ca-file"), s.text("es.ca-fingerprint"), s.text("es.index-prefix"), s.intAtLeast("es.replicas", 0));
        if (c.url.isEmpty()) {
            throw new StartupException("PORTTRACER_ES_URL is empty: set the Elasticsearch node URL(s)");
        }
        if (c.indexPrefix.isEmpty()) {
            throw new StartupException("PORTTRACER_ES_INDEX_PREFIX is empty: it names every index");
        }
        if (!c.username.isEmpty() && !c.apiKey.isEmpty()) {
            throw new StartupException("set either PORTTRACER_ES_USERNAME/PORTTRACER_ES_PASSWORD or PORTTRACER_ES_API_KEY, not both");
        }
        if (!c.caFile.isEmpty() && !c.caFingerprint.isEmpty()) {
            throw new StartupException("set either PORTTRACER_ES_CA_FILE or PORTTRACER_ES_CA_FINGERPRINT, not both");
        }
        if (!c.caFile.isEmpty() && !Files.isReadable(Path.of(c.caFile))) {
            throw new StartupException("PORTTRACER_ES_CA_FILE " + c.caFile + " is not a readable file");
        }
        return c;
    }

    /** The hosts of every listed node (alert webhooks may not reach them). */
    public java.util.List<String> hosts() {
        return java.util.Arrays.stream(url.split(",")).map(String::strip).filter(u -> !u.isEmpty())
                .map(u -> java.net.URI.create(u).getHost()).toList();
    }

    /** The same cluster under another index prefix (the demo's own, a test's). */
    public EsConfig withIndexPrefix(String prefix) {
        return new EsConfig(url, username, password, apiKey, caFile, caFingerprint, prefix, replicas);
    }

    @Override
    public String toString() {
        return "EsConfig[url=" + url + ", username=" + username + ", apiKey=" + (apiKey.isEmpty() ? "" : "***")
                + ", caFile=" + caFile + ", caFingerprint=" + caFingerprint + ", indexPrefix=" + indexPrefix
                + ", replicas=" + replicas + "]";
    }
}
