package porttracer.events;

import java.net.InetAddress;
import java.util.Optional;

/** Where the listeners hand a message: from a known switch and signalling a link change, it asks for a poll. */
record EventSink(EventSources sources, EventPolls polls, EventMetrics metrics) {

    /** The switch at {@code source}, or empty after counting the message as from an unknown source. */
    Optional<Integer> known(String listener, InetAddress source) {
        Optional<Integer> id = sources.switchAt(source);
        if (id.isEmpty()) {
            metrics.received(listener, EventMetrics.Result.UNKNOWN_SOURCE);
        }
        return id;
    }

    void result(String listener, EventMetrics.Result result) {
        metrics.received(listener, result);
    }

    /** A link change on {@code port} (null: not named). */
    void linkChange(String listener, int switchId, String port) {
        metrics.received(listener, EventMetrics.Result.ACCEPTED);
        polls.request(switchId, port);
    }
}
