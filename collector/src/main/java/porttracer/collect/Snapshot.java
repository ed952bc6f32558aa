package porttracer.collect;

import java.time.Instant;
import java.util.List;
import porttracer.domain.Sighting;
import porttracer.store.SwitchRecord;

/** Everything one good poll learnt about one switch, classified, at one instant. */
public record Snapshot(SwitchRecord sw, Instant polledAt, List<Sighting> sightings, int unparsedLines) {
    public Snapshot {
        sightings = List.copyOf(sightings);
    }
}
