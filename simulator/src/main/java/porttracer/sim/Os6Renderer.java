package porttracer.sim;

import java.util.List;
import porttracer.domain.MacEntry;
import porttracer.domain.PortInfo;
import porttracer.domain.PortName;
import porttracer.domain.VlanInfo;

/** Dell Networking OS6 (N-series, FASTPATH lineage) output formats (see the dell_os6 captures). */
final class Os6Renderer {

    static final String VERSION = "6.7.1.20";

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

    String lldpRemoteDeviceAll(List<LldpNeighbour> neighbours) {
        StringBuilder out = new StringBuilder();
        out.append("\nLLDP Remote Device Summary\n\nLocal\n");
        out.append("Interface RemID   Chassis ID          Port ID           System Name\n");
        out.append("--------- ------- ------------------- ----------------- -----------------\n");
        int remId = 1;
        for (LldpNeighbour n : neighbours) {
            String chassis = n.chassisId().toString().toUpperCase(java.util.Locale.ROOT);
            out.append(Text.left(n.localPort(), 10)).append(Text.left(remId++, 8)).append(Text.left(chassis, 20))
                    .append(Text.left(n.portId(), 20)).append(n.systemName(17)).append('\n');
        }
        return out.toString();
    }

    String arp(List<ArpEntry> entries) {
        StringBuilder out = new StringBuilder();
        out.append("\nStatic ARP entries are only active\nwhen the IP address is reachable on a local subnet\n\n\n");
        out.append("Age Time (seconds)............................. 1200\n");
        out.append("Response Time (seconds)........................ 1\n");
        out.append("Retries........................................ 4\n");
        out.append("Cache Size..................................... 4096\n");
        out.append("Dynamic Renew Mode ............................ Enable\n");
        out.append("Total Entry Count Current / Peak .............. ").append(entries.size()).append(" / ")
                .append(entries.size()).append('\n');
        out.append("Static Entry Count Configured / Active / Max .. 0 / 0 / 128\n\n");
        out.append("IP Address       MAC Address        Interface       Type      Age\n");
        out.append("---------------  -----------------  --------------  --------  -----------\n");
        int i = 0;
        for (ArpEntry e : entries) {
            int seconds = 37 + 97 * i++ % 1100;
            out.append(Text.left(e.ip(), 17)).append(Text.left(e.mac().dotted(), 19))
                    .append(Text.left("Vl" + e.vlan(), 16)).append("Dynamic   ")
                    .append(String.format("%2dh %2dm %2ds", seconds / 3600, seconds / 60 % 60, seconds % 60))
                    .append('\n');
        }
        return out.toString();
    }

    /** The layout of the N4032 capture; a VLAN list longer than its column wraps onto indented lines. */
    String interfacesStatus(List<PortInfo> ports) {
        StringBuilder out = new StringBuilder("\n");
        out.append("Port      Description     Duplex Speed   Neg  Link   Flow  M  VLAN\n");
        out.append("                                              State  Ctrl\n");
        out.append("--------- --------------- ------ ------- ---- ------ ----- -- -------------------\n");
        for (PortInfo p : ports) {
            boolean up = "up".equals(p.linkState());
            String vlans = p.mode().equals("access") ? String.valueOf(p.pvid())
                    : "(" + p.pvid() + ")," + VlanText.list(p.vlans());
            List<String> cell = PortRanges.wrap(List.of(vlans.split(",")), 19);
            out.append(Text.left(p.port().raw(), 10)).append(Text.left(p.description(), 16))
                    .append(Text.left(up ? "Full" : "N/A", 7)).append(Text.left(up ? p.speed() : "Unknown", 8))
                    .append("Auto ").append(Text.left(up ? "Up" : "Down", 7)).append("Off   ")
                    .append(Text.left(p.mode().equals("access") ? "A" : "T", 3)).append(cell.get(0)).append('\n');
            for (int i = 1; i < cell.size(); i++) {
                out.append(" ".repeat(62)).append(cell.get(i)).append('\n');
            }
        }
        return out.toString();
    }

    /** The layout of the N4032 {@code show interfaces description} capture. */
    String interfacesDescription(List<PortInfo> ports) {
        return Text.descriptionTable("\nPort       Description\n---------  " + "-".repeat(74) + "\n", 11, ports);
    }

    /** The layout of the N4032 {@code show vlan} capture: member lists wrap in a 13-character column. */
    String vlans(List<VlanInfo> vlans) {
        StringBuilder out = new StringBuilder("\n");
        out.append("VLAN   Name                             Ports          Type\n");
        out.append("-----  ---------------                  -------------  --------------\n");
        for (VlanInfo v : vlans) {
            List<String> cell = PortRanges.wrap(PortRanges.items(v.ports().stream().map(PortName::raw).toList()), 13);
            out.append(Text.left(v.id(), 7)).append(Text.left(v.name(), 33))
                    .append(Text.left(cell.isEmpty() ? "" : cell.get(0), 15)).append(Text.capitalized(v.type()))
                    .append('\n');
            for (int i = 1; i < cell.size(); i++) {
                out.append(" ".repeat(40)).append(cell.get(i)).append('\n');
            }
        }
        return out.toString();
    }

    String version(SimSwitch sw) {
        return "\n"
                + "Machine Description............... Dell Networking Switch\n"
                + "System Model ID................... " + sw.model() + "\n"
                + "Machine Type...................... Dell Networking " + sw.model() + "\n"
                + "Serial Number..................... " + serial(sw) + "\n"
                + "Manufacturer...................... 0xbc00\n"
                + "Burned In MAC Address............. " + sw.baseMac().dotted() + "\n"
                + "System Object ID.................. 1.3.6.1.4.1.674.10895.3042\n"
                + "CPU Version....................... XLP308H-B2\n"
                + "SOC Version....................... BCM56842_A1\n"
                + "HW Version........................ 3\n"
                + "CPLD Version...................... 17\n"
                + "\n"
                + "unit active      backup      current-active next-active\n"
                + "---- ----------- ----------- -------------- --------------\n"
                + "1    " + Text.left(VERSION, 12) + Text.left(VERSION, 12) + Text.left(VERSION, 15) + VERSION + "\n";
    }

    static String serial(SimSwitch sw) {
        return "CN04G4FP2829" + sw.baseMac().bare().substring(6).toUpperCase(java.util.Locale.ROOT) + "F03";
    }
}
