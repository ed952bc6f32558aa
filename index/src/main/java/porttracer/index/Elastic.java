package porttracer.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.ConcurrentHashMap;
import org.elasticsearch.client.RestClient;

/**
 * The Elasticsearch client and PortTracer's index layout: templates from {@code /es/*.json},
 * {@code porttracer-current} (an alias over a versioned index), and monthly events and polls
 * indices that join their alias through the template.
 */
public final class Elastic implements AutoCloseable {

    private final String prefix;
    private final RestClient rest;
    private final DocReads reads;
    private final ElasticsearchClient client;
    private final ObjectMapper json;
    private final int replicas;
    private final ConcurrentHashMap<Class<?>, JavaType> getTypes = new ConcurrentHashMap<>();

    /** {@code prefix} names every index and alias: "porttracer" gives porttracer-current and so on. */
    public Elastic(String url, String prefix) {
        this(EsAccess.anonymous(url), prefix, 0);
    }

    /** {@code urls}: one node or several comma-separated nodes of one cluster (see {@link #Elastic(EsAccess, String, int)}). */
    public Elastic(String urls, String prefix, int replicas) {
        this(EsAccess.anonymous(urls), prefix, replicas);
    }

    /** With credentials and the CA to trust (see {@link EsAccess}). */
    public Elastic(EsAccess access, String prefix) {
        this(access, prefix, 0);
    }

    /**
     * {@code access.url()}: one node or several comma-separated nodes of one cluster; the low-level client
     * round-robins requests over them and skips a dead node until its backoff expires.
     * {@code replicas}: the index templates' replica count (0 on one node, 1 or more on a cluster).
     */
    public Elastic(EsAccess access, String prefix, int replicas) {
        if (replicas < 0) {
            throw new IllegalArgumentException("es.replicas (PORTTRACER_ES_REPLICAS) must be 0 or more, not " + replicas);
        }
        this.prefix = prefix;
        this.replicas = replicas;
        this.json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        this.rest = access.restClient();
        this.reads = new DocReads(access.blockingClient(), EsNodes.parse(access.url()), rest);
        this.client = new ElasticsearchClient(new RestClientTransport(rest, new JacksonJsonpMapper(json)));
    }

    /** Alias over the per-MAC location documents. */
    public String current() {
        return prefix + "-current";
    }

    /** The concrete index behind {@link #current()}; writes go here. */
    public String currentIndex() {
        return prefix + "-current-v1";
    }

    /** Alias over the monthly movement-event indices. */
    public String events() {
        return prefix + "-events";
    }

    /** Alias over the monthly poll-record indices. */
    public String polls() {
        return prefix + "-polls";
    }

    /** One document per switch port, from interface status: link, MAC count, since when it is free. */
    public String ports() {
        return prefix + "-ports";
    }

    public String prefix() {
        return prefix;
    }

    /** The replica count the templates give new indices. */
    public int replicas() {
        return replicas;
    }

    public ElasticsearchClient client() {
        return client;
    }

    public ObjectMapper json() {
        return json;
    }

    /** What {@code GET <index>/_doc/<id>} answers: the document, or found false, or an error (a missing index). */
    private record Got<T>(boolean found, @JsonProperty("_source") T source, JsonNode error) {
    }

    /**
     * One document's source by id, or null when there is none: the trace's one read, on the caller's thread
     * ({@link DocReads}) and straight into Jackson: the typed get's request builders and JSON-P layers cost a
     * third of the get's CPU on the API, its asynchronous client more (bench/RESULTS.md 5i).
     */
    public <T> T source(String index, String id, Class<T> type) throws IOException {
        byte[] body = reads.get("/" + index + "/_doc/" + java.net.URLEncoder.encode(id,
                java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20"));
        JavaType gotType = getTypes.computeIfAbsent(type, t -> json.getTypeFactory().constructParametricType(Got.class, t));
        Got<T> got = json.readValue(body, gotType);
        if (got.error() != null) {
            throw new IOException("Elasticsearch refused GET " + index + "/_doc/" + id + ": "
                    + got.error().path("type").asText() + " " + got.error().path("reason").asText());
        }
        return got.found() ? got.source() : null;
    }

    /** The low-level client, for the start check. */
    RestClient rest() {
        return rest;
    }

    /** Up when the cluster answers and is not red (HEAD / is not served by every distribution). */
    public boolean isReachable() {
        try {
            return client.cluster().health(h -> h.timeout(t -> t.time("2s"))).status()
                    != co.elastic.clients.elasticsearch._types.HealthStatus.Red;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Creates or updates the templates and the current index with its alias. Idempotent. */
    public void ensureLayout() throws IOException {
        // Templates before any index exists, so that the first write of each family is mapped.
        putTemplate(current(), "/es/current-template.json");
        putTemplate(events(), "/es/events-template.json");
        putTemplate(polls(), "/es/polls-template.json");
        putTemplate(ports(), "/es/ports-template.json");
        if (!client.indices().existsAlias(a -> a.name(current())).value()) {
            createIfAbsent(() -> client.indices().create(c -> c.index(currentIndex())
                    .aliases(current(), a -> a.isWriteIndex(true))));
        }
        // Created here rather than by the first write, so that concurrent first polls never search it half-made.
        if (!client.indices().exists(e -> e.index(ports())).value()) {
            createIfAbsent(() -> client.indices().create(c -> c.index(ports())));
        }
    }

    private interface Create {
        void run() throws IOException;
    }

    private static void createIfAbsent(Create create) throws IOException {
        try {
            create.run();
        } catch (co.elastic.clients.elasticsearch._types.ElasticsearchException e) {
            // Another node created it first.
            if (!"resource_already_exists_exception".equals(e.error().type())) {
                throw e;
            }
        }
    }

    private void putTemplate(String name, String resource) throws IOException {
        try (InputStream in = Elastic.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("missing " + resource);
            }
            // The shipped templates say "porttracer-"; another prefix gets its own, disjoint, patterns.
            String body = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                    .replace("porttracer-", prefix + "-")
                    .replace("\"number_of_replicas\": 0", "\"number_of_replicas\": " + replicas);
            client.indices().putIndexTemplate(t -> t.name(name).withJson(new java.io.StringReader(body)));
            // Indices made under an older template get the fields added since (mappings only grow).
            String mappings = json.writeValueAsString(json.readTree(body).path("template").path("mappings"));
            String pattern = json.readTree(body).path("index_patterns").get(0).asText();
            client.indices().putMapping(m -> m.index(pattern).allowNoIndices(true).ignoreUnavailable(true)
                    .withJson(new java.io.StringReader(mappings)));
            // The replica count is dynamic: indices made under another setting follow this one.
            client.indices().putSettings(s -> s.index(pattern).allowNoIndices(true).ignoreUnavailable(true)
                    .settings(x -> x.numberOfReplicas(Integer.toString(replicas))));
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
        int month = d.getMonthValue();
        // Called per event: plain appends instead of String.format, which showed in the profile.
        return alias + '-' + d.getYear() + (month < 10 ? ".0" : ".") + month;
    }

    @Override
    public void close() {
        try (DocReads r = reads) {
            rest.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
