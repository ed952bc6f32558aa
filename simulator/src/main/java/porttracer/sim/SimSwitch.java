package porttracer.sim;

import java.util.List;
import porttracer.domain.MacAddress;
import porttracer.domain.Platform;

/**
 * A simulated switch. {@code floor} is null for a distribution switch; {@code uplinkPort} is the access
 * switch's port towards the distribution switch (null on the distribution switch, whose switch-facing
 * ports are {@code Fleet.uplinkPorts}). {@code edgePorts} are the host-facing ports. {@code baseMac} is the
 * burned-in MAC, which LLDP advertises as chassis ID. Edge ports are access ports of VLAN 10, 20, 30, 10...
 * in port order; hosts on an edge port are in its VLAN.
 */
public record SimSwitch(String name, int site, Integer floor, Platform platform, String model, Role role,
                        String mgmtIp, String uplinkPort, List<String> edgePorts, MacAddress baseMac) {
    public SimSwitch {
        edgePorts = List.copyOf(edgePorts);
    }

    /** @throws IllegalArgumentException if {@code port} is not an edge port of this switch */
    public int accessVlan(String port) {
        int index = edgePorts.indexOf(port);
        if (index < 0) {
            throw new IllegalArgumentException(port + " is not an edge port of " + name);
        }
        return FleetGenerator.VLANS.get(index % FleetGenerator.VLANS.size());
    }
}
