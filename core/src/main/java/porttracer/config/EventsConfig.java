package porttracer.config;

import java.time.Duration;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Switch events ({@code trap.*}, {@code syslog.*}, {@code events.*}): the listen addresses (empty: off, parsed
 * by the listeners), the one SNMP community accepted, extra source addresses, the delay from an event to its
 * poll, the debounce window per switch, and the syslog pattern of a link change.
 */
public record EventsConfig(String trapListen, String syslogListen, String trapCommunity, String sources,
                           Duration delay, Duration debounce, Pattern syslogPattern) {

    public static EventsConfig from(Settings s) {
        Pattern pattern;
        try {
            pattern = Pattern.compile(s.text("syslog.pattern"));
        } catch (PatternSyntaxException e) {
            throw new StartupException("PORTTRACER_SYSLOG_PATTERN is not a Java regular expression: " + e.getDescription(), e);
        }
        return new EventsConfig(s.text("trap.listen"), s.text("syslog.listen"), s.get("trap.community"),
                s.text("events.sources"), s.secondsAtLeast("events.delay-seconds", Duration.ZERO),
                s.secondsAtLeast("events.debounce-seconds", Duration.ZERO), pattern);
    }

    /** Neither listener is asked for. */
    public boolean off() {
        return trapListen.isEmpty() && syslogListen.isEmpty();
    }

    @Override
    public String toString() {
        return "EventsConfig[trapListen=" + trapListen + ", syslogListen=" + syslogListen + ", trapCommunity="
                + (trapCommunity.isEmpty() ? "" : "***") + ", sources=" + sources + ", delay=" + delay
                + ", debounce=" + debounce + ", syslogPattern=" + syslogPattern + "]";
    }
}
