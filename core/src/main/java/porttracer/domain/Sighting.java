package porttracer.domain;

/**
 * A MAC seen in one switch's table on one port, classified: {@code edge} when the port is where
 * the device plugs in, otherwise an uplink sighting; {@code reason} says why. {@code portInfo}
 * carries what the interface commands said about the port (null when they said nothing).
 */
public record Sighting(MacAddress mac, int vlan, String port, String portKey, boolean edge, String reason,
                       PortInfo portInfo) {

    public Sighting(MacAddress mac, int vlan, String port, String portKey, boolean edge, String reason) {
        this(mac, vlan, port, portKey, edge, reason, null);
    }
}
