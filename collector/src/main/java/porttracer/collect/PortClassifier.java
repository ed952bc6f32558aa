package porttracer.collect;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import porttracer.domain.LldpNeighbor;
import porttracer.domain.MacAddress;
import porttracer.domain.MacEntry;
import porttracer.domain.PortChannel;
import porttracer.domain.PortInfo;
import porttracer.domain.PortName;

/**
 * Decides for each port of one switch whether it is an edge port (a device is plugged in) or an
 * uplink (the MACs behind it belong to other switches), and says why. First rule that applies:
 * an inventory override; an LLDP neighbour that is a bridge or router or a switch of the
 * inventory; a port-channel, or a member port of one; trunk/general mode carrying many VLANs; the MAC of a known switch
 * on the port; more MACs than an edge port holds. Otherwise edge.
 */
final class PortClassifier {

    /** {@code macsOnPort}: how many MACs the table showed on the port; the reason text is for people only. */
    record Role(boolean edge, String reason, int macsOnPort) {
    }

    /**
     * What a poll learnt about the switch's neighbourhood, besides the MAC table; {@code portChannels}
     * by channel key, empty where the platform's membership is not read.
     */
    record Context(Map<String, String> overrides, Map<String, LldpNeighbor> lldpByPort, Map<String, PortInfo> ports,
                   Set<String> knownSwitchNames, Map<MacAddress, String> knownSwitchMacs,
                   Map<String, PortChannel> portChannels) {
        Context(Map<String, String> overrides, Map<String, LldpNeighbor> lldpByPort, Map<String, PortInfo> ports,
                Set<String> knownSwitchNames, Map<MacAddress, String> knownSwitchMacs) {
            this(overrides, lldpByPort, ports, knownSwitchNames, knownSwitchMacs, Map.of());
        }
    }

    private final int maxEdgeMacs;
    private final int maxEdgeVlans;

    PortClassifier(int maxEdgeMacs, int maxEdgeVlans) {
        this.maxEdgeMacs = maxEdgeMacs;
        this.maxEdgeVlans = maxEdgeVlans;
    }

    /** Role per port key. */
    Map<String, Role> classify(List<MacEntry> entries, Context ctx) {
        Map<String, Integer> macsPerPort = new HashMap<>();
        Map<String, String> switchMacOnPort = new HashMap<>();
        for (MacEntry e : entries) {
            String key = PortName.keyOf(e.port());
            macsPerPort.merge(key, 1, Integer::sum);
            String owner = ctx.knownSwitchMacs().get(e.mac());
            if (owner != null) {
                switchMacOnPort.putIfAbsent(key, owner);
            }
        }
        Map<String, PortChannel> channelOfMember = new HashMap<>();
        for (PortChannel c : ctx.portChannels().values()) {
            c.members().forEach(m -> channelOfMember.put(m.key(), c));
        }
        Map<String, Role> roles = new HashMap<>();
        for (Map.Entry<String, Integer> p : macsPerPort.entrySet()) {
            roles.put(p.getKey(), role(p.getKey(), p.getValue(), ctx, switchMacOnPort.get(p.getKey()),
                    channelOfMember.get(p.getKey())));
        }
        return roles;
    }

    private Role role(String port, int macs, Context ctx, String switchMacOwner, PortChannel memberOf) {
        String override = ctx.overrides().get(port);
        if (override != null) {
            return new Role("edge".equals(override), "inventory: " + override, macs);
        }
        LldpNeighbor n = ctx.lldpByPort().get(port);
        if (n != null) {
            boolean bridge = n.capabilities().contains("bridge") || n.capabilities().contains("router");
            boolean known = n.systemName() != null && ctx.knownSwitchNames().contains(n.systemName());
            if (bridge || known) {
                return new Role(false, "lldp: " + (n.systemName() == null ? n.chassisId() : n.systemName())
                        + (bridge ? " (" + String.join("/", new java.util.TreeSet<>(n.capabilities())) + ")" : ""), macs);
            }
        }
        if (port.startsWith("po")) {
            return new Role(false, "port-channel", macs);
        }
        if (memberOf != null) {
            return new Role(false, "member of port-channel " + memberOf.number(), macs);
        }
        PortInfo info = ctx.ports().get(port);
        if (info != null && info.mode() != null && !"access".equals(info.mode()) && info.vlans() != null
                && info.vlans().size() > maxEdgeVlans) {
            return new Role(false, info.mode() + " carrying " + info.vlans().size() + " VLANs", macs);
        }
        if (switchMacOwner != null) {
            return new Role(false, "mac of switch " + switchMacOwner, macs);
        }
        if (macs > maxEdgeMacs) {
            return new Role(false, "mac count " + macs + " > " + maxEdgeMacs, macs);
        }
        return new Role(true, macs == 1 ? "single mac" : "mac count " + macs, macs);
    }
}
