package porttracer.index;

import porttracer.config.DaemonThreads;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import porttracer.store.PollRecord;
import porttracer.store.SwitchRecord;

/**
 * Feeds poll results to Elasticsearch, or, while it is unavailable, to an on-disk spool that is
 * replayed in order when it returns. Once anything is spooled, later results queue behind it, so
 * every MAC's changes reach the index in the order they were seen and no movement is lost;
 * replays are idempotent (conditional writes, content-derived event ids).
 */
public final class IndexFeed implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(IndexFeed.class);

    /** What became of one snapshot: applied now, or spooled for later. */
    public record Fed(LocationIndex.Applied applied, boolean spooled) {
    }

    private final LocationIndex index;
    private final PollLog pollLog;
    private final Spool spool;
    private final IntConsumer depthGauge;
    private volatile boolean spooling;
    private final ScheduledExecutorService drainer = DaemonThreads.scheduler("porttracer-spool-drain");

    private final java.util.function.Consumer<LocationIndex.Applied> onApplied;
    /** The per-port views fed from the same snapshots; null when not kept. */
    private final PortIndex ports;

    /** {@code onApplied} sees every applied snapshot, live or replayed, e.g. to evaluate alerts. */
    public IndexFeed(Elastic elastic, LocationIndex index, PollLog pollLog, Path spoolDir, int maxEntries,
                     IntConsumer depthGauge, java.util.function.Consumer<LocationIndex.Applied> onApplied)
            throws IOException {
        this(elastic, index, null, pollLog, spoolDir, maxEntries, depthGauge, onApplied);
    }

    /** As above, also keeping {@code ports} (the per-port views) from every snapshot, live or replayed. */
    public IndexFeed(Elastic elastic, LocationIndex index, PortIndex ports, PollLog pollLog, Path spoolDir,
                     int maxEntries, IntConsumer depthGauge,
                     java.util.function.Consumer<LocationIndex.Applied> onApplied) throws IOException {
        this.ports = ports;
        this.onApplied = onApplied;
        this.index = index;
        this.pollLog = pollLog;
        this.spool = new Spool(spoolDir, maxEntries, elastic.json());
        this.depthGauge = depthGauge;
        spooling = spool.size() > 0;
        depthGauge.accept(spool.size());
        drainer.scheduleWithFixedDelay(this::drainQuietly, 1, 1, TimeUnit.SECONDS);
    }

    /** Applies the snapshot, or spools it; an IOException only when the spool is full or broken too. */
    public Fed snapshot(Snapshot snap) throws IOException {
        // The common path takes no lock: polls of different switches write concurrently.
        if (!spooling) {
            try {
                LocationIndex.Applied applied = index.apply(snap, true);
                applyPorts(snap);
                notify(applied);
                return new Fed(applied, false);
            } catch (IndexRejectedException e) {
                forget(snap.sw().id());
                throw e;
            } catch (IOException | RuntimeException e) {
                LOG.atWarn().addKeyValue("switch", snap.sw().name()).addKeyValue("error", e.getMessage())
                        .log("Elasticsearch write failed; spooling");
                forget(snap.sw().id());
            }
        }
        append(SpoolEntry.of(snap));
        return new Fed(null, true);
    }

    private synchronized void append(SpoolEntry entry) throws IOException {
        spool.append(entry);
        spooling = true;
        depthGauge.accept(spool.size());
    }

    public void poll(SwitchRecord sw, PollRecord rec, int changes) throws IOException {
        if (!spooling) {
            try {
                pollLog.write(sw, rec, changes);
                return;
            } catch (IOException | RuntimeException e) {
                LOG.atWarn().addKeyValue("switch", sw.name()).addKeyValue("error", e.getMessage())
                        .log("poll record not indexed; spooling");
            }
        }
        append(SpoolEntry.of(sw, rec, changes));
    }

    /** Replays spooled entries in order until the spool is empty or Elasticsearch fails again. */
    public synchronized int drain() throws IOException {
        if (!spooling) {
            return 0;
        }
        int done = 0;
        while (true) {
            Optional<Path> next = spool.oldest();
            if (next.isEmpty()) {
                spooling = false;
                break;
            }
            SpoolEntry e = spool.read(next.get());
            try {
                if (e.poll() != null) {
                    pollLog.write(e.sw(), e.poll().record(), e.changes());
                } else {
                    Snapshot snap = e.snapshot();
                    LocationIndex.Applied applied = index.apply(snap);
                    applyPorts(snap);
                    notify(applied);
                }
            } catch (IndexRejectedException rejected) {
                // Replaying it cannot succeed; keep it aside for inspection and go on with the rest.
                LOG.atError().addKeyValue("entry", next.get().getFileName()).addKeyValue("error", rejected.getMessage())
                        .log("spooled entry refused by Elasticsearch; moved to rejected/");
                spool.reject(next.get());
                continue;
            }
            spool.remove(next.get());
            done++;
            depthGauge.accept(spool.size());
        }
        if (done > 0) {
            LOG.atInfo().addKeyValue("entries", done).log("spool replayed into Elasticsearch");
        }
        return done;
    }

    private void applyPorts(Snapshot snap) throws IOException {
        if (ports != null) {
            ports.apply(snap);
        }
    }

    private void forget(int switchId) {
        index.forget(switchId);
        if (ports != null) {
            ports.forget(switchId);
        }
    }

    private void notify(LocationIndex.Applied applied) {
        try {
            onApplied.accept(applied);
        } catch (RuntimeException e) {
            LOG.atError().addKeyValue("error", e.toString()).log("alert evaluation failed");
        }
    }

    public int spooled() throws IOException {
        return spool.size();
    }

    private void drainQuietly() {
        try {
            drain();
        } catch (IOException | RuntimeException e) {
            // Still unavailable: try again on the next tick.
        }
    }

    @Override
    public void close() {
        drainer.shutdownNow();
    }
}
