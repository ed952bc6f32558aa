package porttracer.search;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import io.javalin.Javalin;
import io.javalin.http.staticfiles.Location;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.http.UriCompliance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import porttracer.alert.AlertEngine;
import porttracer.index.LiveLookup;
import porttracer.index.Elastic;
import porttracer.store.AlertStore;
import porttracer.store.Conflict;
import porttracer.store.Database;
import porttracer.store.Inventory;
import porttracer.store.NotFound;
import porttracer.store.PollStatusStore;
import porttracer.store.StoreException;

/**
 * The HTTP API and the web page: builds the answering classes from the configuration, lets {@link Admission}
 * guard every request, registers the route groups, and maps errors to JSON answers in one place.
 */
public final class ApiServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);
    private static final String T0 = "porttracer.t0";
    /**
     * Port names hold slashes, so a port in a path comes as %2F. Jetty 11's DEFAULT allows that; Jetty 12's (Javalin 7)
     * refuses it with 400 "Ambiguous URI path separator", so the API states the one violation it relies on.
     */
    static final UriCompliance URI_COMPLIANCE = UriCompliance.DEFAULT.with("porttracer: encoded slashes in port names",
            UriCompliance.Violation.AMBIGUOUS_PATH_SEPARATOR);

    private final Javalin app;
    private final ApiTls tls;
    private final Users users;
    private final AuditLog auditLog;
    private final DirectoryLogin directory;
    private final SwitchDirectory switches;
    private final LiveTraces live;
    private final HostResolver hosts;
    private final List<String> routes;

    public ApiServer(ApiConfig config, Database db, Elastic elastic, Inventory inventory, LiveLookup liveVerifier,
                     AlertStore alertStore, AlertEngine alertEngine, PrometheusRegistry registry) {
        this.tls = config.tls();
        this.users = new Users(db.dataSource());
        ApiTokens tokens = new ApiTokens(db.dataSource());
        this.directory = DirectoryLogin.create(config.directory(), registry);
        this.auditLog = new AuditLog(db.dataSource(), SyslogAudit.from(config, registry));
        GaugeWithCallback.builder().name("porttracer_audit_dropped").help("Audit entries lost: queue full or PostgreSQL down")
                .callback(g -> g.call(auditLog.dropped())).register(registry);
        AuditTrail audit = new AuditTrail(auditLog);
        this.switches = new SwitchDirectory(inventory, new PollStatusStore(db.dataSource()), config.poll());
        Locations locations = new Locations(switches, config.classify().maxEdgeMacs());
        Gauge liveInFlight = Gauge.builder().name("porttracer_live_traces_in_flight")
                .help("Live lookups running: streamed live traces and forced or stale re-checks").register(registry);
        this.live = new LiveTraces(liveVerifier, locations, config.liveThreads(),
                config.ssh().perSwitchBudget(), liveInFlight);
        LiveQuota liveQuota = new LiveQuota(config.liveQuotaPerMinute(), config.livePerSwitchPerMinute(), registry);
        Traces traces = new Traces(elastic, switches, locations, live, liveQuota);
        this.hosts = new HostResolver(config.dnsTimeout(), Counter.builder()
                .name("porttracer_dns_lookups_total").help("DNS names searched, by outcome (cached, resolved, unknown, timeout)")
                .labelNames("outcome").register(registry));
        Search search = new Search(elastic, locations, hosts);
        InventoryAdmin admin = new InventoryAdmin(inventory);
        Admission admission = new Admission(config, users, tokens, directory, audit, registry);

        this.app = Javalin.create(cfg -> {
            cfg.showJavalinBanner = false;
            ClientAddress.resolveThrough(config.trustedProxies(), cfg);
            if (tls != null) {
                cfg.jetty.addConnector(tls::connector);
            }
            cfg.jetty.modifyHttpConfiguration(http -> http.setUriCompliance(URI_COMPLIANCE));
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
        Histogram requestDuration = Histogram.builder().name("porttracer_http_request_duration_seconds")
                .help("API request duration by route and status").labelNames("route", "status").register(registry);
        app.before(ctx -> ctx.attribute(T0, System.nanoTime()));
        admission.install(app);
        app.after(ctx -> {
            Long start = ctx.attribute(T0);
            if (start != null) {
                requestDuration.labelValues(ctx.endpointHandlerPath(), Integer.toString(ctx.statusCode()))
                        .observe((System.nanoTime() - start) / 1e9);
            }
        });

        Routes r = new Routes(app);
        new OperationRoutes(elastic, db, registry).register(r);
        new LookupRoutes(traces, search, switches, new SwitchSummaries(switches, admin), new PortViews(elastic, search),
                new PortHistory(elastic), audit, registry).register(r);
        new LiveTraceRoutes(live, liveQuota, switches, audit, admission::release).register(r);
        new AccountRoutes(users, tokens, auditLog, audit).register(r);
        new AlertRoutes(new AlertRules(alertStore, alertEngine), audit).register(r);
        new InventoryRoutes(admin, new InventorySettings(inventory, admin),
                new HostKeyReview(inventory, admin), switches, audit).register(r);
        this.routes = r.served();
        mapErrors();
    }

    public Users users() {
        return users;
    }

    /** Every route as "METHOD path", as registered: the OpenAPI document is checked against it. */
    public List<String> routes() {
        return routes;
    }

    private void mapErrors() {
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
        auditLog.close();
        directory.close();
        switches.close();
    }
}
