package porttracer.sim;

import java.util.List;
import porttracer.domain.MacEntry;

/**
 * PowerConnect 55xx (Marvell/Radlan CLI) output formats (see dell_powerconnect 5548 captures): centred
 * columns, each followed by one space, so every line ends in a space.
 */
final class PowerConnectRenderer {

    String macTable(List<MacEntry> rows) {
        StringBuilder out = new StringBuilder();
        out.append("Aging time is 300 sec\n\n");
        row(out, "Vlan", "Mac Address", "Port", "Type");
        row(out, "-".repeat(8), "-".repeat(21), "-".repeat(10), "-".repeat(10));
        for (MacEntry e : rows) {
            row(out, String.valueOf(e.vlan()), e.mac().toString(), e.port(), e.type());
        }
        return out.toString();
    }

    private static void row(StringBuilder out, String vlan, String mac, String port, String type) {
        out.append(Text.center(vlan, 8)).append(' ').append(Text.center(mac, 21)).append(' ')
                .append(Text.center(port, 10)).append(' ').append(Text.center(type, 10)).append(" \n");
    }
}
