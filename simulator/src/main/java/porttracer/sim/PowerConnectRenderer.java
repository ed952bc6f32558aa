package porttracer.sim;

import java.util.List;
import porttracer.domain.MacEntry;

/**
 * PowerConnect 55xx (Marvell/Radlan CLI) output formats (see the dell_powerconnect 5548 4.1.0.1 captures):
 * centred columns, each followed by one space, so every line ends in a space.
 */
final class PowerConnectRenderer {

    private static final int[] MAC_COLUMNS = {8, 21, 10, 10};
    private static final int[] LLDP_COLUMNS = {9, 17, 13, 17, 12, 5};

    String macTable(List<MacEntry> rows) {
        StringBuilder out = new StringBuilder("Aging time is 300 sec\n\n");
        out.append(Text.centeredRow(MAC_COLUMNS, "Vlan", "Mac Address", "Port", "Type"));
        out.append(Text.dashes(MAC_COLUMNS));
        for (MacEntry e : rows) {
            out.append(Text.centeredRow(MAC_COLUMNS, String.valueOf(e.vlan()), e.mac().toString(), e.port(), e.type()));
        }
        return out.toString();
    }

    String lldpNeighbors(List<LldpNeighbour> neighbours) {
        StringBuilder out = new StringBuilder("\n\n");
        out.append(Text.centeredRow(LLDP_COLUMNS, "Port", "Device ID", "Port ID", "System Name", "Capabilities", "TTL"));
        out.append(Text.dashes(LLDP_COLUMNS));
        for (LldpNeighbour n : neighbours) {
            out.append(Text.centeredRow(LLDP_COLUMNS, n.localPort(), n.chassisId().toString(), n.portId(),
                    n.systemName(17), n.router() ? "B, R" : "B", "120"));
        }
        return out.toString();
    }
}
