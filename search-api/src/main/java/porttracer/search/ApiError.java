package porttracer.search;

import java.util.Map;

/** An error answered as JSON {@code {"error": ..., ...}} with its HTTP status. */
final class ApiError extends RuntimeException {

    final int status;
    final Map<String, Object> extra;
    /** Seconds for a Retry-After header, or 0 for none. */
    final long retryAfter;

    ApiError(int status, String message, Map<String, Object> extra, long retryAfter) {
        super(message, null, false, false);
        this.status = status;
        this.extra = extra;
        this.retryAfter = retryAfter;
    }

    ApiError(int status, String message, Map<String, Object> extra) {
        this(status, message, extra, 0);
    }

    ApiError(int status, String message) {
        this(status, message, Map.of(), 0);
    }
}
