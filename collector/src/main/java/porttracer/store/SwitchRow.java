package porttracer.store;

/**
 * A switch's columns as an administrator sets them, with site, floor and credential already resolved to ids.
 * {@code platform} null: auto-detected by polls ({@code platform_auto}); {@code credentialId} null on an update
 * keeps the current one.
 */
public record SwitchRow(String name, String host, int sshPort, String platform, String model, int siteId,
                        Integer floorId, Integer credentialId, boolean enabled, Integer pollIntervalSeconds,
                        boolean legacyCrypto) {

    Object[] columns() {
        return new Object[] {name, host, sshPort, platform, model, siteId, floorId, credentialId, enabled,
                pollIntervalSeconds, platform == null, legacyCrypto};
    }

    /** What a unique violation means for this row. */
    String taken() {
        return "a switch named " + name + " or at " + host + ":" + sshPort + " already exists";
    }
}
