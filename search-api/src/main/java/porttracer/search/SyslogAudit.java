package porttracer.search;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.net.InetAddress;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import porttracer.config.Settings;

/**
 * Forwards every audit row to syslog ({@code PORTTRACER_AUDIT_SYSLOG}) from one background thread.
 * A request only offers to a bounded queue: a syslog server that is down or slow never slows it;
 * what does not fit is dropped, counted in {@code porttracer_audit_syslog_dropped_total} and logged
 * at most once a minute.
 */
final class SyslogAudit implements AuditLog.Sink {

    private record Pending(AuditLog.Entry entry, Instant at) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(SyslogAudit.class);
    private static final long REPORT_NANOS = 60_000_000_000L;
    private static final long MAX_BACKOFF_MS = 10_000;

    private final SyslogTarget target;
    private final SyslogTransport transport;
    private final Rfc5424 format;
    private final BlockingQueue<Pending> queue;
    private final Counter sent;
    private final Counter dropped;
    private final Thread sender;
    private volatile boolean closing;
    private long droppedReported;
    private long lastReportNanos = System.nanoTime() - REPORT_NANOS;
    private long lastErrorNanos = System.nanoTime() - REPORT_NANOS;

    private SyslogAudit(SyslogTarget target, SSLContext tls, int capacity, PrometheusRegistry registry) {
        this.target = target;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.transport = new SyslogTransport(target, tls);
        this.format = new Rfc5424(hostname(), ProcessHandle.current().pid());
        this.sent = Counter.builder().name("porttracer_audit_syslog_sent_total")
                .help("Audit rows sent to syslog").register(registry);
        this.dropped = Counter.builder().name("porttracer_audit_syslog_dropped_total")
                .help("Audit rows not sent to syslog: its queue was full (syslog down or slow)").register(registry);
        GaugeWithCallback.builder().name("porttracer_audit_syslog_queue").help("Audit rows waiting for syslog")
                .callback(g -> g.call(queue.size())).register(registry);
        this.sender = new Thread(this::run, "porttracer-audit-syslog");
        sender.setDaemon(true);
        sender.start();
    }

    /** The sink configured by {@code audit.syslog}, or none when it is empty. */
    static AuditLog.Sink from(ApiConfig config, PrometheusRegistry registry) {
        String url = config.auditSyslog();
        if (url.isBlank()) {
            return AuditLog.Sink.NONE;
        }
        SyslogTarget target = SyslogTarget.parse(url);
        SSLContext tls = null;
        if (target.protocol().equals("tls")) {
            try {
                tls = TlsTrust.context(config.auditSyslogCaFile());
            } catch (GeneralSecurityException e) {
                throw new IllegalArgumentException(Settings.envName("audit.syslog-ca-file") + ": " + e.getMessage(), e);
            }
        }
        LOG.atInfo().addKeyValue("target", target).log("audit rows are forwarded to syslog");
        return new SyslogAudit(target, tls, config.auditSyslogQueue(), registry);
    }

    @Override
    public void accept(AuditLog.Entry entry) {
        if (closing || !queue.offer(new Pending(entry, Instant.now()))) {
            dropped.inc();
        }
    }

    private void run() {
        Pending next = null;
        long backoffMs = 0;
        long closeBy = Long.MAX_VALUE;
        while (true) {
            if (closing && closeBy == Long.MAX_VALUE) {
                closeBy = System.nanoTime() + 3_000_000_000L;
            }
            if ((closing && queue.isEmpty() && next == null) || System.nanoTime() - closeBy > 0) {
                break;
            }
            reportDrops();
            try {
                if (next == null) {
                    next = queue.poll(1, TimeUnit.SECONDS);
                    if (next == null) {
                        continue;
                    }
                }
                transport.send(format.format(next.entry(), next.at()));
                sent.inc();
                next = null;
                backoffMs = 0;
            } catch (IOException e) {
                // Keep the row and retry after a growing pause; meanwhile new rows fill the queue or are dropped.
                backoffMs = Math.min(MAX_BACKOFF_MS, Math.max(200, backoffMs * 2));
                reportError(e);
                try {
                    Thread.sleep(backoffMs);
                } catch (InterruptedException ie) {
                    break;
                }
            } catch (InterruptedException e) {
                break;
            }
        }
        long lost = queue.size() + (next == null ? 0 : 1);
        dropped.inc(lost);
        transport.close();
    }

    private void reportDrops() {
        long now = System.nanoTime();
        if (now - lastReportNanos < REPORT_NANOS) {
            return;
        }
        long total = (long) dropped.get();
        if (total > droppedReported) {
            LOG.atWarn().addKeyValue("target", target).addKeyValue("dropped", total - droppedReported)
                    .addKeyValue("droppedTotal", total).log("audit rows dropped: syslog queue full");
            droppedReported = total;
        }
        lastReportNanos = now;
    }

    private void reportError(IOException e) {
        long now = System.nanoTime();
        if (now - lastErrorNanos >= REPORT_NANOS) {
            LOG.atWarn().addKeyValue("target", target).addKeyValue("error", e.toString())
                    .log("syslog unreachable; audit rows wait in the queue");
            lastErrorNanos = now;
        }
    }

    private static String hostname() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "-";
        }
    }

    @Override
    public void close() {
        closing = true;
        try {
            sender.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
