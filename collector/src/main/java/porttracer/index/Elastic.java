package porttracer.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;

/**
 * The Elasticsearch client and PortTracer's index layout: templates from {@code /es/*.json},
 * {@code porttracer-current} (an alias over a versioned index), and monthly events and polls
 * indices that join their alias through the template.
 */
public final class Elastic implements AutoCloseable {

    public static final String CURRENT = "porttracer-current";
    public static final String CURRENT_INDEX = "porttracer-current-v1";
    public static final String EVENTS = "porttracer-events";
    public static final String POLLS = "porttracer-polls";

    private final RestClient rest;
    private final ElasticsearchClient client;
    private final ObjectMapper json;

    public Elastic(String url) {
        this.json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        this.rest = RestClient.builder(HttpHost.create(url))
                .setRequestConfigCallback(rc -> rc.setConnectTimeout(2_000).setSocketTimeout(30_000))
                .build();
        this.client = new ElasticsearchClient(new RestClientTransport(rest, new JacksonJsonpMapper(json)));
    }

    public ElasticsearchClient client() {
        return client;
    }

    public ObjectMapper json() {
        return json;
    }

    public boolean isReachable() {
        try {
            return client.ping().value();
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Creates or updates the templates and the current index with its alias. Idempotent. */
    public void ensureLayout() throws IOException {
        putTemplate("porttracer-current", "/es/current-template.json");
        putTemplate("porttracer-events", "/es/events-template.json");
        putTemplate("porttracer-polls", "/es/polls-template.json");
        boolean exists = client.indices().existsAlias(a -> a.name(CURRENT)).value();
        if (!exists) {
            try {
                client.indices().create(c -> c.index(CURRENT_INDEX)
                        .aliases(CURRENT, a -> a.isWriteIndex(true)));
            } catch (co.elastic.clients.elasticsearch._types.ElasticsearchException e) {
                // Another node created it first.
                if (!"resource_already_exists_exception".equals(e.error().type())) {
                    throw e;
                }
            }
        }
    }

    private void putTemplate(String name, String resource) throws IOException {
        try (InputStream in = Elastic.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("missing " + resource);
            }
            client.indices().putIndexTemplate(t -> t.name(name).withJson(in));
        }
    }

    private static final java.time.format.DateTimeFormatter TIME =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(java.time.ZoneOffset.UTC);

    /** Fixed-width UTC timestamps, so stored times also compare correctly as strings. */
    public static String time(java.time.Instant at) {
        return TIME.format(at);
    }

    /** Monthly index name for a time-based family, e.g. porttracer-events-2026.11. */
    public static String monthly(String alias, java.time.Instant at) {
        var d = at.atZone(java.time.ZoneOffset.UTC);
        return String.format(java.util.Locale.ROOT, "%s-%04d.%02d", alias, d.getYear(), d.getMonthValue());
    }

    @Override
    public void close() {
        try {
            rest.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
