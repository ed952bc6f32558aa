package porttracer.search;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * One place a MAC is seen, as a role may see it: {@code lastSeen} and {@code staleReason} are null
 * when unknown or fresh; port details, {@code macsOnPort} and {@code badges} (edge only) are left out
 * when there are none.
 */
record LocationView(@JsonProperty("switch") SwitchRef sw, String port, String portKey, int vlan, boolean edge,
                    String reason, String firstSeen, String lastSeen, boolean stale, String staleReason,
                    @JsonInclude(JsonInclude.Include.NON_NULL) String description,
                    @JsonInclude(JsonInclude.Include.NON_NULL) String mode,
                    @JsonInclude(JsonInclude.Include.NON_NULL) Integer pvid,
                    @JsonInclude(JsonInclude.Include.NON_NULL) List<String> members,
                    @JsonInclude(JsonInclude.Include.NON_NULL) String allowedVlans,
                    @JsonInclude(JsonInclude.Include.NON_NULL) Integer macsOnPort,
                    @JsonInclude(JsonInclude.Include.NON_NULL) List<Badge> badges) {
}
