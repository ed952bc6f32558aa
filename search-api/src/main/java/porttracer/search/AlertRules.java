package porttracer.search;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import porttracer.alert.AlertEngine;
import porttracer.store.AlertRule;
import porttracer.store.AlertStore;
import porttracer.alert.WebhookGuard;
import porttracer.domain.MacAddress;
import porttracer.domain.PortName;

/** Validates and stores alert rules for the API; the collector's engine evaluates them. */
final class AlertRules {

    private final AlertStore store;
    private final AlertEngine engine;

    AlertRules(AlertStore store, AlertEngine engine) {
        this.store = store;
        this.engine = engine;
    }

    List<Map<String, Object>> list() {
        return store.rules().stream().map(AlertRules::view).toList();
    }

    /** A rule and its write-only HMAC secret, as a request body gives them. */
    private record Input(AlertRule rule, String secret) {
    }

    /** Creates a rule from the request body; the HMAC secret is write-only. */
    int create(JsonNode b, String user) {
        Input in = parse(b);
        int id = store.create(in.rule(), in.secret(), user);
        engine.reload();
        return id;
    }

    /** Replaces a rule with the request body, checked as a new one (the secret, write-only, is given again). */
    boolean update(int id, JsonNode b) {
        Input in = parse(b);
        boolean updated = store.update(id, in.rule(), in.secret());
        engine.reload();
        return updated;
    }

    private Input parse(JsonNode b) {
        String kind = b.path("kind").asText("");
        if (!AlertRule.KINDS.contains(kind)) {
            throw new ApiError(400, "kind must be one of " + String.join(", ", new java.util.TreeSet<>(AlertRule.KINDS)));
        }
        String name = b.path("name").asText("").strip();
        if (name.isEmpty() || name.length() > 100) {
            throw new ApiError(400, "give the rule a name of 1 to 100 characters");
        }
        String mac = b.hasNonNull("mac") ? mac(b.path("mac").asText()) : null;
        String oui = null;
        if (b.hasNonNull("oui")) {
            oui = b.path("oui").asText().replaceAll("[:.\\-]", "").toLowerCase(Locale.ROOT);
            if (!oui.matches("[0-9a-f]{6}")) {
                throw new ApiError(400, "oui must be six hex digits, e.g. 00:50:56");
            }
        }
        Integer switchId = b.hasNonNull("switchId") ? b.path("switchId").asInt() : null;
        String portKey = b.hasNonNull("port") ? PortName.keyOf(b.path("port").asText()) : null;
        Integer flapMoves = b.hasNonNull("flapMoves") ? b.path("flapMoves").asInt() : null;
        Integer flapMinutes = b.hasNonNull("flapMinutes") ? b.path("flapMinutes").asInt() : null;
        switch (kind) {
            case "watched_mac" -> require(mac != null, "watched_mac needs mac");
            case "watched_oui" -> require(oui != null, "watched_oui needs oui");
            case "new_mac_on_fixed_port" -> require(switchId != null && portKey != null && mac != null,
                    "new_mac_on_fixed_port needs switchId, port and mac (the device that belongs there)");
            case "flapping" -> require(flapMoves != null && flapMoves >= 2 && flapMinutes != null && flapMinutes >= 1,
                    "flapping needs flapMoves >= 2 and flapMinutes >= 1");
            default -> { }
        }
        String url = b.hasNonNull("webhookUrl") ? b.path("webhookUrl").asText() : null;
        if (url != null) {
            checkWebhook(url);
        }
        String secret = b.hasNonNull("secret") ? b.path("secret").asText() : null;
        require(secret == null || secret.getBytes(StandardCharsets.UTF_8).length >= AlertEngine.MIN_SECRET_BYTES,
                "secret must be at least " + AlertEngine.MIN_SECRET_BYTES + " bytes (it keys the HMAC signature)");
        require(url == null || secret != null, "a webhookUrl needs a secret of at least "
                + AlertEngine.MIN_SECRET_BYTES + " bytes to sign its deliveries");
        return new Input(new AlertRule(0, name, kind, mac, oui, switchId, portKey, flapMoves, flapMinutes, url,
                b.path("enabled").asBoolean(true)), secret);
    }

    boolean delete(int id) {
        boolean deleted = store.delete(id);
        engine.reload();
        return deleted;
    }

    List<Map<String, Object>> deliveries(int id, int limit) {
        return store.deliveries(id, limit);
    }

    /** Refuses a webhook the engine would refuse to send to (SSRF guard): 400 with the reason. */
    private void checkWebhook(String url) {
        URI u;
        try {
            u = new URI(url);
        } catch (URISyntaxException e) {
            throw new ApiError(400, "webhookUrl is not a URL");
        }
        try {
            engine.guard().check(u);
        } catch (WebhookGuard.Refused e) {
            throw new ApiError(400, e.getMessage());
        }
    }

    private static String mac(String text) {
        MacAddress m = MacAddress.tryParse(text);
        if (m == null) {
            throw new ApiError(400, "malformed MAC address", Map.of("accepted", MacAddress.ACCEPTED_NOTATIONS));
        }
        return m.toString();
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new ApiError(400, message);
        }
    }

    private static Map<String, Object> view(AlertRule r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        m.put("name", r.name());
        m.put("kind", r.kind());
        m.put("mac", r.mac());
        m.put("oui", r.oui());
        m.put("switchId", r.switchId());
        m.put("port", r.portKey());
        m.put("flapMoves", r.flapMoves());
        m.put("flapMinutes", r.flapMinutes());
        m.put("webhookUrl", r.webhookUrl());
        m.put("enabled", r.enabled());
        return m;
    }
}
