package porttracer.search;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import porttracer.config.Settings;
import porttracer.domain.MacAddress;
import porttracer.index.Elastic;
import porttracer.store.Database;
import porttracer.store.Inventory;
import porttracer.store.PollStatusStore;
import porttracer.store.SwitchStatus;

/** The HTTP API: every /api route authenticated (HTTP Basic against local users), JSON in and out. */
public final class ApiServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);
    private static final String USER = "porttracer.user";

    private final Javalin app;
    private final Database db;
    private final Elastic elastic;
    private final Users users;
    private final SwitchDirectory switches;
    private final Traces traces;
    private final PrometheusRegistry registry;
    private final Histogram requestDuration;

    private final porttracer.collect.LiveVerifier liveVerifier;

    public ApiServer(Settings settings, Database db, Elastic elastic, Inventory inventory,
                     porttracer.collect.LiveVerifier liveVerifier, PrometheusRegistry registry) {
        this.liveVerifier = liveVerifier;
        this.db = db;
        this.elastic = elastic;
        this.registry = registry;
        this.users = new Users(db.dataSource());
        this.switches = new SwitchDirectory(inventory, new PollStatusStore(db.dataSource()),
                settings.getSeconds("poll.interval"), settings.getInt("stale.intervals"));
        this.traces = new Traces(elastic, switches);
        this.requestDuration = Histogram.builder().name("porttracer_http_request_duration_seconds")
                .help("API request duration by route and status").labelNames("route", "status").register(registry);
        this.app = Javalin.create(cfg -> {
            cfg.showJavalinBanner = false;
            cfg.http.maxRequestSize = 1_000_000L;
            cfg.http.gzipOnlyCompression();
        });
        routes();
    }

    public Users users() {
        return users;
    }

    private void routes() {
        app.before("/api/*", this::authenticate);
        app.after(ctx -> {
            String route = ctx.endpointHandlerPath();
            Long start = ctx.attribute("porttracer.t0");
            if (start != null) {
                requestDuration.labelValues(route, Integer.toString(ctx.statusCode()))
                        .observe((System.nanoTime() - start) / 1e9);
            }
        });
        app.before(ctx -> ctx.attribute("porttracer.t0", System.nanoTime()));

        app.get("/health", this::health);
        app.get("/metrics", this::metrics);
        app.get("/api/v1/switches", this::listSwitches);
        app.get("/api/v1/trace", this::trace);

        app.exception(ApiError.class, (e, ctx) -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("error", e.getMessage());
            body.putAll(e.extra);
            ctx.status(e.status).json(body);
        });
        app.exception(Exception.class, (e, ctx) -> {
            LOG.atError().addKeyValue("path", ctx.path()).addKeyValue("error", e.toString()).log("request failed");
            boolean backend = e instanceof java.io.IOException || e instanceof porttracer.store.StoreException;
            ctx.status(backend ? 503 : 500).json(Map.of("error",
                    backend ? "a backing service (Elasticsearch or PostgreSQL) is unavailable; retry shortly"
                            : "internal error"));
        });
        app.error(404, ctx -> {
            if (ctx.result() == null || ctx.result().isEmpty()) {
                ctx.json(Map.of("error", "no such endpoint: " + ctx.method() + " " + ctx.path()));
            }
        });
        app.error(405, ctx -> ctx.json(Map.of("error", "method not allowed: " + ctx.method() + " " + ctx.path())));
        app.error(413, ctx -> ctx.json(Map.of("error", "request body too large")));
    }

    private void authenticate(Context ctx) {
        String header = ctx.header("Authorization");
        Optional<Users.User> user = Optional.empty();
        if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                decoded = "";
            }
            int colon = decoded.indexOf(':');
            if (colon > 0) {
                user = users.authenticate(decoded.substring(0, colon), decoded.substring(colon + 1));
            }
        }
        if (user.isEmpty()) {
            ctx.header("WWW-Authenticate", "Basic realm=\"PortTracer\", charset=\"UTF-8\"");
            throw new ApiError(401, "authentication required: HTTP Basic with a PortTracer user");
        }
        ctx.attribute(USER, user.get());
    }

    private static Users.User user(Context ctx) {
        return ctx.attribute(USER);
    }

    private void health(Context ctx) {
        boolean es = elastic.isReachable();
        boolean pg = db.isReachable();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", es && pg ? "ok" : "degraded");
        body.put("elasticsearch", es ? "up" : "down");
        body.put("postgres", pg ? "up" : "down");
        ctx.status(es && pg ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).json(body);
    }

    private void metrics(Context ctx) throws java.io.IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
        new PrometheusTextFormatWriter(false).write(out, registry.scrape());
        ctx.contentType(PrometheusTextFormatWriter.CONTENT_TYPE).result(out.toByteArray());
    }

    private void listSwitches(Context ctx) {
        Instant now = Instant.now();
        List<Map<String, Object>> out = new ArrayList<>();
        switches.all().values().stream().sorted((a, b) -> Integer.compare(a.sw().id(), b.sw().id())).forEach(e -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", e.sw().id());
            m.put("name", e.sw().name());
            m.put("host", e.sw().host());
            m.put("sshPort", e.sw().sshPort());
            m.put("platform", e.sw().platform().id());
            m.put("model", e.sw().model());
            m.put("site", e.sw().site());
            m.put("floor", e.sw().floor());
            m.put("enabled", e.sw().enabled());
            SwitchStatus s = e.status();
            if (s != null) {
                Map<String, Object> last = new LinkedHashMap<>();
                last.put("at", Elastic.time(s.lastPollAt()));
                last.put("outcome", s.lastOutcome());
                last.put("error", s.lastError());
                last.put("durationMs", s.lastDurationMs());
                last.put("entries", s.lastEntries());
                m.put("lastPoll", last);
                m.put("lastOkAt", s.lastOkAt() == null ? null : Elastic.time(s.lastOkAt()));
                m.put("consecutiveFailures", s.consecutiveFailures());
            } else {
                m.put("lastPoll", null);
            }
            String stale = switches.staleReason(e, now);
            m.put("stale", stale != null);
            m.put("staleReason", stale);
            out.add(m);
        });
        ctx.json(out);
    }

    private void trace(Context ctx) throws java.io.IOException {
        String q = ctx.queryParam("mac");
        if (q == null || q.isBlank()) {
            throw new ApiError(400, "missing query parameter mac", Map.of("accepted", MacAddress.ACCEPTED_NOTATIONS));
        }
        MacAddress mac = MacAddress.tryParse(q);
        if (mac == null) {
            throw new ApiError(400, "malformed MAC address", Map.of("accepted", MacAddress.ACCEPTED_NOTATIONS));
        }
        Map<String, Object> answer = traces.trace(mac, user(ctx).role());
        if (answer == null) {
            throw new ApiError(404, "MAC " + mac + " has not been seen on any polled switch", Map.of("mac", mac.toString()));
        }
        ctx.json(answer);
    }

    public ApiServer start(String host, int port) {
        app.start(host, port);
        return this;
    }

    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
    }

}
