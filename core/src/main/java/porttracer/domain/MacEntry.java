package porttracer.domain;

/**
 * One row of a switch's MAC address table: the MAC, its VLAN, the port as the switch printed it
 * (trimmed) and the entry type in lower case (dynamic, static, management...).
 */
public record MacEntry(MacAddress mac, int vlan, String port, String type) {
}
