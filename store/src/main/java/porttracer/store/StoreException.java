package porttracer.store;

/** PostgreSQL could not be read or written; the message says what was being done, never with what secrets. */
public final class StoreException extends RuntimeException {
    public StoreException(String doing, Throwable cause) {
        super(doing + ": " + cause.getMessage(), cause);
    }
}
