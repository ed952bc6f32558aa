package porttracer.events;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One syslog message's text: it must open with a PRI ({@code <0>}..{@code <191>}, RFC 5424 §6.2.1
 * and RFC 3164 §4.1.1), else it is malformed; it signals a link change when the configured pattern
 * ({@code syslog.pattern}) is found in it.
 */
final class SyslogLine {

    /** Dropped: not a syslog message. */
    static final int MALFORMED = -1;
    /** A syslog message, but no link change. */
    static final int IGNORED = 0;
    /** A link change. */
    static final int LINK_CHANGE = 1;

    private final Pattern linkChange;

    SyslogLine(Pattern linkChange) {
        this.linkChange = linkChange;
    }

    // A Dell interface name closing the message: "Gi1/0/5" (OS6), "Te 0/1" (OS9), "ethernet1/1/5" (OS10).
    private static final Pattern TRAILING_PORT = Pattern.compile("([A-Za-z][A-Za-z-]*\\s?\\d+(?:/\\d+)+(?::\\d+)?)\\s*$");

    /** The interface a link-change line names at its end (as the Dell lines do), or null. */
    String port(CharSequence message) {
        Matcher m = TRAILING_PORT.matcher(message);
        return m.find() ? m.group(1) : null;
    }

    int classify(CharSequence message) {
        int n = message.length();
        if (n < 3 || message.charAt(0) != '<') {
            return MALFORMED;
        }
        int i = 1;
        int pri = 0;
        while (i < n && i <= 4 && Character.isDigit(message.charAt(i))) {
            pri = pri * 10 + (message.charAt(i) - '0');
            i++;
        }
        if (i == 1 || i > 4 || i >= n || message.charAt(i) != '>' || pri > 191 || (message.charAt(1) == '0' && i > 2)) {
            return MALFORMED;
        }
        return linkChange.matcher(message).find() ? LINK_CHANGE : IGNORED;
    }
}
