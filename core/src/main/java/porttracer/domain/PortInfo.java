package porttracer.domain;

import java.util.List;

/**
 * What interface commands say about one port. Fields a command does not print are null; a
 * description column printed empty is "". {@code linkState} is "up" or "down" (Detach, Not Present
 * and other non-up states are "down"); {@code duplex} and {@code mode} are lower case ("full",
 * "access", "trunk", "general", "hybrid"); {@code speed} is as printed ("10000", "10G", "10000 Mbit").
 * {@code pvid} is the untagged/native VLAN; {@code vlans} the other (tagged/allowed) VLANs with ranges expanded.
 */
public record PortInfo(PortName port, String description, String linkState, String speed, String duplex,
                       String mode, Integer pvid, List<Integer> vlans) {
    public PortInfo {
        vlans = vlans == null ? null : List.copyOf(vlans);
    }
}
