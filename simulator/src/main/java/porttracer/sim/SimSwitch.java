package porttracer.sim;

import java.util.List;
import porttracer.domain.Platform;

/**
 * A simulated switch. {@code floor} is null for a distribution switch; {@code uplinkPort} is the access
 * switch's port towards the distribution switch (null on the distribution switch, whose switch-facing
 * ports are {@code Fleet.uplinkPorts}). {@code edgePorts} are the host-facing ports.
 */
public record SimSwitch(String name, int site, Integer floor, Platform platform, String model, Role role,
                        String mgmtIp, String uplinkPort, List<String> edgePorts) {
    public SimSwitch {
        edgePorts = List.copyOf(edgePorts);
    }
}
