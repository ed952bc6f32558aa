package porttracer.events;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.quartz.Scheduler;
import porttracer.config.DaemonThreads;
import porttracer.config.EventsConfig;
import porttracer.store.Inventory;

/** A collector node's switch-event listeners (SNMP traps, syslog), each on when its listen address is set. */
public final class EventListeners implements AutoCloseable {

    private final EventMetrics metrics;
    private ScheduledExecutorService refresh;
    private TrapReceiver traps;
    private SyslogReceiver syslog;

    private EventListeners(EventMetrics metrics) {
        this.metrics = metrics;
    }

    /** Starts what {@code trap.listen} and {@code syslog.listen} ask for (nothing when both are empty). */
    public static EventListeners start(EventsConfig config, DataSource db, Inventory inventory, Scheduler scheduler,
                                       PrometheusRegistry registry) throws IOException {
        EventMetrics metrics = new EventMetrics(registry);
        EventListeners l = new EventListeners(metrics);
        Optional<InetSocketAddress> trapAt = ListenAddress.parse("PORTTRACER_TRAP_LISTEN", config.trapListen());
        Optional<InetSocketAddress> syslogAt = ListenAddress.parse("PORTTRACER_SYSLOG_LISTEN", config.syslogListen());
        if (trapAt.isEmpty() && syslogAt.isEmpty()) {
            return l;
        }
        EventSources sources = new EventSources(inventory, config.sources());
        sources.refresh();
        ScheduledExecutorService refresh = DaemonThreads.scheduler("porttracer-event-sources");
        l.refresh = refresh;
        refresh.scheduleWithFixedDelay(() -> {
            try {
                sources.refresh();
            } catch (RuntimeException e) {
                // PostgreSQL away: keep the addresses known so far; retried at the next tick.
            }
        }, 15, 15, TimeUnit.SECONDS);
        EventPolls polls = new EventPolls(db, scheduler, config.delay(), config.debounce(), metrics);
        EventSink sink = new EventSink(sources, polls, metrics);
        try {
            if (trapAt.isPresent()) {
                l.traps = TrapReceiver.start(trapAt.get(), sink, config.trapCommunity());
            }
            if (syslogAt.isPresent()) {
                l.syslog = SyslogReceiver.start(syslogAt.get(), sink, new SyslogLine(config.syslogPattern()));
            }
        } catch (IOException | RuntimeException e) {
            l.close();
            throw e;
        }
        return l;
    }

    public EventMetrics metrics() {
        return metrics;
    }

    /** The trap receiver's UDP port, if on. */
    public Optional<Integer> trapPort() {
        return Optional.ofNullable(traps).map(TrapReceiver::port);
    }

    /** The syslog receiver's UDP port, if on. */
    public Optional<Integer> syslogUdpPort() {
        return Optional.ofNullable(syslog).map(SyslogReceiver::udpPort);
    }

    /** The syslog receiver's TCP port, if on (the UDP one unless the setting asked for port 0). */
    public Optional<Integer> syslogTcpPort() {
        return Optional.ofNullable(syslog).map(SyslogReceiver::tcpPort);
    }

    @Override
    public void close() {
        if (traps != null) {
            traps.close();
        }
        if (syslog != null) {
            syslog.close();
        }
        if (refresh != null) {
            refresh.shutdownNow();
        }
    }
}
