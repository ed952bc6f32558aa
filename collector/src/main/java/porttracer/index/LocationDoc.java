package porttracer.index;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** The {@code porttracer-current} document of one MAC: where it is now and where it is seen. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LocationDoc(String mac, String macBare, String oui, String vendor, List<String> ips, boolean present,
                          String firstSeen, String lastChanged, EdgeDoc edge, List<SightingDoc> sightings) {

    /** The port a MAC is plugged into; {@code current} is false when it is only the last one known. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record EdgeDoc(int switchId, String switchName, String host, String site, String floor, String port,
                          String portKey, int vlan, String reason, String since, boolean current, String description,
                          String mode, Integer pvid, String allowedVlans) {
        EdgeDoc withCurrent(boolean c) {
            return new EdgeDoc(switchId, switchName, host, site, floor, port, portKey, vlan, reason, since, c,
                    description, mode, pvid, allowedVlans);
        }

        EdgeDoc withSince(String s) {
            return new EdgeDoc(switchId, switchName, host, site, floor, port, portKey, vlan, reason, s, current,
                    description, mode, pvid, allowedVlans);
        }
    }

    /**
     * One switch port on which the MAC is in the MAC table now, with what the switch says about
     * the port: description, mode (access/trunk/general/hybrid), PVID and the other allowed VLANs
     * in range notation ("10,20,30-39"); on a port-channel whose membership the switch reports, its
     * member ports as printed. {@code macsOnPort}: how many MACs the switch's table showed on the port
     * in the poll that wrote this sighting; absent in documents written before it was (until the next
     * poll of the switch rewrites them) and on a live lookup of a port no poll has classified.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SightingDoc(int switchId, String switchName, String host, String site, String floor, String port,
                              String portKey, int vlan, boolean edge, String reason, String firstSeen,
                              String description, String mode, Integer pvid, String allowedVlans, String portRole,
                              List<String> members, Integer macsOnPort) {

        /** "switchId:portKey:edge|uplink": one keyword that finds a port's role with one term query. */
        static String portRole(int switchId, String portKey, boolean edge) {
            return switchId + ":" + portKey + ":" + (edge ? "edge" : "uplink");
        }

        boolean samePlace(SightingDoc o) {
            return switchId == o.switchId && vlan == o.vlan && portKey.equals(o.portKey);
        }

        boolean samePlace(EdgeDoc e) {
            return e != null && switchId == e.switchId() && vlan == e.vlan() && portKey.equals(e.portKey());
        }

        EdgeDoc asEdge(boolean current) {
            return new EdgeDoc(switchId, switchName, host, site, floor, port, portKey, vlan, reason, firstSeen, current,
                    description, mode, pvid, allowedVlans);
        }

        SightingDoc withFirstSeen(String at) {
            return new SightingDoc(switchId, switchName, host, site, floor, port, portKey, vlan, edge, reason, at,
                    description, mode, pvid, allowedVlans, portRole, members, macsOnPort);
        }
    }
}
