package porttracer.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import porttracer.store.AuditStore;
import porttracer.store.StoreException;

/**
 * Who did what, from where, with what result: rows of {@code audit_log}, written in batches by one
 * background thread so that a request never waits for PostgreSQL. The queue is bounded: when
 * PostgreSQL cannot keep up, entries are dropped and counted rather than piling up in memory.
 */
public final class AuditLog implements AutoCloseable {

    /** The acting user's role is not stored in the table (the user's row has it) but goes to sinks. */
    record Entry(String username, String action, String detail, String remoteAddr, String result, String role) {
    }

    /** Another destination of every row (syslog), fed without blocking the request. */
    interface Sink extends AutoCloseable {
        Sink NONE = e -> { };

        void accept(Entry entry);

        @Override
        default void close() {
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(AuditLog.class);
    private static final int BATCH = 500;
    private static final long LINGER_NANOS = 50_000_000L;

    private final AuditStore store;
    private final Sink sink;
    private final BlockingQueue<Entry> queue = new ArrayBlockingQueue<>(20_000);
    private final AtomicLong dropped = new AtomicLong();
    private final Thread writer;
    private volatile boolean closing;

    public AuditLog(DataSource db) {
        this(db, Sink.NONE);
    }

    public AuditLog(DataSource db, Sink sink) {
        this.store = new AuditStore(db);
        this.sink = sink;
        this.writer = new Thread(this::drain, "porttracer-audit");
        writer.setDaemon(true);
        writer.start();
    }

    void record(String username, String action, String detail, String remoteAddr, String result) {
        record(username, null, action, detail, remoteAddr, result);
    }

    void record(String username, Role role, String action, String detail, String remoteAddr, String result) {
        String d = detail != null && detail.length() > 1000 ? detail.substring(0, 1000) + "..." : detail;
        Entry entry = new Entry(username, action, d, remoteAddr, result, role == null ? null : role.id());
        if (!queue.offer(entry)) {
            dropped.incrementAndGet();
        }
        sink.accept(entry);
    }

    /** Newest entries first, optionally of one user and/or one action. */
    List<Map<String, Object>> page(String username, String action, int page, int size) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (AuditStore.Row r : store.page(username, action, (page - 1) * size, size)) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("at", r.at().toString());
            e.put("username", r.username());
            e.put("action", r.action());
            e.put("detail", r.detail());
            e.put("remoteAddr", r.remoteAddr());
            e.put("result", r.result());
            out.add(e);
        }
        return out;
    }

    long dropped() {
        return dropped.get();
    }

    private void drain() {
        List<Entry> batch = new ArrayList<>(BATCH);
        while (!closing || !queue.isEmpty()) {
            try {
                Entry first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                // Linger briefly so that a busy API writes one batch per 50 ms rather than one row per
                // request: at a thousand traces a second that is 20 commits instead of a thousand.
                long until = System.nanoTime() + LINGER_NANOS;
                for (long left = LINGER_NANOS; batch.size() < BATCH && left > 0 && !closing;
                     left = until - System.nanoTime()) {
                    Entry next = queue.poll(left, TimeUnit.NANOSECONDS);
                    if (next == null) {
                        break;
                    }
                    batch.add(next);
                    queue.drainTo(batch, BATCH - batch.size());
                }
                write(batch);
            } catch (InterruptedException e) {
                closing = true;
            } catch (RuntimeException e) {
                LOG.atWarn().addKeyValue("entries", batch.size()).addKeyValue("error", e.getMessage())
                        .log("audit entries not written");
            }
            batch.clear();
        }
    }

    private void write(List<Entry> batch) {
        try {
            store.insert(batch.stream().map(e -> new AuditStore.Row(null, e.username(), e.action(), e.detail(),
                    e.remoteAddr(), e.result())).toList());
        } catch (StoreException e) {
            dropped.addAndGet(batch.size());
            LOG.atWarn().addKeyValue("entries", batch.size()).addKeyValue("error", e.getMessage())
                    .log("audit entries not written");
        }
    }

    /** Writes what is queued, then stops. */
    @Override
    public void close() {
        closing = true;
        try {
            writer.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            sink.close();
        } catch (Exception e) {
            LOG.atWarn().addKeyValue("error", e.toString()).log("audit sink not closed cleanly");
        }
    }
}
