package porttracer.search;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** One page of a MAC's appeared / moved / disappeared events, newest first. */
record HistoryAnswer(String mac, int page, int size, long total, List<Event> events) {

    /** {@code from} is null when the MAC appeared, {@code to} when it disappeared. */
    record Event(String at, String kind, Integer vlan, Place from, Place to) {
    }

    /** An edge place: events record no other. */
    record Place(@JsonProperty("switch") SwitchRef sw, String port, int vlan, boolean edge) {
    }
}
