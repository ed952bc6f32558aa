package porttracer.events;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

/** Prometheus metrics of the event listeners and the polls they trigger, registered once per registry. */
public final class EventMetrics {

    /** What became of one received message. */
    public enum Result { ACCEPTED, IGNORED, UNKNOWN_SOURCE, MALFORMED, REFUSED }

    private final Counter received;
    private final Counter polls;

    public EventMetrics(PrometheusRegistry registry) {
        received = Counter.builder().name("porttracer_switch_events_total")
                .help("Switch messages received by listener (trap, syslog) and result (accepted: triggers a poll; "
                        + "ignored: no link change; unknown_source, malformed, refused: dropped)")
                .labelNames("listener", "result").register(registry);
        polls = Counter.builder().name("porttracer_event_polls_total")
                .help("Event-driven poll requests by result (scheduled, debounced: folded into a pending poll, failed)")
                .labelNames("result").register(registry);
    }

    void received(String listener, Result result) {
        received.labelValues(listener, result.name().toLowerCase(java.util.Locale.ROOT)).inc();
    }

    /** Messages of {@code listener} with {@code result} so far (tests and benches read it). */
    public long count(String listener, Result result) {
        return (long) received.labelValues(listener, result.name().toLowerCase(java.util.Locale.ROOT)).get();
    }

    void poll(String result) {
        polls.labelValues(result).inc();
    }

    public long polls(String result) {
        return (long) polls.labelValues(result).get();
    }
}
