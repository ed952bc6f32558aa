package porttracer.domain;

/**
 * One ARP cache row: IP, MAC, the interface as printed (null when the switch prints "-"), the
 * VLAN (from a VLAN column or a VLAN interface name; null when neither gives one) and the type in
 * lower case ("dynamic", "local", "gateway", "static"; null when the command prints none).
 */
public record ArpEntry(String ip, MacAddress mac, String iface, Integer vlan, String type) {
}
