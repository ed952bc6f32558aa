package porttracer.alert;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
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
import porttracer.domain.PortName;
import porttracer.index.LocationIndex;
import porttracer.index.MoveEvent;

/**
 * Evaluates alert rules against the changes each poll detects (never by rescanning the index)
 * and delivers matches to the log and to webhooks: JSON, signed with HMAC-SHA256 of the rule's
 * secret in {@code X-PortTracer-Signature: sha256=<hex>}, retried with exponential backoff, each
 * delivery recorded in PostgreSQL.
 */
public final class AlertEngine implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AlertEngine.class);
    private static final long RULES_TTL_NANOS = 10_000_000_000L;

    private final AlertStore store;
    private final ObjectMapper json;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ScheduledExecutorService senders;
    private final int maxAttempts;
    private final long retryBaseMs;
    private final Map<String, Deque<Long>> recentMoves = new ConcurrentHashMap<>();
    private volatile List<AlertRule> rules = List.of();
    private volatile long rulesLoadedAt = System.nanoTime() - 2 * RULES_TTL_NANOS;

    public AlertEngine(AlertStore store, ObjectMapper json, int maxAttempts, long retryBaseMs) {
        this.store = store;
        this.json = json;
        this.maxAttempts = maxAttempts;
        this.retryBaseMs = retryBaseMs;
        ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(2, r -> {
            Thread t = new Thread(r, "porttracer-alert-sender");
            t.setDaemon(true);
            return t;
        });
        pool.setRemoveOnCancelPolicy(true);
        this.senders = pool;
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
        for (MoveEvent e : applied.events()) {
            for (AlertRule r : rules) {
                if (r.enabled()) {
                    String why = match(r, e);
                    if (why != null) {
                        fire(r, e, why);
                    }
                }
            }
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
            return;
        }
        long id = store.recordDelivery(r.id(), e.mac(), payload, "pending");
        String signature = store.secret(r.id()).map(s -> "sha256=" + hmac(s, payload)).orElse(null);
        senders.execute(() -> send(r, id, payload, signature, 1));
    }

    private void send(AlertRule r, long deliveryId, String payload, String signature, int attempt) {
        String error;
        try {
            HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(r.webhookUrl())).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json").header("User-Agent", "PortTracer")
                    .header("X-PortTracer-Delivery", Long.toString(deliveryId))
                    .POST(HttpRequest.BodyPublishers.ofString(payload, StandardCharsets.UTF_8));
            if (signature != null) {
                req.header("X-PortTracer-Signature", signature);
            }
            int status = http.send(req.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status / 100 == 2) {
                store.updateDelivery(deliveryId, "delivered", attempt, null);
                return;
            }
            error = "HTTP " + status;
        } catch (IOException | RuntimeException e) {
            error = e.getClass().getSimpleName() + ": " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (attempt >= maxAttempts) {
            store.updateDelivery(deliveryId, "failed", attempt, error);
            LOG.atError().addKeyValue("rule", r.name()).addKeyValue("error", error).log("alert delivery failed");
            return;
        }
        store.updateDelivery(deliveryId, "pending", attempt, error);
        long delay = retryBaseMs << Math.min(attempt - 1, 10);
        senders.schedule(() -> send(r, deliveryId, payload, signature, attempt + 1), delay, TimeUnit.MILLISECONDS);
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
