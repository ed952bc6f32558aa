package porttracer.search;

import java.time.Duration;
import porttracer.config.PollConfig;
import porttracer.config.Settings;
import porttracer.config.StartupException;

/**
 * What the API is configured with, read once at start from {@link Settings} and checked there, so that a bad
 * value stops the start with a message naming its environment variable rather than failing a request later.
 *
 * @param maxInFlight          API requests served at once before new ones get 503 (api.max-in-flight)
 * @param loginMaxFailures     failed logins of one user from one address before a wait (api.login-max-failures)
 * @param loginLockout         the first wait's length (api.login-lockout-seconds)
 * @param liveThreads          live lookups running at once (api.live-threads)
 * @param liveQuotaPerMinute   forced live lookups per minute of a user below netadmin (api.live-quota-per-minute)
 * @param livePerSwitchPerMinute live lookups per minute of one switch (api.live-per-switch-per-minute)
 * @param dnsTimeout           bound on resolving a searched host name (api.dns-timeout-ms)
 * @param trustedProxies       whose X-Forwarded-For names the client (api.trusted-proxies)
 * @param tls                  HTTPS from PEM files, or null for plain HTTP (api.tls-cert-file, api.tls-key-file)
 * @param directory            directory (LDAP) login (ldap.*)
 * @param poll                 the poll schedule, for staleness (poll.interval, stale.intervals)
 * @param maxEdgeMacs          more MACs than this on a port make it an uplink (classify.max-edge-macs)
 * @param livePerSwitchTimeout one switch's live lookup: SSH connect plus command (ssh.connect-timeout + ssh.command-timeout)
 * @param auditSyslog          where audit rows are forwarded (audit.syslog; empty: nowhere)
 * @param auditSyslogCaFile    CA of a tls:// syslog target (audit.syslog-ca-file)
 * @param auditSyslogQueue     audit rows held for syslog before dropping (audit.syslog-queue)
 */
public record ApiConfig(int maxInFlight, int loginMaxFailures, Duration loginLockout, int liveThreads,
                        int liveQuotaPerMinute, int livePerSwitchPerMinute, Duration dnsTimeout,
                        TrustedProxies trustedProxies, ApiTls tls, DirectorySettings directory,
                        PollConfig poll, int maxEdgeMacs, Duration livePerSwitchTimeout,
                        String auditSyslog, String auditSyslogCaFile, int auditSyslogQueue) {

    public static ApiConfig from(Settings s) {
        return new ApiConfig(
                atLeast(s, "api.max-in-flight", 1),
                atLeast(s, "api.login-max-failures", 1),
                Duration.ofSeconds(atLeast(s, "api.login-lockout-seconds", 1)),
                atLeast(s, "api.live-threads", 1),
                atLeast(s, "api.live-quota-per-minute", 0),
                atLeast(s, "api.live-per-switch-per-minute", 0),
                Duration.ofMillis(atLeast(s, "api.dns-timeout-ms", 1)),
                TrustedProxies.parse(s.get("api.trusted-proxies")),
                ApiTls.fromSettings(s),
                DirectorySettings.from(s),
                PollConfig.from(s),
                atLeast(s, "classify.max-edge-macs", 1),
                seconds(s, "ssh.connect-timeout").plus(seconds(s, "ssh.command-timeout")),
                s.get("audit.syslog").strip(),
                s.get("audit.syslog-ca-file"),
                atLeast(s, "audit.syslog-queue", 1));
    }

    /** The setting as a whole number of at least {@code min}; otherwise the start stops naming the variable. */
    private static int atLeast(Settings s, String key, int min) {
        String raw = s.get(key);
        try {
            int n = Integer.parseInt(raw.strip());
            if (n >= min) {
                return n;
            }
        } catch (NumberFormatException e) {
            // Reported below.
        }
        throw new StartupException(Settings.envName(key) + " must be a whole number of at least " + min + ", got \""
                + raw + "\"");
    }

    /** A positive number of seconds, fractions allowed (as {@link Settings#getSeconds}). */
    private static Duration seconds(Settings s, String key) {
        String raw = s.get(key);
        try {
            Duration d = Duration.ofMillis(Math.round(Double.parseDouble(raw.strip()) * 1000));
            if (d.toMillis() > 0) {
                return d;
            }
        } catch (NumberFormatException e) {
            // Reported below.
        }
        throw new StartupException(Settings.envName(key) + " must be a positive number of seconds, got \"" + raw + "\"");
    }
}
