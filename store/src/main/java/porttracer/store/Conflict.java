package porttracer.store;

/** A write would break a rule of the stored data (a name taken, a row still referenced): the API answers 409. */
public final class Conflict extends RuntimeException {
    public Conflict(String message) {
        super(message);
    }
}
