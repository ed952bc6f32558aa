package porttracer.app;

import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.nio.file.Path;
import porttracer.alert.AlertEngine;
import porttracer.store.AlertStore;
import porttracer.index.IndexFeed;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import org.quartz.SchedulerException;
import porttracer.collect.Collector;
import porttracer.collect.Metrics;
import porttracer.collect.Poller;
import porttracer.config.AlertConfig;
import porttracer.config.ClassifyConfig;
import porttracer.config.DbConfig;
import porttracer.config.EsConfig;
import porttracer.config.EventsConfig;
import porttracer.config.NodeConfig;
import porttracer.config.PollConfig;
import porttracer.config.RetentionConfig;
import porttracer.config.SecretConfig;
import porttracer.config.Settings;
import porttracer.config.SshConfig;
import porttracer.index.Elastic;
import porttracer.index.LocationIndex;
import porttracer.index.PollLog;
import porttracer.search.ApiServer;
import porttracer.secure.SecretBox;
import porttracer.store.Database;
import porttracer.store.Inventory;
import porttracer.store.PollStatusStore;

/**
 * One PortTracer node: the shared connections (PostgreSQL, Elasticsearch) and whichever roles
 * it runs (collector, API). The demo runs both in one process; production may run one per node.
 */
public final class PortTracer implements AutoCloseable {

    private final Settings settings;
    private final NodeConfig nodeConfig;
    private final EsConfig es;
    private final PollConfig poll;
    private final ClassifyConfig classify;
    private final SshConfig ssh;
    private final EventsConfig eventsConfig;
    private final RetentionConfig retentionConfig;
    private final String node;
    private final Database db;
    private final Elastic elastic;
    private final Inventory inventory;
    private final PrometheusRegistry registry;
    private final LocationIndex locations;
    private final porttracer.collect.LiveVerifier liveVerifier;
    private final porttracer.collect.SessionPool sessions;
    private final Metrics metrics;
    private final AlertStore alertStore;
    private final AlertEngine alerts;
    private final List<AutoCloseable> running = new ArrayList<>();
    private Collector collector;
    private IndexFeed feed;
    private ApiServer api;
    private porttracer.events.EventListeners events;

    public PortTracer(Settings settings) throws IOException {
        this(settings, new PrometheusRegistry());
    }

    /** The clustered task that deletes monthly indices past their retention. */
    public static final String RETENTION_TASK = "index-retention";

    public PortTracer(Settings settings, PrometheusRegistry registry) throws IOException {
        this.settings = settings;
        // Typed and validated once, here; each part gets its own record.
        this.nodeConfig = NodeConfig.from(settings);
        this.es = EsConfig.from(settings);
        DbConfig dbConfig = DbConfig.from(settings);
        SecretConfig secretConfig = SecretConfig.from(settings);
        AlertConfig alertConfig = AlertConfig.from(settings);
        this.ssh = SshConfig.from(settings);
        this.poll = PollConfig.from(settings);
        this.classify = ClassifyConfig.from(settings);
        this.eventsConfig = EventsConfig.from(settings);
        this.retentionConfig = RetentionConfig.from(settings);
        this.node = nodeConfig.id().isEmpty() ? ManagementFactory.getRuntimeMXBean().getName() : nodeConfig.id();
        this.registry = registry;
        this.db = Database.open(dbConfig);
        var esAccess = porttracer.index.EsAccess.of(es);
        this.elastic = new Elastic(esAccess, es.indexPrefix(), es.replicas());
        try {
            porttracer.index.EsStartCheck.verify(elastic, esAccess);
        } catch (RuntimeException e) {
            elastic.close();
            db.close();
            throw e;
        }
        SecretBox secrets = SecretBox.of(secretConfig);
        // Values from before key ids and row binding (or under a retired key) are re-sealed under the current key.
        new porttracer.store.SecretStore(db.dataSource()).resealStale(secrets);
        this.inventory = new Inventory(db.dataSource(), secrets);
        elastic.ensureLayout();
        // One index writer per process: the collector and live re-verification share its locks.
        porttracer.vendor.OuiRegistry vendors = porttracer.vendor.OuiRegistry.load(nodeConfig.ouiDir());
        this.locations = new LocationIndex(elastic, vendors);
        // ieee-data updates replace the registry files; new names apply from the next change seen.
        var ouiRefresh = porttracer.config.DaemonThreads.scheduler("porttracer-oui-refresh");
        ouiRefresh.scheduleWithFixedDelay(() -> {
            try {
                vendors.refreshIfChanged();
            } catch (IOException | RuntimeException e) {
                // Keep the names loaded; try again at the next tick.
            }
        }, 1, 1, java.util.concurrent.TimeUnit.HOURS);
        running.add(ouiRefresh::shutdownNow);
        this.metrics = new Metrics(registry);
        this.sessions = new porttracer.collect.SessionPool(ssh, inventory, metrics);
        this.liveVerifier = new porttracer.collect.LiveVerifier(inventory, sessions, locations);
        this.alertStore = new AlertStore(db.dataSource(), secrets);
        this.alerts = AlertEngine.of(alertStore, elastic.json(), alertConfig, es, dbConfig, registry);
    }

