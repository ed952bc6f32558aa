package porttracer.store;

/** How one poll of one switch ended. */
public enum PollOutcome {
    OK, TIMEOUT, AUTH, HOSTKEY, REFUSED, PARSE, ERROR;

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
