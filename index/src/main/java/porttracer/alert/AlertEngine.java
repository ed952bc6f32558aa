package porttracer.alert;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.InetAddress;
import javax.net.ssl.SSLContext;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import porttracer.config.AlertConfig;
import porttracer.config.DbConfig;
import porttracer.config.EsConfig;
import java.util.Deque;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import porttracer.domain.FailureText;
import porttracer.domain.PortName;
import porttracer.index.LocationIndex;
import porttracer.index.MoveEvent;
import porttracer.store.AlertRule;
import porttracer.store.AlertStore;

/**
 * Evaluates alert rules against the changes each poll detects (never by rescanning the index)
 * and delivers matches to the log and to webhooks: JSON, signed with HMAC-SHA256 of the rule's
 * secret in {@code X-PortTracer-Signature: sha256=<hex>}, retried with exponential backoff, each
 * delivery recorded in PostgreSQL.
 */
public final class AlertEngine implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AlertEngine.class);
    private static final long RULES_TTL_NANOS = 10_000_000_000L;

    /** Least HMAC key length accepted for a rule's secret. */
    public static final int MIN_SECRET_BYTES = 16;
    private static final int MAX_ERROR_CHARS = 300;
    private static final long PURGE_EVERY_NANOS = TimeUnit.HOURS.toNanos(1);

    /**
     * Bounds: delivery attempts and first retry delay; deliveries waiting to be sent (more are recorded as
     * failed); MAC move histories kept for flapping rules; days a delivery record is kept.
     */
    public record Limits(int maxAttempts, long retryBaseMs, int maxQueued, int maxTrackedMacs, int retentionDays) {
    }

    private final AlertStore store;
    private final ObjectMapper json;
    private final WebhookGuard guard;
    private final Limits limits;
    private final WebhookSender http;
    private final ScheduledExecutorService senders;
    private final int maxAttempts;
    private final long retryBaseMs;
    private final Map<String, Deque<Long>> recentMoves = new ConcurrentHashMap<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final Counter deliveries;
    private final Counter ruleErrors;
    private final java.util.concurrent.atomic.AtomicLong lastPurge = new java.util.concurrent.atomic.AtomicLong(
            System.nanoTime() - 2 * PURGE_EVERY_NANOS);
    private volatile List<AlertRule> rules = List.of();
    private volatile long rulesLoadedAt = System.nanoTime() - 2 * RULES_TTL_NANOS;

    /** The engine as {@code alert.*} configures it; the stores' hosts (and Kibana's) are never webhook targets. */
    public static AlertEngine of(AlertStore store, ObjectMapper json, AlertConfig config, EsConfig es, DbConfig db,
                                 PrometheusRegistry registry) {
        List<String> backends = new ArrayList<>(es.hosts());
        backends.add(db.host());
        if (!config.kibanaUrl().isEmpty()) {
            backends.add(URI.create(config.kibanaUrl()).getHost());
        }
        WebhookGuard guard = new WebhookGuard(WebhookGuard.ranges(config.webhookAllowedNetworks()), backends);
        return new AlertEngine(store, json, guard, new Limits(config.maxAttempts(), config.retryBaseMs(),
                config.maxQueued(), 100_000, config.deliveryRetentionDays()), registry);
    }

    public AlertEngine(AlertStore store, ObjectMapper json, WebhookGuard guard, Limits limits,
                       PrometheusRegistry registry) {
        this(store, json, guard, limits, registry, null);
    }

    /** {@code webhookTls}: whom https webhooks are trusted by (null: the JDK's default trust store). */
    public AlertEngine(AlertStore store, ObjectMapper json, WebhookGuard guard, Limits limits,
                       PrometheusRegistry registry, SSLContext webhookTls) {
        this.http = new WebhookSender(webhookTls);
        this.store = store;
        this.json = json;
        this.guard = guard;
        this.limits = limits;
        this.maxAttempts = limits.maxAttempts();
        this.retryBaseMs = limits.retryBaseMs();
        this.deliveries = Counter.builder().name("porttracer_alert_deliveries_total")
                .help("Alert deliveries by outcome: logged, delivered, failed, refused (webhook guard), dropped (queue full)")
                .labelNames("outcome").register(registry);
        this.ruleErrors = Counter.builder().name("porttracer_alert_rule_errors_total")
                .help("Alert rules that failed on an event (the other rules still ran)").register(registry);
        GaugeWithCallback.builder().name("porttracer_alert_queue_depth").help("Webhook deliveries waiting or retrying")
                .callback(g -> g.call(queued.get())).register(registry);
        ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(2, r -> {
            Thread t = new Thread(r, "porttracer-alert-sender");
            t.setDaemon(true);
            return t;
        });
        pool.setRemoveOnCancelPolicy(true);
        this.senders = pool;
    }

    /** The guard rule changes are checked with, so that the API refuses what delivery would refuse. */
    public WebhookGuard guard() {
        return guard;
    }

    /** Deletes delivery records older than the retention setting; returns how many. */
    public int purgeOldDeliveries() {
        return store.deleteDeliveriesBefore(Instant.now().minus(Duration.ofDays(limits.retentionDays())));
    }

    /** At most hourly, on a sender thread: only an engine that records deliveries has any to purge. */
    private void purgeHourly() {
        long last = lastPurge.get();
        long now = System.nanoTime();
        if (now - last > PURGE_EVERY_NANOS && lastPurge.compareAndSet(last, now)) {
            try {
                senders.execute(this::purgeQuietly);
            } catch (RejectedExecutionException e) {
                // Closing: the next start purges.
            }
        }
    }

    private void purgeQuietly() {
        try {
            purgeOldDeliveries();
        } catch (RuntimeException e) {
            LOG.atWarn().addKeyValue("error", e.getMessage()).log("old alert deliveries not purged; next try in an hour");
        }
    }

    /** Rules are re-read at most every 10 s; call this after changing them to apply at once. */
    public void reload() {
        rules = store.rules();
        rulesLoadedAt = System.nanoTime();
    }

    public void onApplied(LocationIndex.Applied applied) {
        if (applied == null || applied.events().isEmpty()) {
            return;
        }
        if (System.nanoTime() - rulesLoadedAt > RULES_TTL_NANOS) {
            try {
                reload();
            } catch (RuntimeException e) {
                LOG.atWarn().addKeyValue("error", e.getMessage()).log("alert rules not reloaded; using the last ones");
            }
        }
        if (!rules.isEmpty()) {
            purgeHourly();
        }
        for (MoveEvent e : applied.events()) {
            for (AlertRule r : rules) {
                if (r.enabled()) {
                    evaluate(r, e);
                }
            }
        }
    }

    /** One rule on one event; whatever goes wrong stays with this rule. */
    private void evaluate(AlertRule r, MoveEvent e) {
        try {
            String why = match(r, e);
            if (why != null) {
                fire(r, e, why);
            }
        } catch (RuntimeException ex) {
            ruleErrors.inc();
            LOG.atWarn().addKeyValue("rule", r.name()).addKeyValue("ruleId", r.id()).addKeyValue("mac", e.mac())
                    .addKeyValue("error", ex.toString()).log("alert rule failed on an event; the other rules still ran");
        }
    }

    /** Why the event triggers the rule, or null. */
    String match(AlertRule r, MoveEvent e) {
        boolean seen = "appeared".equals(e.kind()) || "moved".equals(e.kind());
        String mac = e.mac();
        return switch (r.kind()) {
            case "watched_mac" -> seen && mac.equals(r.mac()) ? "watched MAC seen at " + place(e.to()) : null;
            case "watched_oui" -> seen && mac.replace(":", "").startsWith(r.oui())
                    ? "MAC of watched OUI " + r.oui() + " seen at " + place(e.to()) : null;
            case "moved" -> "moved".equals(e.kind()) && (r.mac() == null || mac.equals(r.mac()))
                    ? "moved from " + place(e.from()) + " to " + place(e.to()) : null;
            case "new_mac_on_fixed_port" -> seen && e.to() != null && r.switchId() != null
                    && e.to().switchId() == r.switchId() && PortName.keyOf(e.to().port()).equals(r.portKey())
                    && !mac.equals(r.mac()) ? "new MAC on the fixed port " + place(e.to()) : null;
            case "flapping" -> "moved".equals(e.kind()) && flapping(r, mac)
                    ? r.flapMoves() + " moves within " + r.flapMinutes() + " min, now at " + place(e.to()) : null;
            case "duplicate_mac" -> LocationIndex.DUPLICATE.equals(e.kind())
                    ? "on two edge ports at once: " + place(e.from()) + " and " + place(e.to()) : null;
            default -> null;
        };
    }

    private boolean flapping(AlertRule r, String mac) {
        long now = System.currentTimeMillis();
        long window = TimeUnit.MINUTES.toMillis(r.flapMinutes());
        if (recentMoves.size() >= limits.maxTrackedMacs()) {
            forgetOldMoves(now);
        }
        Deque<Long> moves = recentMoves.computeIfAbsent(r.id() + "|" + mac, k -> new ArrayDeque<>());
        synchronized (moves) {
            moves.addLast(now);
            while (!moves.isEmpty() && moves.peekFirst() < now - window) {
                moves.pollFirst();
            }
            if (moves.size() >= r.flapMoves()) {
                moves.clear();
                return true;
            }
            return false;
        }
    }

    /** Keeps the move histories bounded: drops those past every flapping window, or all when that is not enough. */
    private void forgetOldMoves(long now) {
        long window = rules.stream().filter(x -> "flapping".equals(x.kind()) && x.flapMinutes() != null)
                .mapToLong(x -> TimeUnit.MINUTES.toMillis(x.flapMinutes())).max().orElse(0);
        recentMoves.values().removeIf(d -> {
            synchronized (d) {
                return d.isEmpty() || d.peekLast() < now - window;
            }
        });
        if (recentMoves.size() >= limits.maxTrackedMacs()) {
            recentMoves.clear();
        }
    }

    /** Moves tracked for flapping rules, for tests and metrics. */
    public int trackedMoveHistories() {
        return recentMoves.size();
    }

    private static String place(MoveEvent.Place p) {
        return p == null ? "nowhere" : p.switchName() + " " + p.port() + " (VLAN " + p.vlan() + ", " + p.site()
                + (p.floor() == null ? "" : "/" + p.floor()) + ")";
    }

    private void fire(AlertRule r, MoveEvent e, String why) {
        Map<String, Object> rule = new LinkedHashMap<>();
        rule.put("id", r.id());
        rule.put("name", r.name());
        rule.put("kind", r.kind());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("rule", rule);
        body.put("alert", why);
        body.put("mac", e.mac());
        body.put("vendor", e.vendor());
        body.put("at", e.timestamp());
        body.put("event", e);
        String payload;
        try {
            payload = json.writeValueAsString(body);
        } catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
        LOG.atWarn().addKeyValue("rule", r.name()).addKeyValue("kind", r.kind()).addKeyValue("mac", e.mac())
                .addKeyValue("alert", why).log("alert");
        if (r.webhookUrl() == null || r.webhookUrl().isBlank()) {
            store.recordDelivery(r.id(), e.mac(), payload, "logged");
            deliveries.labelValues("logged").inc();
            return;
        }
        String secret = store.secret(r.id()).orElse(null);
        if (secret != null && secret.getBytes(StandardCharsets.UTF_8).length < MIN_SECRET_BYTES) {
            // A rule stored before secrets had a minimum length: it is not signed with a guessable key.
            long id = store.recordDelivery(r.id(), e.mac(), payload, "pending");
            finish(id, "failed", 0, "the rule's secret is shorter than " + MIN_SECRET_BYTES + " bytes; set a new one",
                    "failed");
            return;
        }
        long id = store.recordDelivery(r.id(), e.mac(), payload, "pending");
        if (queued.incrementAndGet() > limits.maxQueued()) {
            queued.decrementAndGet();
            finish(id, "failed", 0, "delivery queue full (alert.max-queued = " + limits.maxQueued() + ")", "dropped");
            return;
        }
        String signature = secret == null ? null : "sha256=" + hmac(secret, payload);
        try {
            senders.execute(() -> send(r, id, payload, signature, 1));
        } catch (RejectedExecutionException ex) {
            queued.decrementAndGet();
            throw ex;
        }
    }

    private void finish(long deliveryId, String status, int attempts, String error, String outcome) {
        store.updateDelivery(deliveryId, status, attempts, error);
        deliveries.labelValues(outcome).inc();
    }

    private void send(AlertRule r, long deliveryId, String payload, String signature, int attempt) {
        boolean done = true;
        try {
            done = attempt(r, deliveryId, payload, signature, attempt);
        } catch (RuntimeException e) {
            LOG.atError().addKeyValue("rule", r.name()).addKeyValue("error", e.toString()).log("alert delivery not recorded");
        } finally {
            if (done) {
                queued.decrementAndGet();
            }
        }
    }

    /** One delivery attempt; false when a retry has been scheduled. */
    private boolean attempt(AlertRule r, long deliveryId, String payload, String signature, int attempt) {
        List<InetAddress> addresses;
        try {
            // Checked again at send time: the name may resolve elsewhere than when the rule was saved.
            addresses = guard.checked(URI.create(r.webhookUrl()));
        } catch (WebhookGuard.Refused | IllegalArgumentException e) {
            finish(deliveryId, "failed", attempt, "refused: " + e.getMessage(), "refused");
            LOG.atError().addKeyValue("rule", r.name()).addKeyValue("error", e.getMessage()).log("alert webhook refused");
            return true;
        }
        String error;
        try {
            // Sent to the addresses just checked, never to what the name resolves to a moment later.
            int status = http.post(URI.create(r.webhookUrl()), addresses, deliveryId, signature, payload);
            if (status / 100 == 2) {
                finish(deliveryId, "delivered", attempt, null, "delivered");
                return true;
            }
            // The status only: a receiver's response body is never recorded or shown.
            error = "HTTP " + status;
        } catch (IOException | RuntimeException e) {
            String m = FailureText.of(e);
            error = m.length() > MAX_ERROR_CHARS ? m.substring(0, MAX_ERROR_CHARS) + "..." : m;
        }
        if (attempt >= maxAttempts) {
            finish(deliveryId, "failed", attempt, error, "failed");
            LOG.atError().addKeyValue("rule", r.name()).addKeyValue("error", error).log("alert delivery failed");
            return true;
        }
        store.updateDelivery(deliveryId, "pending", attempt, error);
        long delay = retryBaseMs << Math.min(attempt - 1, 10);
        senders.schedule(() -> send(r, deliveryId, payload, signature, attempt + 1), delay, TimeUnit.MILLISECONDS);
        return false;
    }

    static String hmac(String secret, String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        senders.shutdown();
        try {
            senders.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
