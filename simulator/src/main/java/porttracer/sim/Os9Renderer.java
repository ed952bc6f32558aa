package porttracer.sim;

import java.util.List;
import porttracer.domain.MacEntry;
import porttracer.domain.PortChannel;
import porttracer.domain.PortInfo;
import porttracer.domain.PortName;
import porttracer.domain.VlanInfo;

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

    /**
     * The layout of the S5048 capture ("Port Description Status Speed Duplex Vlan"); the description
     * column widens to the longest description so that cells stay apart. The Vlan column is the untagged VLAN.
     */
    String interfacesStatus(List<PortInfo> ports) {
        int width = 13;
        for (PortInfo p : ports) {
            width = Math.max(width, p.description().length() + 1);
        }
        StringBuilder out = new StringBuilder();
        out.append("Port                 ").append(Text.left("Description", width)).append("Status Speed        Duplex Vlan\n");
        for (PortInfo p : ports) {
            out.append(Text.left(p.port().raw(), 21)).append(Text.left(p.description(), width))
                    .append(Text.left(Text.capitalized(p.linkState()), 7))
                    .append(Text.left(p.speed() == null ? "Auto" : p.speed(), 13))
                    .append(Text.left(p.duplex() == null ? "Auto" : Text.capitalized(p.duplex()), 7))
                    .append(p.pvid()).append('\n');
        }
        return out.toString();
    }

    /**
     * The FTOS 9.x layout of the dell-asm captures: one legend, then a block per port; a port-channel member's
     * name is followed by its channel, "(Port-channel 1)", as in the NOC S50N capture.
     */
    String interfacesSwitchport(List<PortInfo> ports, List<PortChannel> channels) {
        StringBuilder out = new StringBuilder("\n").append(SWITCHPORT_CODES).append('\n');
        for (PortInfo p : ports) {
            out.append("Name: ").append(longName(p.port().raw()));
            for (PortChannel c : channels) {
                if (c.members().contains(p.port())) {
                    out.append(" (Port-channel ").append(c.number()).append(')');
                }
            }
            out.append('\n');
            if (!p.description().isEmpty()) {
                out.append("Description: ").append(p.description()).append('\n');
            }
            out.append("802.1QTagged: ").append(p.vlans().isEmpty() ? "False" : "Hybrid").append('\n')
                    .append("Vlan membership:\nQ       Vlans\n")
                    .append("U       ").append(p.pvid()).append('\n');
            if (!p.vlans().isEmpty()) {
                out.append("T       ").append(VlanText.list(p.vlans())).append('\n');
            }
            out.append("\nNative VlanId:    ").append(p.pvid()).append(".\n\n\n\n");
        }
        return out.toString();
    }

    private static final String SWITCHPORT_CODES = """
            Codes:  U - Untagged, T - Tagged
                    x - Dot1x untagged, X - Dot1x tagged
                    G - GVRP tagged, M - Trunk, H - VSN tagged
                    i - Internal untagged, I - Internal tagged, v - VLT untagged, V - VLT tagged
            """;

    /** "Gi 1/5" as the switchport blocks name it: "GigabitEthernet 1/5". */
    private static String longName(String port) {
        int space = port.indexOf(' ');
        String type = space < 0 ? "" : port.substring(0, space);
        String full = switch (type) {
            case "Gi" -> "GigabitEthernet";
            case "Te" -> "TenGigabitEthernet";
            case "Fo" -> "fortyGigE";
            default -> type;
        };
        return full + port.substring(Math.max(space, 0));
    }

    /** The layout of the ntc S-series captures: '*' marks VLAN 1, one "Q Ports" pair per line, tagged first. */
    String vlans(List<VlanInfo> vlans) {
        StringBuilder out = new StringBuilder("\n").append(VLAN_CODES).append('\n');
        out.append("    NUM    Status    Description                     Q Ports\n");
        for (VlanInfo v : vlans) {
            List<String> lines = new java.util.ArrayList<>();
            for (String item : PortRanges.sharedPrefixItems(raw(v.taggedPorts()))) {
                lines.add("T " + item);
            }
            for (String item : PortRanges.sharedPrefixItems(raw(v.untaggedPorts()))) {
                lines.add("U " + item);
            }
            String head = (v.id() == 1 ? "*   " : "    ") + Text.left(v.id(), 7)
                    + Text.left(Text.capitalized(v.status()), 10) + Text.left(v.name() == null ? "" : v.name(), 32);
            out.append(head).append(lines.isEmpty() ? "" : lines.get(0)).append('\n');
            for (int i = 1; i < lines.size(); i++) {
                out.append(" ".repeat(53)).append(lines.get(i)).append('\n');
            }
        }
        return out.toString();
    }

    private static final String VLAN_CODES = """
            Codes: * - Default VLAN, G - GVRP VLANs, P - Primary, C - Community, I - Isolated
            Q: U - Untagged, T - Tagged
               x - Dot1x untagged, X - Dot1x tagged
               G - GVRP tagged, M - Vlan-stack, H - Hyperpull tagged
            """;

    private static List<String> raw(List<PortName> ports) {
        return ports.stream().map(PortName::raw).toList();
    }

    /** The layout of the S6000-ON capture: a block per local port, then its neighbour. */
    String lldpNeighborsDetail(List<LldpNeighbour> neighbours) {
        StringBuilder out = new StringBuilder();
        int index = 1;
        for (LldpNeighbour n : neighbours) {
            String caps = n.router() ? "Bridge Router" : "Bridge";
            out.append("========================================================================\n")
                    .append(" Local Interface ").append(n.localPort()).append(" has 1 neighbor\n")
                    .append("  Total Frames Out: 1747\n  Total Frames In: 10333\n")
                    .append("  Total Neighbor information Age outs: 0\n  Total Multiple Neighbors Detected: 0\n")
                    .append("  Total Frames Discarded: 0\n  Total In Error Frames: 0\n")
                    .append("  Total Unrecognized TLVs: 0\n  Total TLVs Discarded: 0\n")
                    .append("  Next packet will be sent after 17 seconds\n  The neighbors are given below:\n")
                    .append("  ").append("-".repeat(71)).append("\n\n")
                    .append("    Remote Chassis ID Subtype: Mac address (4)\n")
                    .append("    Remote Chassis ID:  ").append(n.chassisId()).append('\n')
                    .append("    Remote Port Subtype:  Interface name (5)\n")
                    .append("    Remote Port ID:  ").append(n.portId()).append('\n')
                    .append("    Remote Port Description:  ").append(n.portId()).append('\n')
                    .append("    Local Port ID: ").append(longName(n.localPort())).append('\n')
                    .append("    Locally assigned remote Neighbor Index: ").append(index++).append('\n')
                    .append("    Remote TTL:  120\n    Information valid for next 105 seconds\n")
                    .append("    Time since last information change of this neighbor:  14:54:48\n")
                    .append("    Remote System Name:  ").append(n.systemName()).append('\n')
                    .append("    Remote System Desc:  Dell Real Time Operating System Software. Dell\n")
                    .append("     Operating System Version: 2.0. Dell Application Software Version:\n")
                    .append("     ").append(VERSION).append(" Copyright (c) 1999-2019Dell Inc. All Rights Reserved.\n")
                    .append("    Existing System Capabilities:  ").append(caps).append('\n')
                    .append("    Enabled System Capabilities:  ").append(caps).append('\n')
                    .append("    Remote Port Vlan ID:  1\n")
                    .append("    Port and Protocol Vlan ID: 1, Capability: Supported, Status: Enabled\n")
                    .append("   ").append("-".repeat(75)).append("\n\n");
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
