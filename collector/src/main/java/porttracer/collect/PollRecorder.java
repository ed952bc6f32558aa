package porttracer.collect;

import porttracer.config.DaemonThreads;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import porttracer.store.PollRecord;
import porttracer.store.PollStatusStore;

/**
 * Writes each poll's outcome to PostgreSQL; while PostgreSQL is unreachable the outcomes wait in
 * memory (bounded) and are written, oldest first, when it answers again, so none is lost to a
 * database restart.
 */
final class PollRecorder implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PollRecorder.class);
    private static final int MAX_WAITING = 100_000;

    private final PollStatusStore status;
    private final ConcurrentLinkedQueue<PollRecord> waiting = new ConcurrentLinkedQueue<>();
    private final AtomicInteger size = new AtomicInteger();
    private final ScheduledExecutorService flusher = DaemonThreads.scheduler("porttracer-poll-status-retry");

    PollRecorder(PollStatusStore status) {
        this.status = status;
        flusher.scheduleWithFixedDelay(this::flush, 2, 2, TimeUnit.SECONDS);
    }

    void record(PollRecord rec) {
        if (size.get() == 0) {
            try {
                status.record(rec);
                return;
            } catch (RuntimeException e) {
                LOG.atWarn().addKeyValue("switch", rec.switchId()).addKeyValue("error", e.getMessage())
                        .log("poll status not written; will retry");
            }
        }
        if (size.incrementAndGet() > MAX_WAITING) {
            size.decrementAndGet();
            LOG.atError().addKeyValue("switch", rec.switchId()).log("poll status dropped: too many waiting for PostgreSQL");
            return;
        }
        waiting.add(rec);
    }

    /** Outcomes waiting for PostgreSQL. */
    int waiting() {
        return size.get();
    }

    synchronized void flush() {
        PollRecord next;
        while ((next = waiting.peek()) != null) {
            try {
                status.record(next);
            } catch (RuntimeException e) {
                return;
            }
            waiting.poll();
            size.decrementAndGet();
        }
    }

    @Override
    public void close() {
        flusher.shutdownNow();
        flush();
    }
}
