package porttracer.index;

import java.io.IOException;

/**
 * Elasticsearch answered and refused a document (a mapping conflict, say): unlike an outage,
 * retrying the same write cannot succeed, so it is reported instead of spooled.
 */
public final class IndexRejectedException extends IOException {
    public IndexRejectedException(String message) {
        super(message);
    }
}
