package porttracer.sim;

import java.util.List;
import porttracer.domain.MacEntry;
import porttracer.domain.PortInfo;
import porttracer.domain.PortName;
import porttracer.domain.VlanInfo;

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

    /** The Radlan layout of the ntc capture: no description or VLAN, "--" in every cell of a port that is down. */
    String interfacesStatus(List<PortInfo> ports) {
        StringBuilder out = new StringBuilder("Flow Link          Back   Mdix\n");
        out.append("Port     Type         Duplex  Speed Neg      ctrl State       Pressure Mode\n");
        out.append("-------- ------------ ------  ----- -------- ---- ----------- -------- -------\n");
        for (PortInfo p : ports) {
            String type = p.port().key().startsWith("gi") ? "1G-Copper" : "10G-Fiber";
            out.append(Text.left(p.port().raw(), 9)).append(Text.left(type, 13));
            if ("up".equals(p.linkState())) {
                out.append(Text.left("Full", 8)).append(Text.left(p.speed(), 6))
                        .append("Enabled  Off  Up          Disabled On\n");
            } else {
                out.append("  --      --     --     --  Down           --     --\n");
            }
        }
        return out.toString();
    }

    /** The layout of the ntc {@code show interfaces description} capture. */
    String interfacesDescription(List<PortInfo> ports) {
        return Text.descriptionTable("Port      Description\n-------   -----------\n", 10, ports);
    }

    /**
     * The layout of the 5548 {@code show vlan} capture: centred cells, port lists wrapped in their
     * 18-character column (left-aligned once they wrap).
     */
    String vlans(List<VlanInfo> vlans) {
        StringBuilder out = new StringBuilder("\n");
        out.append("Vlan     Name        Tagged Ports      UnTagged Ports     Type    Authorization \n");
        out.append(Text.dashes(VLAN_COLUMNS));
        for (VlanInfo v : vlans) {
            List<String> tagged = PortRanges.wrap(PortRanges.items(raw(v.taggedPorts())), 18);
            List<String> untagged = PortRanges.wrap(PortRanges.items(raw(v.untaggedPorts())), 18);
            int lines = Math.max(1, Math.max(tagged.size(), untagged.size()));
            for (int i = 0; i < lines; i++) {
                boolean first = i == 0;
                out.append(Text.centeredRow(VLAN_COLUMNS, first ? String.valueOf(v.id()) : "", first ? v.name() : "",
                        portCell(tagged, i), portCell(untagged, i), first ? type(v.type()) : "",
                        first ? "Required" : ""));
            }
        }
        return out.toString();
    }

    /** The capture prints "Default" capitalised but "permanent" as is. */
    private static String type(String type) {
        return type.equals("default") ? "Default" : type;
    }

    private static final int[] VLAN_COLUMNS = {4, 12, 18, 18, 9, 13};

    /** Line {@code i} of a wrapped port list: centred when the list fits on one line, else left-aligned. */
    private static String portCell(List<String> lines, int i) {
        if (i >= lines.size()) {
            return "";
        }
        return lines.size() == 1 ? lines.get(0) : Text.left(lines.get(i), 18);
    }

    private static List<String> raw(List<PortName> ports) {
        return ports.stream().map(PortName::raw).toList();
    }

    /** The unit table of Dell KB 000134871 ("show version" on a PowerConnect 5500); it names no model. */
    String version() {
        return "\nUnit      SW version         Boot version         HW version\n"
                + "------------------- ------------------- ------------------- ----------------\n"
                + " 1          " + VERSION + "            1.0.0.14             00.00.02\n";
    }

    static final String VERSION = "4.1.0.22";

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
