package porttracer.sim;

import java.util.List;
import porttracer.domain.MacEntry;

/** Dell OS10 output formats (see dell_os10 captures in the shared fixtures). */
final class Os10Renderer {

    String macTable(List<MacEntry> rows) {
        StringBuilder out = new StringBuilder();
        out.append("Codes: pv <vlan-id> - private vlan where the mac is originally learnt\n");
        out.append("VlanId        Mac Address         Type        Interface\n");
        for (MacEntry e : rows) {
            out.append(Text.left(e.vlan(), 14)).append(Text.left(e.mac(), 20)).append(Text.left(e.type(), 12))
                    .append(e.port()).append('\n');
        }
        return out.toString();
    }
}