    public static void registerJvmMetrics(PrometheusRegistry registry) {
        JvmMetrics.builder().register(registry);
    }

    public Collector startCollector() throws SchedulerException {
        Path spoolDir = nodeConfig.spoolDir().resolve(elastic.prefix());
        IndexFeed feed;
        try {
            io.prometheus.metrics.core.metrics.Counter portWrites = io.prometheus.metrics.core.metrics.Counter.builder()
                    .name("porttracer_port_docs_written_total")
                    .help("Port documents (interface status, MAC count, free since) written or deleted").register(registry);
            feed = new IndexFeed(elastic, locations, new porttracer.index.PortIndex(elastic, portWrites::inc),
                    new PollLog(elastic), spoolDir, nodeConfig.spoolMaxEntries(), metrics::spoolDepth,
                    alerts::onApplied);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        running.add(feed);
        this.feed = feed;
        Poller poller = new Poller(poll, classify, inventory, sessions,
                new PollStatusStore(db.dataSource()), feed, metrics, node);
        collector = new Collector(poll, db.schedulerDataSource(), inventory, poller, metrics, node);
        running.add(0, collector);
        collector.start();
        try {
            events = porttracer.events.EventListeners.start(eventsConfig, db.dataSource(), inventory, collector.scheduler(), registry);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("switch event listeners (PORTTRACER_TRAP_LISTEN, PORTTRACER_SYSLOG_LISTEN)", e);
        }
        running.add(0, events);
        io.prometheus.metrics.core.metrics.Counter retired = io.prometheus.metrics.core.metrics.Counter.builder()
                .name("porttracer_retention_deleted_indices_total").labelNames("family")
                .help("Monthly events/polls indices deleted as past their retention").register(registry);
        RetentionConfig keep = retentionConfig;
        porttracer.index.Retention retention = new porttracer.index.Retention(elastic, keep.eventsDays(), keep.pollsDays(),
                (family, n) -> retired.labelValues(family).inc(n));
        collector.every(RETENTION_TASK, keep.checkEvery(),
                () -> retention.run(java.time.Instant.now()));
        return collector;
    }

    public ApiServer startApi(String host, int port) {
        api = new ApiServer(porttracer.search.ApiConfig.from(settings, poll, ssh, classify), db, elastic, inventory, liveVerifier, alertStore, alerts,
                registry);
        running.add(0, api);
        api.start(host, port);
        return api;
    }

    public AlertStore alertStore() {
        return alertStore;
    }

    public AlertEngine alerts() {
        return alerts;
    }

    public IndexFeed feed() {
        return feed;
    }

    public porttracer.collect.SessionPool sessions() {
        return sessions;
    }

    /** Serves this node's metrics on http://host:port/metrics: a collector-only node has no API to do it. */
    public int startMetricsServer(String host, int port) throws IOException {
        HTTPServer server = HTTPServer.builder().hostname(host).port(port).registry(registry).buildAndStart();
        running.add(0, server);
        return server.getPort();
    }

    public porttracer.collect.LiveVerifier liveVerifier() {
        return liveVerifier;
    }

    public Settings settings() {
        return settings;
    }

    public Database db() {
        return db;
    }

    public Elastic elastic() {
        return elastic;
    }

    public Inventory inventory() {
        return inventory;
    }

    public PrometheusRegistry registry() {
        return registry;
    }

    public Collector collector() {
        return collector;
    }

    /** This node's switch-event listeners (after {@link #startCollector()}). */
    public porttracer.events.EventListeners events() {
        return events;
    }

    public ApiServer api() {
        return api;
    }

    public String node() {
        return node;
    }

    @Override
    public void close() {
        for (AutoCloseable c : running) {
            try {
                c.close();
            } catch (Exception ignored) {
                // Shutting down: keep closing the rest.
            }
        }
        sessions.close();
        alerts.close();
        elastic.close();
        db.close();
    }
}
