package porttracer.domain;

/**
 * A MAC seen in one switch's table on one port, classified: {@code edge} when the port is where
 * the device plugs in, otherwise an uplink sighting; {@code reason} says why.
 */
public record Sighting(MacAddress mac, int vlan, String port, String portKey, boolean edge, String reason) {
}
