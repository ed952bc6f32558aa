package porttracer.index;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import porttracer.domain.MacAddress;
import porttracer.domain.PortInfo;
import porttracer.domain.Sighting;
import porttracer.store.SwitchRecord;

/**
 * Everything one good poll learnt about one switch, classified, at one instant: the MAC
 * sightings and, on a switch that routes, the IP of each MAC from its ARP table; {@code ports} is every
 * port its interface status listed (empty when that table was not read, e.g. for a live lookup).
 */
public record Snapshot(SwitchRecord sw, Instant polledAt, List<Sighting> sightings, Map<MacAddress, String> ips,
                       int unparsedLines, List<PortInfo> ports) {
    public Snapshot {
        sightings = List.copyOf(sightings);
        ips = Map.copyOf(ips);
        ports = ports == null ? List.of() : List.copyOf(ports);
    }

    public Snapshot(SwitchRecord sw, Instant polledAt, List<Sighting> sightings, Map<MacAddress, String> ips,
                    int unparsedLines) {
        this(sw, polledAt, sightings, ips, unparsedLines, List.of());
    }

    public Snapshot(SwitchRecord sw, Instant polledAt, List<Sighting> sightings, int unparsedLines) {
        this(sw, polledAt, sightings, Map.of(), unparsedLines);
    }
}
