package porttracer.config;

import java.time.Duration;

/**
 * How the collector speaks SSH to switches ({@code ssh.*}): timeouts, the session caps per switch and in all,
 * idle sessions kept and for how long, and the least gap between two commands to one switch.
 */
public record SshConfig(Duration connectTimeout, Duration commandTimeout, int maxSessionsPerSwitch, int maxSessions,
                        Duration idleTimeout, int maxIdleSessions, Duration minCommandInterval) {

    public static SshConfig from(Settings s) {
        return new SshConfig(s.secondsAtLeast("ssh.connect-timeout", Duration.ofMillis(1)),
                s.secondsAtLeast("ssh.command-timeout", Duration.ofMillis(1)),
                s.intAtLeast("ssh.max-sessions-per-switch", 1), s.intAtLeast("ssh.max-sessions", 1),
                s.secondsAtLeast("ssh.idle-timeout", Duration.ZERO), s.intAtLeast("ssh.max-idle-sessions", 0),
                Duration.ofMillis(s.intAtLeast("ssh.min-command-interval-ms", 0)));
    }

    /** The longest one command to a switch may take: connecting, then its answer (a live lookup's budget). */
    public Duration perSwitchBudget() {
        return connectTimeout.plus(commandTimeout);
    }
}
