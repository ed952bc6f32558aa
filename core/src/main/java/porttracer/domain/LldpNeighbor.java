package porttracer.domain;

import java.util.Set;

/**
 * One LLDP neighbour seen on a local port. Strings are as printed (summary tables may truncate
 * them, e.g. "switch2-loc123..."); null when the output does not give them or says "Not Advertised".
 * Capabilities are lower-case names ("bridge", "router", "telephone"...), empty when not printed.
 */
public record LldpNeighbor(PortName localPort, String chassisId, String portId, String systemName,
                           Set<String> capabilities) {
    public LldpNeighbor {
        capabilities = capabilities == null ? Set.of() : Set.copyOf(capabilities);
    }
}
