package porttracer.sim;

import porttracer.domain.MacAddress;

/** A host and where it really is: the access switch and edge port it is plugged into. */
public record SimHost(MacAddress mac, int vlan, String switchName, String port) {
}
