package porttracer.store;

/** One alert rule as stored; fields a kind does not use are null. The HMAC secret is never held here. */
public record AlertRule(int id, String name, String kind, String mac, String oui, Integer switchId, String portKey,
                        Integer flapMoves, Integer flapMinutes, String webhookUrl, boolean enabled) {

    public static final java.util.Set<String> KINDS = java.util.Set.of("watched_mac", "watched_oui", "moved",
            "new_mac_on_fixed_port", "flapping", "duplicate_mac");
}
