package porttracer.index;

import java.util.List;
import porttracer.domain.MacAddress;
import porttracer.domain.Sighting;
import porttracer.store.PollOutcome;
import porttracer.store.SwitchRecord;

/**
 * Asks one switch, live, where it sees one MAC and folds the answer into the index: the API's live traces
 * call it, the collector implements it over SSH, so that the API needs no SSH or scheduler code.
 */
public interface LiveLookup {

    /** What one switch said about one MAC. */
    record Result(SwitchRecord sw, MacAddress mac, PollOutcome outcome, String error, List<Sighting> sightings,
                  long durationMs) {
    }

    Result verify(SwitchRecord sw, MacAddress mac);
}
