package porttracer.collect;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

/** The collector's Prometheus metrics, registered once per registry. */
public final class Metrics {

    final Histogram pollDuration;
    final Counter polls;
    final Counter macEvents;
    final Counter docsWritten;
    final Histogram esWrite;
    final Gauge sessionsOpen;
    final Gauge sessionsInUse;
    private final Gauge spoolDepth;
    final Gauge pollLag;
    final Counter sshLogins;
    final Counter eventPolls;

    private volatile java.util.function.IntSupplier pollsQueued = () -> 0;

    /** The scheduled polls waiting on this node for a poll thread. */
    void pollsQueued(java.util.function.IntSupplier queued) {
        this.pollsQueued = queued;
    }

    /** For the index feed, which lives in another package. */
    public void spoolDepth(int entries) {
        spoolDepth.set(entries);
    }

    public Metrics(PrometheusRegistry registry) {
        pollDuration = Histogram.builder().name("porttracer_poll_duration_seconds")
                .help("Time to poll one switch: connect, commands, parse, index").labelNames("platform")
                .classicUpperBounds(0.25, 0.5, 1, 2, 5, 10, 20, 30, 60, 120).register(registry);
        polls = Counter.builder().name("porttracer_polls_total").help("Polls by outcome")
                .labelNames("outcome").register(registry);
        macEvents = Counter.builder().name("porttracer_mac_events_total")
                .help("MAC movement events detected, by kind (appeared, moved, disappeared)").labelNames("kind")
                .register(registry);
        docsWritten = Counter.builder().name("porttracer_macs_indexed_total")
                .help("MAC location documents written to Elasticsearch").register(registry);
        esWrite = Histogram.builder().name("porttracer_es_write_seconds")
                .help("Time to fold one poll into Elasticsearch").register(registry);
        sessionsOpen = Gauge.builder().name("porttracer_ssh_sessions_open").help("SSH sessions open to switches")
                .register(registry);
        sessionsInUse = Gauge.builder().name("porttracer_ssh_sessions_in_use")
                .help("SSH sessions running commands now").register(registry);
        spoolDepth = Gauge.builder().name("porttracer_spool_snapshots")
                .help("Poll snapshots waiting on disk for Elasticsearch").register(registry);
        sshLogins = Counter.builder().name("porttracer_ssh_logins_total")
                .help("SSH sessions opened, by auth method and enable step (not-needed, ok, refused)")
                .labelNames("method", "enable").register(registry);
        eventPolls = Counter.builder().name("porttracer_event_polls_by_scope_total")
                .help("Polls for an event naming a port: the port's MAC table alone (port) or the whole switch (switch)")
                .labelNames("scope").register(registry);
        pollLag = Gauge.builder().name("porttracer_poll_lag_seconds")
                .help("How late the last poll started behind its schedule").register(registry);
        GaugeWithCallback.builder().name("porttracer_polls_queued")
                .help("Scheduled polls waiting on this node for a poll thread (a node behind its schedule)")
                .callback(g -> g.call(pollsQueued.getAsInt())).register(registry);
    }
}
