package porttracer.search;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * Where one MAC is: its locations edge first; {@code found} only in a batch, {@code lastKnownEdge}
 * when the MAC is no longer on its edge port, {@code liveCheck} when switches were asked.
 */
record TraceAnswer(@JsonInclude(JsonInclude.Include.NON_NULL) Boolean found, String mac, String oui, String vendor,
                   List<String> ips, boolean present, String firstSeen, String lastChanged,
                   List<LocationView> locations, boolean stale,
                   @JsonInclude(JsonInclude.Include.NON_NULL) LastKnownEdge lastKnownEdge,
                   @JsonInclude(JsonInclude.Include.NON_NULL) LiveCheck liveCheck) implements BatchItem {

    /** The edge port a MAC was last plugged into, while it is only seen on uplinks or nowhere. */
    record LastKnownEdge(@JsonProperty("switch") SwitchRef sw, String port, int vlan, boolean edge, String since) {
    }

    /** What asking the switches live did; each switch's result only for roles that see uplinks. */
    record LiveCheck(String at, boolean forced, int switches, long failed,
                     @JsonInclude(JsonInclude.Include.NON_NULL) List<Result> results) {
    }

    /** One switch's live answer. */
    record Result(@JsonProperty("switch") String sw, String outcome, String error, long durationMs) {
    }

    TraceAnswer inBatch() {
        return new TraceAnswer(true, mac, oui, vendor, ips, present, firstSeen, lastChanged, locations, stale,
                lastKnownEdge, liveCheck);
    }

    TraceAnswer withLiveCheck(LiveCheck check) {
        return new TraceAnswer(found, mac, oui, vendor, ips, present, firstSeen, lastChanged, locations, stale,
                lastKnownEdge, check);
    }
}
