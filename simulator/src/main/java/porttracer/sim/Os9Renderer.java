package porttracer.sim;

import java.util.List;
import porttracer.domain.MacEntry;

/** Dell Networking OS9 (FTOS) output formats (see the dell_force10 captures in the shared fixtures). */
final class Os9Renderer {

    static final String VERSION = "9.14(2.16)";

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

    String lldpNeighbors(List<LldpNeighbour> neighbours) {
        StringBuilder out = new StringBuilder();
        out.append("\nLoc PortID   Rem Host Name     Rem Port Id                   Rem Chassis Id\n");
        out.append("-".repeat(73)).append("\n\n");
        for (LldpNeighbour n : neighbours) {
            out.append(Text.left(n.localPort(), 13)).append(Text.left(n.systemName(17), 18))
                    .append(Text.left(n.portId(), 30)).append(n.chassisId()).append(" \n");
        }
        return out.toString();
    }

    String version(SimSwitch sw) {
        return "Dell Real Time Operating System Software\n"
                + "Dell Operating System Version:  2.0\n"
                + "Dell Application Software Version:  " + VERSION + "\n"
                + "Copyright (c) 1999-2019 by Dell Inc. All Rights Reserved.\n"
                + "Build Time: Wed Sep  4 13:33:43 2019\n"
                + "Build Path: /build/build03/SW/SRC\n"
                + "Dell Networking OS uptime is 12 week(s), 6 day(s), 9 hour(s), 20 minute(s)\n"
                + "\n"
                + "System image file is \"system://A\"\n"
                + "\n"
                + "System Type: " + sw.model() + "\n";
    }
}
