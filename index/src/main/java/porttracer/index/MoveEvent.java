package porttracer.index;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** An appeared / moved / disappeared event of one MAC, as stored in {@code porttracer-events}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MoveEvent(@JsonProperty("@timestamp") String timestamp, String kind, String mac, String oui,
                        String vendor, Integer vlan, Place from, Place to) {

    /** {@code portKey} (canonical port name) lets a port's history be found whatever spelling was printed. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Place(int switchId, String switchName, String site, String floor, String port, int vlan,
                        String portKey) {
        static Place of(LocationDoc.EdgeDoc e) {
            return e == null ? null : new Place(e.switchId(), e.switchName(), e.site(), e.floor(), e.port(), e.vlan(),
                    e.portKey());
        }
    }
}
