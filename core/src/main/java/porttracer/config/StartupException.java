package porttracer.config;

/**
 * A setting that keeps a node from starting (wrong password, untrusted certificate...): its message is the
 * one line the operator reads, naming the setting to fix; the launcher prints it without a stack trace.
 */
public final class StartupException extends RuntimeException {

    public StartupException(String message, Throwable cause) {
        super(message, cause);
    }

    public StartupException(String message) {
        super(message);
    }
}
