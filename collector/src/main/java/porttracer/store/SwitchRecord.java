package porttracer.store;

import porttracer.domain.Platform;

/**
 * One switch of the inventory, as the collector and the API see it (no credentials).
 * {@code pollIntervalSeconds} is the switch's own or its site's, null for the default.
 */
public record SwitchRecord(int id, String name, String host, int sshPort, Platform platform, String model,
                           String site, String floor, boolean enabled, Integer pollIntervalSeconds,
                           boolean collectArp) {
}
