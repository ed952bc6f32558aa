package porttracer.store;

/** How one poll of one switch ended. SSH: the handshake failed (no common algorithm, e.g. legacy-only firmware). */
public enum PollOutcome {
    OK, TIMEOUT, AUTH, HOSTKEY, REFUSED, PARSE, ERROR, SSH;

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
