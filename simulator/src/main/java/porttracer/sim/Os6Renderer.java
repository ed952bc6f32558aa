package porttracer.sim;

import java.util.List;
import porttracer.domain.MacEntry;

/** Dell Networking OS6 (N-series, FASTPATH lineage) output formats (see dell_os6 captures). */
final class Os6Renderer {

    String macTable(List<MacEntry> rows, boolean withTotal) {
        StringBuilder out = new StringBuilder();
        out.append("\nAging time is 300 Sec\n\n");
        out.append("Vlan     Mac Address           Type        Port\n");
        out.append("-------- --------------------- ----------- ---------------------\n");
        for (MacEntry e : rows) {
            out.append(Text.left(e.vlan(), 9)).append(Text.left(e.mac().dotted(), 22))
                    .append(Text.left(Text.capitalized(e.type()), 12)).append(e.port()).append('\n');
        }
        if (withTotal) {
            out.append("\nTotal MAC Addresses in use: ").append(rows.size()).append('\n');
        }
        return out.toString();
    }
}
