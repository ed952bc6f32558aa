package porttracer.sim;

import java.util.List;
import java.util.Objects;
import porttracer.domain.Platform;

/**
 * Everything needed to regenerate the same fleet: equal specs give equal fleets. {@code lagDownlinks}: the
 * distribution switch reaches each access switch over a port-channel of two ports; only OS9, the one platform
 * whose membership output is known from a real capture, can be the distribution switch then.
 */
public record FleetSpec(long seed, int sites, int floorsPerSite, int accessSwitchesPerFloor, int hostsPerAccessSwitch,
                        List<Platform> accessPlatforms, Platform distributionPlatform, boolean lagDownlinks) {
    public FleetSpec(long seed, int sites, int floorsPerSite, int accessSwitchesPerFloor, int hostsPerAccessSwitch,
                     List<Platform> accessPlatforms, Platform distributionPlatform) {
        this(seed, sites, floorsPerSite, accessSwitchesPerFloor, hostsPerAccessSwitch, accessPlatforms,
                distributionPlatform, false);
    }

    public FleetSpec {
        if (lagDownlinks && distributionPlatform != Platform.OS9) {
            throw new IllegalArgumentException("port-channel downlinks are simulated on an OS9 distribution switch only");
        }
        accessPlatforms = List.copyOf(accessPlatforms);
        Objects.requireNonNull(distributionPlatform, "distributionPlatform");
        if (sites < 1 || floorsPerSite < 1 || accessSwitchesPerFloor < 1 || hostsPerAccessSwitch < 0) {
            throw new IllegalArgumentException("sites, floors and switches must be at least 1, hosts at least 0");
        }
        if (accessPlatforms.isEmpty()) {
            throw new IllegalArgumentException("at least one access platform is needed");
        }
    }

    public FleetSpec withLagDownlinks() {
        return new FleetSpec(seed, sites, floorsPerSite, accessSwitchesPerFloor, hostsPerAccessSwitch, accessPlatforms,
                distributionPlatform, true);
    }

    /** One small site of OS6 and OS10 access switches behind an OS10 distribution switch. */
    public static FleetSpec small(long seed) {
        return new FleetSpec(seed, 1, 2, 2, 6, List.of(Platform.OS6, Platform.OS10), Platform.OS10);
    }
}
