package porttracer.sim;

import java.util.Set;
import porttracer.domain.LldpNeighbor;
import porttracer.domain.MacAddress;
import porttracer.domain.PortName;

/** What a switch learns over LLDP on one port: the peer's chassis MAC, port name, host name and roles. */
record LldpNeighbour(String localPort, MacAddress chassisId, String portId, String systemName, boolean router) {

    static LldpNeighbour of(Link.End end, Fleet fleet) {
        SimSwitch peer = fleet.switchNamed(end.peerSwitch());
        return new LldpNeighbour(end.localPort(), peer.baseMac(), end.peerPort(), peer.name(),
                peer.role() == Role.DISTRIBUTION);
    }

    Set<String> capabilities() {
        return router ? Set.of("bridge", "router") : Set.of("bridge");
    }

    LldpNeighbor toDomain() {
        return new LldpNeighbor(PortName.of(localPort), chassisId.toString(), portId, systemName, capabilities());
    }

    /** Names longer than {@code width} cut to fit with a trailing "...", as the summary tables do. */
    String systemName(int width) {
        return systemName.length() <= width ? systemName : systemName.substring(0, width - 3) + "...";
    }
}
