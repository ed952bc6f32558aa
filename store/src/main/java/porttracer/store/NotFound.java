package porttracer.store;

/** The row a change names does not exist: the API answers 404. */
public final class NotFound extends RuntimeException {
    public NotFound(String message) {
        super(message);
    }
}
