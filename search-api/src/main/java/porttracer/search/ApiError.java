package porttracer.search;

import java.util.Map;

/** An error answered as JSON {@code {"error": ..., ...}} with its HTTP status. */
final class ApiError extends RuntimeException {

    final int status;
    final Map<String, Object> extra;

    ApiError(int status, String message, Map<String, Object> extra) {
        super(message, null, false, false);
        this.status = status;
        this.extra = extra;
    }

    ApiError(int status, String message) {
        this(status, message, Map.of());
    }
}
