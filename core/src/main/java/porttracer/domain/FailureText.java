package porttracer.domain;

import java.io.EOFException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.util.regex.Pattern;

/**
 * A failure as users read it (a switch's status, an alert delivery): the deepest useful message, without
 * Java class names. Libraries such as sshj wrap a cause as its {@code toString()} ("java.net.SocketException:
 * Connection reset"), which would show internals on the page and in the API; the full exception still goes
 * to the log.
 */
public final class FailureText {

    /** A qualified class name ("java.net.SocketException") or a bare exception name, with its ": ". */
    private static final Pattern CLASS_NAME = Pattern.compile(
            "\\b(?:[a-z_$][\\w$]*\\.)+[A-Z][\\w$]*(?::\\s*)?|\\b[A-Z][\\w$]*Exception\\b(?::\\s*)?");
    private static final int MAX_CHARS = 300;

    private FailureText() {
    }

    public static String of(Throwable e) {
        String best = null;
        for (Throwable t = e; t != null && best == null; t = t.getCause() == t ? null : t.getCause()) {
            String m = t.getMessage() == null ? "" : CLASS_NAME.matcher(t.getMessage()).replaceAll("").strip();
            if (!m.isEmpty()) {
                best = m;
            }
        }
        if (best == null) {
            best = kind(deepest(e));
        }
        return best.length() > MAX_CHARS ? best.substring(0, MAX_CHARS) + "..." : best;
    }

    private static Throwable deepest(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    /** A message-less failure named by its kind, in words. */
    private static String kind(Throwable t) {
        if (t instanceof EOFException) {
            return "connection closed by the peer";
        }
        if (t instanceof SocketTimeoutException) {
            return "timed out";
        }
        if (t instanceof SocketException) {
            return "connection lost";
        }
        // "IllegalStateException" -> "illegal state"
        String words = t.getClass().getSimpleName().replaceAll("(Exception|Error)$", "")
                .replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT).strip();
        return words.isEmpty() ? "unexpected failure" : "unexpected failure: " + words;
    }
}
