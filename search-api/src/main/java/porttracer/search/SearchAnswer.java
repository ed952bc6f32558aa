package porttracer.search;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One page of the one-box search: what {@code q} was taken for, the total (counted up to the cap),
 * {@code resolved} when {@code q} was a DNS name, {@code message} when the cap was reached.
 */
record SearchAnswer(String q, List<String> kinds, int page, int size, long total, boolean capped,
                    @JsonInclude(JsonInclude.Include.NON_NULL) List<String> resolved,
                    @JsonInclude(JsonInclude.Include.NON_NULL) String message, List<TraceAnswer> results) {
}
