package porttracer.sim;

import java.util.ArrayList;
import java.util.List;
import porttracer.domain.Platform;
import porttracer.domain.PortInfo;
import porttracer.domain.PortName;

/**
 * What a switch's interface commands report about its ports, derived from the fleet: edge ports are
 * access ports of their VLAN, up while a host is plugged in and described with that host's name;
 * switch-facing ports carry VLAN 1 untagged and 10, 20, 30 tagged, are up and described with the peer's
 * name; the other members of a port-channel whose first member is cabled are alike. Speeds are in the platform's own notation ("10G", "10000 Mbit", "10000").
 */
final class PortPlan {
    static final int NATIVE_VLAN = 1;

    private PortPlan() {
    }

    static List<PortInfo> of(Fleet fleet, SimSwitch sw) {
        List<PortInfo> ports = new ArrayList<>();
        List<SimHost> hosts = fleet.hosts().stream().filter(h -> h.switchName().equals(sw.name()))
                .sorted(java.util.Comparator.comparing(SimHost::mac)).toList();
        for (String port : sw.edgePorts()) {
            SimHost first = hosts.stream().filter(h -> h.port().equals(port)).findFirst().orElse(null);
            boolean up = first != null;
            ports.add(new PortInfo(PortName.of(port), up ? first.hostname() : "", up ? "up" : "down",
                    up ? speed(sw.platform(), port) : null, up ? "full" : null, "access", sw.accessVlan(port),
                    List.of()));
        }
        for (Link.End end : fleet.neighbours(sw.name())) {
            ports.add(new PortInfo(PortName.of(end.localPort()), end.peerSwitch(), "up",
                    speed(sw.platform(), end.localPort()), "full", uplinkMode(sw.platform()), NATIVE_VLAN,
                    FleetGenerator.VLANS));
            for (porttracer.domain.PortChannel lag : fleet.portChannels(sw.name())) {
                if (lag.members().get(0).samePort(end.localPort())) {
                    for (PortName other : lag.members().subList(1, lag.members().size())) {
                        ports.add(new PortInfo(other, end.peerSwitch(), "up", speed(sw.platform(), other.raw()), "full",
                                uplinkMode(sw.platform()), NATIVE_VLAN, FleetGenerator.VLANS));
                    }
                }
            }
        }
        return ports;
    }

    /** OS9 calls a port with an untagged and tagged VLANs "hybrid"; the others a trunk. */
    static String uplinkMode(Platform platform) {
        return platform == Platform.OS9 ? "hybrid" : "trunk";
    }

    private static String speed(Platform platform, String port) {
        int mbit = PortName.keyOf(port).startsWith("gi") ? 1000 : 10000;
        return switch (platform) {
            case OS10 -> mbit / 1000 + "G";
            case OS9 -> mbit + " Mbit";
            case OS6, POWERCONNECT -> String.valueOf(mbit);
        };
    }
}
