package porttracer.collect;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import porttracer.domain.MacAddress;
import porttracer.domain.Sighting;
import porttracer.store.SwitchRecord;

/**
 * Everything one good poll learnt about one switch, classified, at one instant: the MAC
 * sightings and, on a switch that routes, the IP of each MAC from its ARP table.
 */
public record Snapshot(SwitchRecord sw, Instant polledAt, List<Sighting> sightings, Map<MacAddress, String> ips,
                       int unparsedLines) {
    public Snapshot {
        sightings = List.copyOf(sightings);
        ips = Map.copyOf(ips);
    }

    public Snapshot(SwitchRecord sw, Instant polledAt, List<Sighting> sightings, int unparsedLines) {
        this(sw, polledAt, sightings, Map.of(), unparsedLines);
    }
}
