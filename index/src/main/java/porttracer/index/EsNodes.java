package porttracer.index;

import java.util.ArrayList;
import java.util.List;
import org.apache.http.HttpHost;

/** The Elasticsearch node URLs of {@code PORTTRACER_ES_URL}: one, or several comma-separated nodes of one cluster. */
public final class EsNodes {

    private EsNodes() {
    }

    /** @throws IllegalArgumentException naming the bad entry when one is not an http(s) URL */
    public static HttpHost[] parse(String urls) {
        List<HttpHost> hosts = new ArrayList<>();
        for (String part : urls.split(",")) {
            String url = part.strip();
            if (url.isEmpty()) {
                continue;
            }
            if (!url.startsWith("http://") && !url.startsWith("https://")) {
                throw new IllegalArgumentException("Elasticsearch node URL '" + url
                        + "' in PORTTRACER_ES_URL must start with http:// or https://");
            }
            try {
                hosts.add(HttpHost.create(url));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Elasticsearch node URL '" + url + "' in PORTTRACER_ES_URL: "
                        + e.getMessage(), e);
            }
        }
        if (hosts.isEmpty()) {
            throw new IllegalArgumentException("PORTTRACER_ES_URL names no Elasticsearch node");
        }
        return hosts.toArray(HttpHost[]::new);
    }
}
