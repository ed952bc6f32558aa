package porttracer.domain;

import java.util.List;

/**
 * A MAC seen in one switch's table on one port, classified: {@code edge} when the port is where
 * the device plugs in, otherwise an uplink sighting; {@code reason} says why, for people to read.
 * {@code portInfo} carries what the interface commands said about the port (null when they said nothing);
 * {@code members}, on a port-channel whose membership the switch reports, its member ports as printed
 * (null otherwise); {@code macsOnPort}, how many MACs the switch's table showed on the port in that
 * poll (null when unknown, e.g. a live lookup of one MAC on a port no poll has classified).
 */
public record Sighting(MacAddress mac, int vlan, String port, String portKey, boolean edge, String reason,
                       PortInfo portInfo, List<String> members, Integer macsOnPort) {
    public Sighting {
        members = members == null ? null : List.copyOf(members);
    }

    public Sighting(MacAddress mac, int vlan, String port, String portKey, boolean edge, String reason,
                    PortInfo portInfo, List<String> members) {
        this(mac, vlan, port, portKey, edge, reason, portInfo, members, null);
    }

    public Sighting(MacAddress mac, int vlan, String port, String portKey, boolean edge, String reason,
                    PortInfo portInfo) {
        this(mac, vlan, port, portKey, edge, reason, portInfo, null);
    }

    public Sighting(MacAddress mac, int vlan, String port, String portKey, boolean edge, String reason) {
        this(mac, vlan, port, portKey, edge, reason, null);
    }
}
