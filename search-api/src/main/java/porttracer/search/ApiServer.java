package porttracer.search;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import io.javalin.http.sse.SseHandler;
import io.javalin.http.staticfiles.Location;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import porttracer.config.Settings;
import porttracer.domain.MacAddress;
import porttracer.index.Elastic;
import porttracer.index.LiveLookup;
import porttracer.store.Database;
import porttracer.store.Inventory;
import porttracer.store.PollStatusStore;
import porttracer.store.Conflict;
import porttracer.store.NotFound;
import porttracer.store.StoreException;
import porttracer.store.SwitchRecord;
import porttracer.store.SwitchStatus;

/**
 * The HTTP API and the web page. Every /api route is authenticated (HTTP Basic against local
 * users, or a Bearer API token), role-checked, audited and admitted through a bounded
 * concurrency limiter; answers come from the index.
 */
public final class ApiServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);
    private static final String USER = "porttracer.user";
    private static final String PERMIT = "porttracer.permit";
    private static final String T0 = "porttracer.t0";
    private static final int MAX_BATCH = 1_000;
    private static final int MAX_QUERY = 200;

    private final Javalin app;
    private final Database db;
    private final Elastic elastic;
    private final ObjectMapper json;
    private final Users users;
    private final ApiTokens tokens;
    private final LoginGuard guard;
    /** Failures from one address over all user names, so that guessing across users is slowed too. */
    private final AddressThrottle addressThrottle;
    private final AuditLog audit;
    private final DirectoryLogin directory;
    private final SwitchDirectory switches;
    private final Traces traces;
    private final Search search;
    private final LiveTraces live;
    private final LiveQuota liveQuota;
    private final InventoryAdmin admin;
    private final HostKeyReview hostKeys;
    private final PrometheusRegistry registry;
    private final Semaphore admission;
    private final Histogram requestDuration;
    private final Histogram traceDuration;
    private final Counter shed;
    private final Counter loginThrottled;
    private final List<String> routes = new ArrayList<>();

    private final AlertRules alertRules;
    private final ApiTls tls;
    private final PortViews portViews;
    private final HostResolver hosts;
    private final InventorySettings siteSettings;
    private final PortHistory portHistory;

    public ApiServer(Settings settings, Database db, Elastic elastic, Inventory inventory, LiveLookup liveVerifier,
                     porttracer.store.AlertStore alertStore, porttracer.alert.AlertEngine alertEngine,
                     PrometheusRegistry registry) {
        this.alertRules = new AlertRules(alertStore, alertEngine);
        this.db = db;
        this.elastic = elastic;
        this.json = elastic.json();
        this.registry = registry;
        this.users = new Users(db.dataSource());
        this.tokens = new ApiTokens(db.dataSource());
        this.directory = DirectoryLogin.create(DirectorySettings.from(settings), registry);
        int maxFailures = settings.getInt("api.login-max-failures");
        int lockout = settings.getInt("api.login-lockout-seconds");
        this.guard = new LoginGuard(maxFailures, lockout);
        this.addressThrottle = new AddressThrottle(maxFailures * 10);
        this.audit = new AuditLog(db.dataSource(), SyslogAudit.fromSettings(settings, registry));
        this.admission = new Semaphore(settings.getInt("api.max-in-flight"));
        this.switches = new SwitchDirectory(inventory, new PollStatusStore(db.dataSource()),
                porttracer.config.PollConfig.from(settings));
        Locations locations = new Locations(switches, settings.getInt("classify.max-edge-macs"));
        Gauge liveInFlight = Gauge.builder().name("porttracer_live_traces_in_flight")
                .help("Live lookups running: streamed live traces and forced or stale re-checks").register(registry);
        Duration perSwitch = settings.getSeconds("ssh.connect-timeout").plus(settings.getSeconds("ssh.command-timeout"));
        this.live = new LiveTraces(liveVerifier, locations, settings.getInt("api.live-threads"), perSwitch,
                liveInFlight);
        this.liveQuota = new LiveQuota(settings.getInt("api.live-quota-per-minute"),
                settings.getInt("api.live-per-switch-per-minute"), registry);
        this.traces = new Traces(elastic, switches, locations, live, liveQuota);
        this.hosts = new HostResolver(Duration.ofMillis(settings.getInt("api.dns-timeout-ms")), Counter.builder()
                .name("porttracer_dns_lookups_total").help("DNS names searched, by outcome (cached, resolved, unknown, timeout)")
                .labelNames("outcome").register(registry));
        this.search = new Search(elastic, locations, hosts);
        this.portViews = new PortViews(elastic, search);
        this.portHistory = new PortHistory(elastic);
        this.admin = new InventoryAdmin(inventory);
        this.hostKeys = new HostKeyReview(inventory, admin);
        this.siteSettings = new InventorySettings(inventory, admin);
        this.requestDuration = Histogram.builder().name("porttracer_http_request_duration_seconds")
                .help("API request duration by route and status").labelNames("route", "status").register(registry);
        this.traceDuration = Histogram.builder().name("porttracer_trace_duration_seconds")
                .help("Time to answer one trace, by whether switches were asked live").labelNames("live")
                .register(registry);
        this.shed = Counter.builder().name("porttracer_http_shed_total")
                .help("API requests refused with 503 because too many were in flight").register(registry);
        this.loginThrottled = Counter.builder().name("porttracer_login_throttled_total")
                .help("Password logins answered 429 without a check: user+address wait, or address slowed down")
                .labelNames("scope").register(registry);
        int maxInFlight = admission.availablePermits();
        GaugeWithCallback.builder().name("porttracer_http_in_flight").help("API requests being served")
                .callback(g -> g.call(maxInFlight - admission.availablePermits())).register(registry);
        GaugeWithCallback.builder().name("porttracer_audit_dropped").help("Audit entries lost: queue full or PostgreSQL down")
                .callback(g -> g.call(audit.dropped())).register(registry);
        this.tls = ApiTls.fromSettings(settings);
        TrustedProxies proxies = TrustedProxies.parse(settings.get("api.trusted-proxies"));
        this.app = Javalin.create(cfg -> {
            cfg.showJavalinBanner = false;
            // Javalin's default believes anyone's X-Forwarded-For; only trusted proxies' is (lockout, audit).
            cfg.contextResolver.ip = ctx -> proxies.clientAddress(ctx.req().getRemoteAddr(), ctx.header("X-Forwarded-For"));
            if (tls != null) {
                cfg.jetty.addConnector(tls::connector);
            }
            cfg.http.maxRequestSize = 1_000_000L;
            cfg.http.generateEtags = true;
            cfg.http.gzipOnlyCompression();
            cfg.jetty.modifyServer(server -> server.setErrorHandler(new JsonErrorHandler()));
            cfg.jetty.modifyServletContextHandler(handler -> handler.setErrorHandler(new JsonErrorHandler()));
            cfg.staticFiles.add(sf -> {
                sf.hostedPath = "/";
                sf.directory = "/web";
                sf.location = Location.CLASSPATH;
            });
        });
        registerRoutes();
    }


    public Users users() {
        return users;
    }

    /** Every route as "METHOD path", as registered: the OpenAPI document is checked against it. */
    public List<String> routes() {
        return List.copyOf(routes);
    }

    private void route(HandlerType method, String path, Handler handler) {
        routes.add(method + " " + path);
        app.addHttpHandler(method, path, handler);
    }

    private void registerRoutes() {
        app.before(ctx -> {
            ctx.attribute(T0, System.nanoTime());
            ctx.header("X-Content-Type-Options", "nosniff");
            ctx.header("Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'");
            if (tls != null) {
                ctx.header("Strict-Transport-Security", ApiTls.HSTS);
            }
        });
        app.before("/api/*", this::admit);
        app.after("/api/*", this::release);
        app.after(ctx -> {
            Long start = ctx.attribute(T0);
            if (start != null) {
                requestDuration.labelValues(ctx.endpointHandlerPath(), Integer.toString(ctx.statusCode()))
                        .observe((System.nanoTime() - start) / 1e9);
            }
        });

        route(HandlerType.GET, "/health", this::ready);
        route(HandlerType.GET, "/health/live", ctx -> ctx.json(Map.of("status", "ok")));
        route(HandlerType.GET, "/health/ready", this::ready);
        route(HandlerType.GET, "/metrics", this::metrics);
        route(HandlerType.GET, "/openapi.json", this::openapi);

        route(HandlerType.GET, "/api/v1/me", ctx -> ctx.json(Map.of("username", user(ctx).username(),
                "role", user(ctx).role().id())));
        route(HandlerType.GET, "/api/v1/trace", this::trace);
        route(HandlerType.POST, "/api/v1/trace/batch", this::batch);
        route(HandlerType.GET, "/api/v1/search", this::search);
        route(HandlerType.GET, "/api/v1/macs/{mac}/history", this::history);
        route(HandlerType.GET, "/api/v1/switches", this::listSwitches);
        route(HandlerType.GET, "/api/v1/switches/{id}/ports", this::switchPorts);
        route(HandlerType.GET, "/api/v1/switches/{id}/ports/history", this::portHistory);
        route(HandlerType.GET, "/api/v1/ports/free", this::freePorts);
        route(HandlerType.POST, "/api/v1/live-traces", this::startLiveTrace);
        route(HandlerType.GET, "/api/v1/live-traces/{id}/events", this::liveTraceEvents);
        route(HandlerType.GET, "/api/v1/tokens", ctx -> ctx.json(tokens.list(user(ctx).username())));
        route(HandlerType.POST, "/api/v1/tokens", this::createToken);
        route(HandlerType.DELETE, "/api/v1/tokens/{id}", this::revokeToken);

        route(HandlerType.GET, "/api/v1/alert-rules", ctx -> ctx.json(alertRules.list()), Role.NETADMIN);
        route(HandlerType.POST, "/api/v1/alert-rules", ctx -> {
            int id = alertRules.create(body(ctx), user(ctx).username());
            audit(ctx, "alert-rule-create", Integer.toString(id), "ok");
            ctx.status(201).json(Map.of("id", id));
        }, Role.NETADMIN);
        route(HandlerType.PUT, "/api/v1/alert-rules/{id}", ctx -> {
            int id = intPath(ctx, "id");
            boolean updated = alertRules.update(id, body(ctx));
            audit(ctx, "alert-rule-update", Integer.toString(id), updated ? "ok" : "not found");
            if (!updated) {
                throw new ApiError(404, "no alert rule " + id);
            }
            ctx.status(204);
        }, Role.NETADMIN);
        route(HandlerType.DELETE, "/api/v1/alert-rules/{id}", ctx -> {
            int id = intPath(ctx, "id");
            boolean deleted = alertRules.delete(id);
            audit(ctx, "alert-rule-delete", Integer.toString(id), deleted ? "ok" : "not found");
            if (!deleted) {
                throw new ApiError(404, "no alert rule " + id);
            }
            ctx.status(204);
        }, Role.NETADMIN);
        route(HandlerType.GET, "/api/v1/alert-rules/{id}/deliveries",
                ctx -> ctx.json(alertRules.deliveries(intPath(ctx, "id"), intParam(ctx, "size", 100, 1, 1_000))),
                Role.NETADMIN);
        route(HandlerType.GET, "/api/v1/users", ctx -> ctx.json(users.list()), Role.SUPERADMIN);
        route(HandlerType.POST, "/api/v1/users", this::putUser, Role.SUPERADMIN);
        route(HandlerType.GET, "/api/v1/audit", ctx -> ctx.json(audit.page(ctx.queryParam("user"),
                ctx.queryParam("action"), intParam(ctx, "page", 1, 1, 10_000), intParam(ctx, "size", 100, 1, 1_000))),
                Role.SUPERADMIN);
        route(HandlerType.GET, "/api/v1/sites", ctx -> ctx.json(siteSettings.sites()), Role.SUPERADMIN);
        route(HandlerType.POST, "/api/v1/sites", this::createSite, Role.SUPERADMIN);
        route(HandlerType.PUT, "/api/v1/sites/{id}", this::renameSite, Role.SUPERADMIN);
        route(HandlerType.DELETE, "/api/v1/sites/{id}", deleting("site", admin::deleteSite), Role.SUPERADMIN);
        route(HandlerType.POST, "/api/v1/sites/{id}/floors", this::createFloor, Role.SUPERADMIN);
        route(HandlerType.DELETE, "/api/v1/floors/{id}", deleting("floor", admin::deleteFloor), Role.SUPERADMIN);
        route(HandlerType.PUT, "/api/v1/floors/{id}", this::renameFloor, Role.SUPERADMIN);
        route(HandlerType.POST, "/api/v1/sites/import", this::importSites, Role.SUPERADMIN);
        route(HandlerType.POST, "/api/v1/switches", this::createSwitch, Role.SUPERADMIN);
        route(HandlerType.PUT, "/api/v1/switches/{id}", this::updateSwitch, Role.SUPERADMIN);
        route(HandlerType.DELETE, "/api/v1/switches/{id}", deleting("switch", admin::deleteSwitch), Role.SUPERADMIN);
        route(HandlerType.POST, "/api/v1/switches/import", this::importSwitches, Role.SUPERADMIN);
        route(HandlerType.GET, "/api/v1/switches/{id}/overrides",
                ctx -> ctx.json(admin.portOverrides(intPath(ctx, "id"))), Role.SUPERADMIN);
        route(HandlerType.PUT, "/api/v1/switches/{id}/overrides", this::putOverride, Role.SUPERADMIN);
        route(HandlerType.DELETE, "/api/v1/switches/{id}/overrides", this::deleteOverride, Role.SUPERADMIN);
        route(HandlerType.PUT, "/api/v1/switches/{id}/host-key", this::acceptHostKey, Role.SUPERADMIN);
        route(HandlerType.GET, "/api/v1/switches/{id}/host-key",
                ctx -> ctx.header("Cache-Control", "no-store").json(hostKeys.view(intPath(ctx, "id"))), Role.SUPERADMIN);
        route(HandlerType.POST, "/api/v1/switches/{id}/host-key/accept-offered", this::acceptOfferedHostKey,
                Role.SUPERADMIN);

        app.exception(ApiError.class, (e, ctx) -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("error", e.getMessage());
            body.putAll(e.extra);
            if (e.retryAfter > 0) {
                ctx.header("Retry-After", Long.toString(e.retryAfter));
            }
            ctx.status(e.status).json(body);
        });
        // Store-level outcomes are mapped here once, so stores never know about HTTP.
        app.exception(Conflict.class, (e, ctx) -> ctx.status(409).json(Map.of("error", e.getMessage())));
        app.exception(NotFound.class, (e, ctx) -> ctx.status(404).json(Map.of("error", e.getMessage())));
        app.exception(Exception.class, (e, ctx) -> {
            LOG.atError().addKeyValue("path", ctx.path()).addKeyValue("error", e.toString()).log("request failed");
            boolean backend = e instanceof IOException || e instanceof StoreException
                    || e instanceof ElasticsearchException;
            if (backend) {
                ctx.header("Retry-After", "5");
            }
            ctx.status(backend ? 503 : 500).json(Map.of("error",
                    backend ? "a backing service (Elasticsearch or PostgreSQL) is unavailable; retry shortly"
                            : "internal error"));
        });
        app.error(404, ctx -> {
            if (!String.valueOf(ctx.res().getContentType()).startsWith("application/json")) {
                ctx.json(Map.of("error", "no such endpoint: " + ctx.method() + " " + ctx.path()));
            }
        });
        app.error(405, ctx -> ctx.json(Map.of("error", "method not allowed: " + ctx.method() + " " + ctx.path())));
        app.error(413, ctx -> ctx.json(Map.of("error", "request body too large (limit 1 MB)")));
    }

    /** A route only users of {@code min} role or above may call; others get 403, audited. */
    private void route(HandlerType method, String path, Handler handler, Role min) {
        route(method, path, ctx -> {
            if (!user(ctx).role().atLeast(min)) {
                audit(ctx, "denied", ctx.method() + " " + ctx.path(), "forbidden");
                throw new ApiError(403, "this needs the " + min.id() + " role");
            }
            handler.handle(ctx);
        });
    }

    // ---- admission and authentication

    private void admit(Context ctx) {
        if (!admission.tryAcquire()) {
            shed.inc();
            throw new ApiError(503, "too many requests in progress; retry shortly", Map.of(), 1);
        }
        ctx.attribute(PERMIT, Boolean.TRUE);
        // Answers depend on who asks: a shared cache must not hand one user's answer to another.
        ctx.header("Vary", "Authorization");
        CrossSiteGuard.check(ctx);
        authenticate(ctx);
        rejectNul(ctx);
    }

    /** PostgreSQL text cannot hold NUL: refused here as bad input rather than failing in the store as a 503. */
    private static void rejectNul(Context ctx) {
        boolean nul = ctx.queryParamMap().values().stream().flatMap(List::stream).anyMatch(v -> v.indexOf('\0') >= 0);
        if (!nul && ctx.contentLength() != 0) {
            String body = ctx.body();
            nul = body.indexOf('\0') >= 0 || body.toLowerCase(java.util.Locale.ROOT).contains("\\u0000");
        }
        if (nul) {
            throw new ApiError(400, "text must not contain NUL characters");
        }
    }

    private void release(Context ctx) {
        if (ctx.attribute(PERMIT) != null) {
            ctx.attribute(PERMIT, null);
            admission.release();
        }
    }

    private void authenticate(Context ctx) {
        String header = ctx.header("Authorization");
        Users.User user = null;
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            user = tokens.verify(header.substring(7).strip()).map(this::tokenOwner).orElse(null);
            if (user == null) {
                audit(ctx, null, "login", "token", "failed");
            }
        } else if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            user = basic(ctx, header.substring(6).strip());
        }
        if (user == null) {
            // A page's own requests ask for no browser login dialog.
            if (BrowserRequests.mayPromptLogin(ctx)) {
                ctx.header("WWW-Authenticate", "Basic realm=\"PortTracer\", charset=\"UTF-8\"");
            }
            throw new ApiError(401, "authentication required: HTTP Basic with a PortTracer user, or Bearer with an API token");
        }
        ctx.attribute(USER, user);
    }

    private Users.User basic(Context ctx, String encoded) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0 || colon > 100) {
            return null;
        }
        String username = decoded.substring(0, colon);
        String password = decoded.substring(colon + 1);
        String ip = ClientAddress.of(ctx);
        Users.Login recent = users.recentLogin(username, password);
        if (recent != null) {
            return recent.user();
        }
        if (!addressThrottle.admit(ip)) {
            loginThrottled.labelValues("address").inc();
            audit(ctx, username, "login", "address slowed down", "throttled");
            throw new ApiError(429, "too many failed logins from this address: one password check per second; "
                    + "retry in 1 s", Map.of(), 1);
        }
        long wait = guard.begin(username, ip);
        if (wait > 0) {
            loginThrottled.labelValues("user-address").inc();
            audit(ctx, username, "login", "locked out", "throttled");
            throw new ApiError(429, "too many failed logins for " + username + " from this address; retry in " + wait
                    + " s", Map.of(), wait);
        }
        Users.Login login;
        try {
            // Longer than bcrypt reads: never a user's password (they are refused when set), so a plain failure.
            login = Users.fitsBcrypt(password) ? users.login(username, password) : new Users.Login(null, false);
            if (login.user() == null && directory.enabled()) {
                login = DirectoryAnswers.login(directory, username, password,
                        refused -> audit(ctx, username + DirectoryLogin.SUFFIX, "login", "directory", refused));
            }
        } catch (RuntimeException e) {
            guard.abandon(username, ip);
            throw e;
        }
        guard.finish(username, ip, login.user() != null);
        if (login.user() == null) {
            addressThrottle.failed(ip);
            audit(ctx, username, "login", "password", "failed");
            return null;
        }
        ctx.attribute(USER, login.user());
        if (login.checked()) {
            audit(ctx, login.user().username(), "login",
                    DirectoryLogin.isDirectoryName(login.user().username()) ? "directory" : "password", "ok");
        }
        return login.user();
    }

    /** A directory user's token takes the user's current role; a local user's comes with it. */
    private Users.User tokenOwner(Users.User owner) {
        return owner.role() != null ? owner : DirectoryAnswers.owner(directory, owner.username());
    }

    private static Users.User user(Context ctx) {
        return ctx.attribute(USER);
    }

    private void audit(Context ctx, String action, String detail, String result) {
        Users.User u = ctx.attribute(USER);
        audit(ctx, u == null ? null : u.username(), action, detail, result);
    }

    private void audit(Context ctx, String username, String action, String detail, String result) {
        Users.User u = ctx.attribute(USER);
        audit.record(username, u == null ? null : u.role(), action, detail, ClientAddress.of(ctx), result);
    }

    // ---- health, metrics, OpenAPI

    /** Readiness (also plain /health): 503 until both stores answer. Liveness is /health/live. */
    private void ready(Context ctx) {
        boolean es = elastic.isReachable();
        boolean pg = db.isReachable();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", es && pg ? "ok" : "degraded");
        body.put("elasticsearch", es ? "up" : "down");
        body.put("postgres", pg ? "up" : "down");
        ctx.status(es && pg ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).json(body);
    }

    private void metrics(Context ctx) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
        new PrometheusTextFormatWriter(false).write(out, registry.scrape());
        ctx.contentType(PrometheusTextFormatWriter.CONTENT_TYPE).result(out.toByteArray());
    }

    private void openapi(Context ctx) throws IOException {
        try (InputStream in = ApiServer.class.getResourceAsStream("/openapi.json")) {
            ctx.header("Cache-Control", "public, max-age=300").contentType("application/json").result(in.readAllBytes());
        }
    }

    // ---- lookups

    private void trace(Context ctx) throws IOException {
        MacAddress mac = mac(ctx.queryParam("mac"), "query parameter mac");
        boolean forceLive = bool(ctx, "live");
        long t0 = System.nanoTime();
        TraceAnswer answer = traces.trace(mac, user(ctx), forceLive);
        boolean asked = answer != null && answer.liveCheck() != null;
        traceDuration.labelValues(Boolean.toString(asked)).observe((System.nanoTime() - t0) / 1e9);
        audit(ctx, forceLive ? "trace-live" : "trace", mac.toString(), answer == null ? "not found" : "ok");
        if (answer == null) {
            throw new ApiError(404, "MAC " + mac + " has not been seen on any polled switch; "
                    + "POST /api/v1/live-traces asks a site's switches live", Map.of("mac", mac.toString()));
        }
        (forceLive ? ctx.header("Cache-Control", "no-store") : lookup(ctx)).json(answer);
    }

    private void batch(Context ctx) throws IOException {
        JsonNode macs = body(ctx).path("macs");
        if (!macs.isArray() || macs.isEmpty()) {
            throw new ApiError(400, "body must be {\"macs\": [\"aa:bb:cc:dd:ee:ff\", ...]}");
        }
        if (macs.size() > MAX_BATCH) {
            throw new ApiError(400, "at most " + MAX_BATCH + " MACs per batch; got " + macs.size());
        }
        List<MacAddress> parsed = new ArrayList<>();
        List<String> bad = new ArrayList<>();
        for (JsonNode m : macs) {
            MacAddress mac = MacAddress.tryParse(m.asText());
            if (mac == null) {
                bad.add(m.asText());
            } else {
                parsed.add(mac);
            }
        }
        if (!bad.isEmpty()) {
            throw new ApiError(400, bad.size() + " malformed MAC addresses", Map.of("malformed", bad.subList(0,
                    Math.min(bad.size(), 20)), "accepted", MacAddress.ACCEPTED_NOTATIONS));
        }
        List<BatchItem> answers = traces.batch(parsed, user(ctx).role());
        boolean csv = String.valueOf(ctx.header("Accept")).contains("text/csv");
        audit(ctx, "export", "batch trace of " + parsed.size() + " MACs as " + (csv ? "csv" : "json"), "ok");
        if (csv) {
            ctx.contentType("text/csv; charset=utf-8").header("Content-Disposition", "attachment; filename=\"trace.csv\"")
                    .result(batchCsv(answers));
        } else {
            ctx.json(Map.of("results", answers));
        }
    }

    private static String batchCsv(List<BatchItem> answers) {
        List<List<Object>> rows = new ArrayList<>();
        for (BatchItem a : answers) {
            boolean found = a instanceof TraceAnswer;
            if (a.locations().isEmpty()) {
                rows.add(Arrays.asList(a.mac(), found, null, null, null, null, null, null, null, null));
            }
            for (LocationView l : a.locations()) {
                rows.add(List.of(a.mac(), found, l.sw().site(), String.valueOf(l.sw().floor()), l.sw().name(), l.port(),
                        l.vlan(), l.edge(), l.stale(), String.valueOf(l.lastSeen())));
            }
        }
        return Csv.write(List.of("mac", "found", "site", "floor", "switch", "port", "vlan", "edge", "stale", "lastSeen"),
                rows);
    }

    private void search(Context ctx) throws IOException {
        String q = ctx.queryParam("q");
        if (q == null || q.isBlank()) {
            throw new ApiError(400, "missing query parameter q: a MAC (full or partial), OUI, vendor, IP or IP prefix, "
                    + "switch or port name, or port description text");
        }
        if (q.length() > MAX_QUERY) {
            throw new ApiError(400, "q is longer than " + MAX_QUERY + " characters");
        }
        int page = intParam(ctx, "page", 1, 1, Search.CAP);
        int size = intParam(ctx, "size", 50, 1, 200);
        SearchAnswer answer = search.search(q, page, size, user(ctx).role());
        audit(ctx, "search", q, answer.total() + " matches");
        lookup(ctx).json(answer);
    }

    private void history(Context ctx) throws IOException {
        MacAddress mac = mac(ctx.pathParam("mac"), "the MAC in the path");
        HistoryAnswer answer = search.history(mac, intParam(ctx, "page", 1, 1, 10_000), intParam(ctx, "size", 50, 1, 500),
                user(ctx).role());
        audit(ctx, "history", mac.toString(), "ok");
        lookup(ctx).json(answer);
    }

    private void listSwitches(Context ctx) {
        Instant now = Instant.now();
        List<Map<String, Object>> out = new ArrayList<>();
        Map<Integer, Map<String, Object>> logins = admin.logins();
        switches.all().values().stream().sorted((a, b) -> Integer.compare(a.sw().id(), b.sw().id()))
                .forEach(e -> out.add(SwitchLoginView.with(switchSummary(e, now, user(ctx).role()), e.sw(), logins.get(e.sw().id()))));
        lookup(ctx).json(out);
    }

    private Map<String, Object> switchSummary(SwitchDirectory.Entry e, Instant now, Role role) {
        Map<String, Object> m = new LinkedHashMap<>();
        SwitchRecord sw = e.sw();
        m.put("id", sw.id());
        m.put("name", sw.name());
        if (role.seesManagement()) {
            m.put("host", sw.host());
            m.put("sshPort", sw.sshPort());
        }
        m.put("platform", sw.platform() == null ? null : sw.platform().id());
        m.put("model", sw.model());
        m.put("site", sw.site());
        m.put("floor", sw.floor());
        m.put("enabled", sw.enabled());
        m.put("pollIntervalSeconds", sw.pollIntervalSeconds());
        m.put("routing", sw.collectArp());
        SwitchStatus s = e.status();
        if (s != null) {
            Map<String, Object> last = new LinkedHashMap<>();
            last.put("at", Elastic.time(s.lastPollAt()));
            last.put("outcome", s.lastOutcome());
            if (role.seesManagement()) {
                last.put("error", s.lastError());
            }
            last.put("durationMs", s.lastDurationMs());
            last.put("entries", s.lastEntries());
            m.put("lastPoll", last);
            m.put("lastOkAt", s.lastOkAt() == null ? null : Elastic.time(s.lastOkAt()));
            m.put("consecutiveFailures", s.consecutiveFailures());
        } else {
            m.put("lastPoll", null);
        }
        String stale = switches.staleReason(e, now, role);
        m.put("stale", stale != null);
        m.put("staleReason", stale);
        return m;
    }

    private void switchPorts(Context ctx) throws IOException {
        int id = intPath(ctx, "id");
        SwitchDirectory.Entry e = switches.get(id);
        if (e == null) {
            throw new ApiError(404, "no switch with id " + id);
        }
        Map<String, Object> out = SwitchLoginView.with(switchSummary(e, Instant.now(), user(ctx).role()), e.sw(), admin.logins().get(id));
        out.put("ports", portViews.ports(id, user(ctx).role(), e.status() == null ? null : e.status().lastOkAt()));
        audit(ctx, "switch-ports", e.sw().name(), "ok");
        lookup(ctx).json(out);
    }

    private void portHistory(Context ctx) throws IOException {
        int id = intPath(ctx, "id");
        SwitchDirectory.Entry e = switches.get(id);
        if (e == null) {
            throw new ApiError(404, "no switch with id " + id);
        }
        String port = ctx.queryParam("port") == null ? null : PortPaths.port(ctx.queryParam("port"));
        PortHistory.Answer out = portHistory.history(id, e.sw().name(),
                port == null ? null : porttracer.domain.PortName.keyOf(port), port,
                intParam(ctx, "page", 1, 1, 10_000), intParam(ctx, "size", 50, 1, 500));
        audit(ctx, "port-history", e.sw().name() + " " + (port == null ? "every port" : port), "ok");
        lookup(ctx).json(out);
    }

    private void freePorts(Context ctx) throws IOException {
        String site = PortPaths.optional(ctx.queryParam("site"), "site");
        String floor = PortPaths.optional(ctx.queryParam("floor"), "floor");
        FreeReport report = portViews.free(site, floor, intParam(ctx, "days", PortViews.FREE_DAYS, 0, 3650));
        audit(ctx, "free-ports", (site == null ? "*" : site) + "/" + (floor == null ? "*" : floor), report.total() + " free");
        if (PortPaths.wantsCsv(ctx.header("Accept"), ctx.queryParam("format"))) {
            lookup(ctx).contentType("text/csv; charset=utf-8").result(report.csv());
        } else {
            lookup(ctx).json(report);
        }
    }

    // ---- live traces

    private void startLiveTrace(Context ctx) {
        JsonNode body = body(ctx);
        MacAddress mac = mac(body.path("mac").asText(null), "field mac");
        String site = body.path("site").asText(null);
        String floor = body.path("floor").asText(null);
        if (site == null) {
            throw new ApiError(400, "give the site (and optionally the floor) whose switches to ask");
        }
        List<SwitchRecord> targets = switches.all().values().stream().map(SwitchDirectory.Entry::sw)
                .filter(sw -> sw.enabled() && sw.site().equals(site) && (floor == null || floor.equals(sw.floor())))
                .sorted((a, b) -> a.name().compareTo(b.name())).toList();
        if (targets.isEmpty()) {
            throw new ApiError(404, "no enabled switch on site " + site + (floor == null ? "" : " floor " + floor));
        }
        liveQuota.admitForced(user(ctx), targets);
        LiveTraces.Job job = live.start(mac, targets, user(ctx));
        audit(ctx, "live-trace", mac + " on " + site + (floor == null ? "" : "/" + floor) + " (" + targets.size()
                + " switches)", "started");
        ctx.status(202).json(Map.of("id", job.id, "switches", targets.size(),
                "events", "/api/v1/live-traces/" + job.id + "/events"));
    }

    private void liveTraceEvents(Context ctx) throws Exception {
        LiveTraces.Job job = live.job(ctx.pathParam("id"), user(ctx))
                .orElseThrow(() -> new ApiError(404, "no live trace " + ctx.pathParam("id")));
        if (!"text/event-stream".equals(ctx.header("Accept"))) {
            throw new ApiError(406, "this is a Server-Sent Events stream: send Accept: text/event-stream");
        }
        // A stream lasts as long as its trace; it does not hold a request slot meanwhile.
        release(ctx);
        new SseHandler(job::subscribe).handle(ctx);
    }

    // ---- tokens and users

    private void createToken(Context ctx) {
        JsonNode body = body(ctx);
        String name = body.path("name").asText("").strip();
        if (name.isEmpty() || name.length() > 100) {
            throw new ApiError(400, "give the token a name of 1 to 100 characters");
        }
        Duration ttl = null;
        if (body.has("ttlDays")) {
            int days = body.path("ttlDays").asInt(-1);
            if (days < 1 || days > 3650) {
                throw new ApiError(400, "ttlDays must be from 1 to 3650");
            }
            ttl = Duration.ofDays(days);
        }
        Map<String, Object> token = tokens.create(user(ctx).username(), name, ttl);
        audit(ctx, "token-create", name, "ok");
        ctx.status(201).json(token);
    }

    private void revokeToken(Context ctx) {
        int id = intPath(ctx, "id");
        boolean revoked = tokens.revoke(id, user(ctx));
        audit(ctx, "token-revoke", Integer.toString(id), revoked ? "ok" : "not found");
        if (!revoked) {
            throw new ApiError(404, "no active token " + id + " of yours");
        }
        ctx.status(204);
    }

    private void putUser(Context ctx) {
        JsonNode body = body(ctx);
        String username = body.path("username").asText("");
        String password = body.path("password").asText("");
        Role role;
        try {
            role = Role.of(body.path("role").asText(""));
        } catch (IllegalArgumentException e) {
            throw new ApiError(400, "role must be oss, netadmin or superadmin");
        }
        if (!username.matches("[A-Za-z0-9._@-]{1,64}") || password.length() < 8 || !Users.fitsBcrypt(password)) {
            throw new ApiError(400, "username: 1 to 64 letters, digits or ._@-; password: 8 characters to 72 UTF-8 bytes");
        }
        if (DirectoryLogin.isDirectoryName(username)) {
            throw new ApiError(400, "names ending in " + DirectoryLogin.SUFFIX + " are directory users'");
        }
        users.put(username, password, role);
        inventoryAudit(ctx, "user " + username + " as " + role.id());
        ctx.status(204);
    }

    // ---- inventory

    private void createSite(Context ctx) {
        int id = admin.createSite(body(ctx).path("name").asText(null));
        inventoryAudit(ctx, "site " + id + " created");
        ctx.status(201).json(Map.of("id", id));
    }

    private void renameSite(Context ctx) {
        int id = intPath(ctx, "id");
        siteSettings.updateSite(id, InventoryAdmin.fields(body(ctx)));
        inventoryAudit(ctx, "site " + id + " updated");
        ctx.status(204);
    }

    private void renameFloor(Context ctx) {
        int id = intPath(ctx, "id");
        siteSettings.renameFloor(id, body(ctx).path("name").asText(null));
        inventoryAudit(ctx, "floor " + id + " renamed");
        ctx.status(204);
    }

    private void importSites(Context ctx) {
        if (!String.valueOf(ctx.contentType()).startsWith("text/csv")) {
            throw new ApiError(415, "send the sites as text/csv with a header line: "
                    + String.join(",", InventorySettings.SITE_CSV_COLUMNS));
        }
        Map<String, Object> result = siteSettings.importSites(ctx.body());
        inventoryAudit(ctx, "site import: " + result.get("created") + " created, " + result.get("updated") + " updated, "
                + ((List<?>) result.get("errors")).size() + " lines refused");
        ctx.json(result);
    }

    private void createFloor(Context ctx) {
        int site = intPath(ctx, "id");
        int id = admin.createFloor(site, body(ctx).path("name").asText(null));
        inventoryAudit(ctx, "floor " + id + " created on site " + site);
        ctx.status(201).json(Map.of("id", id));
    }

    /** DELETE of an inventory record by the id in its path. */
    private Handler deleting(String what, IntConsumer delete) {
        return ctx -> {
            int id = intPath(ctx, "id");
            delete.accept(id);
            inventoryAudit(ctx, what + " " + id + " deleted");
            ctx.status(204);
        };
    }

    private void createSwitch(Context ctx) {
        Map<String, String> fields = InventoryAdmin.fields(body(ctx));
        InventoryAdmin.SwitchInput in = admin.switchInput(fields::get);
        Boolean routing = InventorySettings.routingFlag(fields.get("routing"));
        int id = admin.createSwitch(in);
        siteSettings.routing(id, routing);
        inventoryAudit(ctx, "switch " + id + " " + in.name() + " created");
        ctx.status(201).json(Map.of("id", id));
    }

    private void updateSwitch(Context ctx) {
        int id = intPath(ctx, "id");
        Map<String, String> fields = InventoryAdmin.fields(body(ctx));
        InventoryAdmin.SwitchInput in = admin.switchInput(fields::get);
        Boolean routing = InventorySettings.routingFlag(fields.get("routing"));
        admin.updateSwitch(id, in);
        siteSettings.routing(id, routing);
        inventoryAudit(ctx, "switch " + id + " " + in.name() + " updated");
        ctx.status(204);
    }

    private void importSwitches(Context ctx) {
        if (!String.valueOf(ctx.contentType()).startsWith("text/csv")) {
            throw new ApiError(415, "send the switches as text/csv with a header line: "
                    + String.join(",", InventoryAdmin.CSV_COLUMNS));
        }
        InventorySettings.checkRouting(ctx.body());
        Map<String, Object> result = admin.importCsv(ctx.body());
        siteSettings.importRouting(ctx.body(), admin::switchIdByName);
        inventoryAudit(ctx, "switch import: " + result.get("created") + " created, " + result.get("updated")
                + " updated, " + ((List<?>) result.get("errors")).size() + " lines refused");
        ctx.json(result);
    }

    private void putOverride(Context ctx) {
        int id = intPath(ctx, "id");
        JsonNode body = body(ctx);
        String port = required(body, "port");
        admin.putPortOverride(id, port, required(body, "role"), body.path("note").asText(null));
        inventoryAudit(ctx, "switch " + id + " port " + port + " override " + body.path("role").asText());
        ctx.status(204);
    }

    private void deleteOverride(Context ctx) {
        int id = intPath(ctx, "id");
        String port = ctx.queryParam("port");
        if (port == null || port.isBlank()) {
            throw new ApiError(400, "missing query parameter port");
        }
        admin.deletePortOverride(id, port);
        inventoryAudit(ctx, "switch " + id + " port " + port + " override removed");
        ctx.status(204);
    }

    private void acceptHostKey(Context ctx) {
        int id = intPath(ctx, "id");
        JsonNode key = body(ctx).path("hostKey");
        if (key.isMissingNode()) {
            throw new ApiError(400, "give hostKey: the OpenSSH public key to pin, or null to learn it on the next connection");
        }
        admin.acceptHostKey(id, key.isNull() ? null : key.asText());
        inventoryAudit(ctx, "switch " + id + " host key " + (key.isNull() ? "reset" : "pinned"));
        ctx.status(204);
    }

    private void acceptOfferedHostKey(Context ctx) {
        int id = intPath(ctx, "id");
        String expected = ctx.body().isBlank() ? null : body(ctx).path("sha256").asText(null);
        Map<String, Object> pinned = hostKeys.acceptOffered(id, expected);
        inventoryAudit(ctx, "switch " + id + " offered host key " + pinned.get("sha256") + " pinned");
        ctx.json(Map.of("switchId", id, "pinned", pinned));
    }

    private void inventoryAudit(Context ctx, String detail) {
        switches.invalidate();
        audit(ctx, "inventory", detail, "ok");
    }

    // ---- request reading

    /** Lookups may be cached by the browser briefly; the ETag lets it revalidate for free. */
    private static Context lookup(Context ctx) {
        // Answers differ by user and role: a browser must not serve one user's cached answer to the next.
        return ctx.header("Cache-Control", "private, max-age=5").header("Vary", "Authorization");
    }

    private JsonNode body(Context ctx) {
        if (!String.valueOf(ctx.contentType()).toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            throw new ApiError(415, "send the body as application/json");
        }
        String text = ctx.body();
        if (text.isBlank()) {
            throw new ApiError(400, "a JSON body is required");
        }
        try {
            JsonNode node = json.readTree(text);
            if (!node.isObject()) {
                throw new ApiError(400, "the body must be a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new ApiError(400, "malformed JSON body: " + e.getOriginalMessage());
        }
    }

    private static String required(JsonNode body, String field) {
        String v = body.path(field).asText("");
        if (v.isBlank()) {
            throw new ApiError(400, field + " is required");
        }
        return v;
    }

    private static MacAddress mac(String text, String where) {
        if (text == null || text.isBlank()) {
            throw new ApiError(400, "missing " + where, Map.of("accepted", MacAddress.ACCEPTED_NOTATIONS));
        }
        MacAddress mac = MacAddress.tryParse(text);
        if (mac == null) {
            throw new ApiError(400, "malformed MAC address in " + where, Map.of("accepted", MacAddress.ACCEPTED_NOTATIONS));
        }
        return mac;
    }

    private static int intParam(Context ctx, String name, int dflt, int min, int max) {
        String v = ctx.queryParam(name);
        if (v == null) {
            return dflt;
        }
        try {
            int n = Integer.parseInt(v);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // Reported below.
        }
        throw new ApiError(400, name + " must be a whole number from " + min + " to " + max);
    }

    private static int intPath(Context ctx, String name) {
        try {
            return Integer.parseInt(ctx.pathParam(name));
        } catch (NumberFormatException e) {
            throw new ApiError(400, name + " in the path must be a whole number");
        }
    }

    private static boolean bool(Context ctx, String name) {
        String v = ctx.queryParam(name);
        if (v == null || v.equals("false")) {
            return false;
        }
        if (v.equals("true")) {
            return true;
        }
        throw new ApiError(400, name + " must be true or false");
    }

    public ApiServer start(String host, int port) {
        if (tls != null) {
            tls.bind(host, port);
        }
        app.start(host, port);
        return this;
    }

    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
        live.close();
        hosts.close();
        audit.close();
        directory.close();
        switches.close();
    }
}
