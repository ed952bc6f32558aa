package porttracer.search;

import java.time.Duration;
import porttracer.config.ClassifyConfig;
import porttracer.config.PollConfig;
import porttracer.config.Settings;
import porttracer.config.SshConfig;

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
 * @param classify             where a port stops being an edge (classify.*; the badges use max-edge-macs)
 * @param ssh                  SSH timeouts; one switch's live lookup gets {@link SshConfig#perSwitchBudget()}
 * @param auditSyslog          where audit rows are forwarded (audit.syslog; empty: nowhere)
 * @param auditSyslogCaFile    CA of a tls:// syslog target (audit.syslog-ca-file)
 * @param auditSyslogQueue     audit rows held for syslog before dropping (audit.syslog-queue)
 */
public record ApiConfig(int maxInFlight, int loginMaxFailures, Duration loginLockout, int liveThreads,
                        int liveQuotaPerMinute, int livePerSwitchPerMinute, Duration dnsTimeout,
                        TrustedProxies trustedProxies, ApiTls tls, DirectorySettings directory,
                        PollConfig poll, ClassifyConfig classify, SshConfig ssh,
                        String auditSyslog, String auditSyslogCaFile, int auditSyslogQueue) {

    /** Reads the API's own settings; the poll, SSH and classify records are core's, built here from the same settings. */
    public static ApiConfig from(Settings s) {
        return from(s, PollConfig.from(s), SshConfig.from(s), ClassifyConfig.from(s));
    }

    /** Reads the API's own settings and takes the records the composition root already built and checked. */
    public static ApiConfig from(Settings s, PollConfig poll, SshConfig ssh, ClassifyConfig classify) {
        return new ApiConfig(
                s.intAtLeast("api.max-in-flight", 1),
                s.intAtLeast("api.login-max-failures", 1),
                Duration.ofSeconds(s.intAtLeast("api.login-lockout-seconds", 1)),
                s.intAtLeast("api.live-threads", 1),
                s.intAtLeast("api.live-quota-per-minute", 0),
                s.intAtLeast("api.live-per-switch-per-minute", 0),
                Duration.ofMillis(s.intAtLeast("api.dns-timeout-ms", 1)),
                TrustedProxies.parse(s.get("api.trusted-proxies")),
                ApiTls.fromSettings(s),
                DirectorySettings.from(s),
                poll, classify, ssh,
                s.text("audit.syslog"),
                s.get("audit.syslog-ca-file"),
                s.intAtLeast("audit.syslog-queue", 1));
    }
}
