package porttracer.store;

import porttracer.domain.Platform;

/** One switch of the inventory, as the collector and the API see it (no credentials). */
public record SwitchRecord(int id, String name, String host, int sshPort, Platform platform, String model,
                           String site, String floor, boolean enabled, Integer pollIntervalSeconds) {
}
