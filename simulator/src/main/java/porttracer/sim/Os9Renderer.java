package porttracer.sim;

import java.util.List;
import porttracer.domain.MacEntry;

/** Dell Networking OS9 (FTOS) output formats (see dell_force10 captures in the shared fixtures). */
final class Os9Renderer {

    String macTable(List<MacEntry> rows) {
        StringBuilder out = new StringBuilder();
        out.append("\nCodes: *N - VLT Peer Synced MAC\n");
        out.append("       *I - Internal MAC Address used for Inter Process Communication\n");
        out.append("VlanId     Mac Address           Type          Interface        State\n");
        for (MacEntry e : rows) {
            out.append(' ').append(Text.left(e.vlan(), 7)).append(Text.left(e.mac(), 24))
                    .append(Text.left(Text.capitalized(e.type()), 16)).append(Text.left(e.port(), 16))
                    .append("Active\n");
        }
        return out.toString();
    }
}
