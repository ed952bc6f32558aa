package porttracer.sim;

import porttracer.domain.MacAddress;

/** A host and where it really is: the access switch and edge port it is plugged into. */
public record SimHost(MacAddress mac, int vlan, String switchName, String port) {

    /** The host's name, which the description of its switch port carries: "pc-" and the MAC's last six digits. */
    public String hostname() {
        return "pc-" + mac.bare().substring(6);
    }
}
