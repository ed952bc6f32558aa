package porttracer.sim;

import java.util.List;
import porttracer.domain.MacAddress;
import porttracer.domain.MacEntry;

/** One switch's view of the fleet: what its commands report. */
record SwitchView(Fleet fleet, SimSwitch sw) {

    List<MacEntry> macTable() {
        return fleet.macTable(sw.name());
    }

    List<LldpNeighbour> lldpNeighbours() {
        return fleet.neighbours(sw.name()).stream().map(end -> LldpNeighbour.of(end, fleet)).toList();
    }

    List<MacEntry> macTable(MacAddress only) {
        return macTable().stream().filter(e -> e.mac().equals(only)).toList();
    }
}
