package porttracer.store;

import porttracer.domain.Platform;

/**
 * One switch of the inventory, as the collector and the API see it (no credentials).
 * {@code pollIntervalSeconds} is the switch's own or its site's, null for the default.
 * {@code platform} is null for a switch set to {@code auto} that no poll has detected yet;
 * {@code autoPlatform} re-detects it at every poll (a firmware migration changes it);
 * {@code legacyCrypto} allows the SHA-1/CBC SSH algorithms of old firmware.
 */
public record SwitchRecord(int id, String name, String host, int sshPort, Platform platform, String model,
                           String site, String floor, boolean enabled, Integer pollIntervalSeconds,
                           boolean collectArp, boolean autoPlatform, boolean legacyCrypto) {

    public SwitchRecord(int id, String name, String host, int sshPort, Platform platform, String model,
                        String site, String floor, boolean enabled, Integer pollIntervalSeconds, boolean collectArp) {
        this(id, name, host, sshPort, platform, model, site, floor, enabled, pollIntervalSeconds, collectArp, false, false);
    }

    /** The same switch as detected by a poll. */
    public SwitchRecord withPlatform(Platform detected, String detectedModel) {
        return new SwitchRecord(id, name, host, sshPort, detected, detectedModel == null ? model : detectedModel, site,
                floor, enabled, pollIntervalSeconds, collectArp, autoPlatform, legacyCrypto);
    }

    /** The platform's id, or "auto" while not detected yet (metrics labels, logs). */
    public String platformId() {
        return platform == null ? "auto" : platform.id();
    }
}
