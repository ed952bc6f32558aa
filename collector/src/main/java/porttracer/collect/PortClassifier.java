package porttracer.collect;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import porttracer.domain.MacEntry;
import porttracer.domain.PortName;

/**
 * Decides for each port of one switch whether it is an edge port (a device is plugged in) or an
 * uplink (the MACs behind it belong to other switches), and says why. In order: an inventory
 * override, an LLDP neighbour that is a switch, a port-channel, more MACs than an edge port holds.
 */
final class PortClassifier {

    record Role(boolean edge, String reason) {
    }

    private final int maxEdgeMacs;

    PortClassifier(int maxEdgeMacs) {
        this.maxEdgeMacs = maxEdgeMacs;
    }

    /** Role per port key. */
    Map<String, Role> classify(List<MacEntry> entries, Map<String, String> overrides, Set<String> lldpSwitchPorts) {
        Map<String, Integer> macsPerPort = new HashMap<>();
        for (MacEntry e : entries) {
            macsPerPort.merge(PortName.keyOf(e.port()), 1, Integer::sum);
        }
        Map<String, Role> roles = new HashMap<>();
        for (Map.Entry<String, Integer> p : macsPerPort.entrySet()) {
            roles.put(p.getKey(), role(p.getKey(), p.getValue(), overrides, lldpSwitchPorts));
        }
        return roles;
    }

    private Role role(String port, int macs, Map<String, String> overrides, Set<String> lldpSwitchPorts) {
        String override = overrides.get(port);
        if (override != null) {
            return new Role("edge".equals(override), "inventory: " + override);
        }
        if (lldpSwitchPorts.contains(port)) {
            return new Role(false, "lldp: switch neighbour");
        }
        if (port.startsWith("po")) {
            return new Role(false, "port-channel");
        }
        if (macs > maxEdgeMacs) {
            return new Role(false, "mac count " + macs + " > " + maxEdgeMacs);
        }
        return new Role(true, macs == 1 ? "single mac" : "mac count " + macs);
    }
}
