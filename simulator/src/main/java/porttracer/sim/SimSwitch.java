package porttracer.sim;

import java.util.List;
import porttracer.domain.MacAddress;
import porttracer.domain.Platform;

/**
 * A simulated switch. {@code floor} is null for a distribution switch; {@code uplinkPort} is the access
 * switch's port towards the distribution switch (null on the distribution switch, whose switch-facing
 * ports are {@code Fleet.uplinkPorts}). {@code edgePorts} are the host-facing ports. {@code baseMac} is the
 * burned-in MAC, which LLDP advertises as chassis ID.
 */
public record SimSwitch(String name, int site, Integer floor, Platform platform, String model, Role role,
                        String mgmtIp, String uplinkPort, List<String> edgePorts, MacAddress baseMac) {
    public SimSwitch {
        edgePorts = List.copyOf(edgePorts);
    }
}
