package porttracer.sim;

import java.util.List;
import porttracer.domain.MacEntry;
import porttracer.domain.PortInfo;

/** Dell OS10 output formats (see the dell_os10 captures in the shared fixtures). */
final class Os10Renderer {

    static final String VERSION = "10.5.6.1";
    private static final String RULE = "-".repeat(75);

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

    String lldpNeighbors(List<LldpNeighbour> neighbours) {
        StringBuilder out = new StringBuilder();
        out.append("Loc PortID          Rem Host Name        Rem Port Id                    Rem Chassis Id\n");
        out.append("-".repeat(86)).append('\n');
        for (LldpNeighbour n : neighbours) {
            out.append(Text.left(n.localPort(), 20)).append(Text.left(n.systemName(20), 21))
                    .append(Text.left(n.portId(), 30)).append(n.chassisId()).append('\n');
        }
        return out.toString();
    }

    /** The layout of the arcswitch S5248F capture: descriptions over 15 characters are cut to 13 and "..". */
    String interfacesStatus(List<PortInfo> ports) {
        String rule = "-".repeat(98) + "\n";
        StringBuilder out = new StringBuilder(rule);
        out.append("Port            Description     Status   Speed    Duplex   Mode Vlan Tagged-Vlans\n").append(rule);
        for (PortInfo p : ports) {
            String description = p.description().length() > 15 ? p.description().substring(0, 13) + ".." : p.description();
            String row = Text.left(shortName(p.port().raw()), 16) + Text.left(description, 16)
                    + Text.left(p.linkState(), 9) + Text.left(p.speed() == null ? "--" : p.speed(), 9)
                    + Text.left(p.duplex() == null ? "--" : p.duplex(), 9)
                    + Text.left(p.mode().equals("access") ? "A" : "T", 5) + Text.left(p.pvid(), 5)
                    + VlanText.list(p.vlans());
            out.append(row.stripTrailing()).append('\n');
        }
        return out.toString();
    }

    /** "ethernet1/1/5" as the status table prints it: "Eth 1/1/5". */
    private static String shortName(String port) {
        return port.startsWith("ethernet") ? "Eth " + port.substring("ethernet".length()) : port;
    }

    String lldpNeighborsDetail(List<LldpNeighbour> neighbours, Fleet fleet) {
        StringBuilder out = new StringBuilder();
        int index = 1;
        for (LldpNeighbour n : neighbours) {
            SimSwitch peer = fleet.switchNamed(n.systemName());
            String caps = n.router() ? "Bridge, Router" : "Bridge";
            out.append("\nRemote Chassis ID Subtype: Mac address (4)\n")
                    .append("Remote Chassis ID: ").append(n.chassisId()).append('\n')
                    .append("Remote Port Subtype: Interface name (5)\n")
                    .append("Remote Port ID: ").append(n.portId()).append('\n')
                    .append("Remote Port Description: ").append(n.portId()).append('\n')
                    .append("Local Port ID: ").append(n.localPort()).append('\n')
                    .append("Locally assigned remote Neighbor Index: ").append(index++).append('\n')
                    .append("Remote TTL: 120\n")
                    .append("Information valid for next 105 seconds\n")
                    .append("Time since last information change of this neighbor: 2 weeks 3 days 04:12:09\n")
                    .append("Remote System Name: ").append(n.systemName()).append('\n')
                    .append("Remote System Desc: ").append(systemDescription(peer)).append('\n')
                    .append("Existing System Capabilities:  ").append(caps).append('\n')
                    .append("Enabled System Capabilities:  ").append(caps).append('\n')
                    .append("Remote Max Frame Size: 9216\n")
                    .append("Remote Aggregation Status: false\n")
                    .append("MAC PHY Configuration:\n")
                    .append("    Auto-neg supported: 1\n")
                    .append("    Auto-neg enabled: 1\n")
                    .append(RULE).append('\n');
        }
        return out.toString();
    }

    private static String systemDescription(SimSwitch sw) {
        return switch (sw.platform()) {
            case OS10 -> "Dell SmartFabric OS10 Enterprise.\nCopyright (c) 1999-2024 by Dell Inc. All Rights Reserved.\n"
                    + "System Description: OS10 Enterprise.\nOS Version: " + VERSION + ".\nSystem Type: " + sw.model();
            case OS6 -> "Dell EMC Networking " + sw.model() + ", " + Os6Renderer.VERSION;
            case OS9 -> "Dell Real Time Operating System Software. Dell Operating System Version: 2.0. "
                    + "Dell Application Software Version: " + Os9Renderer.VERSION;
            case POWERCONNECT -> sw.model();
        };
    }

    String version(SimSwitch sw) {
        return "Dell SmartFabric OS10 Enterprise\n"
                + "Copyright (c) 1999-2024 by Dell Inc. All Rights Reserved.\n"
                + "OS Version: " + VERSION + "\n"
                + "Build Version: " + VERSION + ".100\n"
                + "Build Time: 2024-01-29T01:32:18+0000\n"
                + "System Type: " + sw.model() + "\n"
                + "Architecture: x86_64\n"
                + "Up Time: 48 weeks 21:15:01\n";
    }
}
