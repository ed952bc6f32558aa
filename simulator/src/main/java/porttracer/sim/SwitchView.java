package porttracer.sim;

import java.util.List;
import porttracer.domain.MacAddress;
import porttracer.domain.MacEntry;
import porttracer.domain.PortInfo;
import porttracer.domain.VlanInfo;

/** One switch's view of the fleet: what its commands report. */
record SwitchView(Fleet fleet, SimSwitch sw) {

    List<MacEntry> macTable() {
        return fleet.macTable(sw.name());
    }

    List<PortInfo> ports() {
        return fleet.ports(sw.name());
    }

    List<porttracer.domain.PortChannel> portChannels() {
        return fleet.portChannels(sw.name());
    }

    List<VlanInfo> vlans() {
        return fleet.vlans(sw.name());
    }

    List<LldpNeighbour> lldpNeighbours() {
        return fleet.neighbours(sw.name()).stream().map(end -> LldpNeighbour.of(end, fleet)).toList();
    }

    /** The hosts of this switch's site with their IPs, as the site's routing (distribution) switch resolves them. */
    List<ArpEntry> arpEntries() {
        if (sw.role() != Role.DISTRIBUTION) {
            return List.of();
        }
        return fleet.hosts().stream()
                .filter(h -> fleet.switchNamed(h.switchName()).site() == sw.site())
                .flatMap(h -> fleet.ipOf(h.mac()).map(ip -> new ArpEntry(ip, h.mac(), h.vlan())).stream())
                .sorted(ArpEntry.ORDER)
                .toList();
    }

    List<MacEntry> macTable(MacAddress only) {
        return macTable().stream().filter(e -> e.mac().equals(only)).toList();
    }

    /** The rows of one port, however its name is spelt. */
    List<MacEntry> macTableOnPort(String port) {
        String key = porttracer.domain.PortName.keyOf(port);
        return macTable().stream().filter(e -> porttracer.domain.PortName.keyOf(e.port()).equals(key)).toList();
    }
}
