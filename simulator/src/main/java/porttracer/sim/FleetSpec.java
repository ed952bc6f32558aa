package porttracer.sim;

import java.util.List;
import java.util.Objects;
import porttracer.domain.Platform;

/** Everything needed to regenerate the same fleet: equal specs give equal fleets. */
public record FleetSpec(long seed, int sites, int floorsPerSite, int accessSwitchesPerFloor, int hostsPerAccessSwitch,
                        List<Platform> accessPlatforms, Platform distributionPlatform) {
    public FleetSpec {
        accessPlatforms = List.copyOf(accessPlatforms);
        Objects.requireNonNull(distributionPlatform, "distributionPlatform");
        if (sites < 1 || floorsPerSite < 1 || accessSwitchesPerFloor < 1 || hostsPerAccessSwitch < 0) {
            throw new IllegalArgumentException("sites, floors and switches must be at least 1, hosts at least 0");
        }
        if (accessPlatforms.isEmpty()) {
            throw new IllegalArgumentException("at least one access platform is needed");
        }
    }

    /** One small site of OS6 and OS10 access switches behind an OS10 distribution switch. */
    public static FleetSpec small(long seed) {
        return new FleetSpec(seed, 1, 2, 2, 6, List.of(Platform.OS6, Platform.OS10), Platform.OS10);
    }
}
