package porttracer.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.MgetResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.mget.MultiGetResponseItem;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.ReentrantLock;
import porttracer.domain.MacAddress;
import porttracer.domain.Sighting;

/**
 * Writes location documents and their events: reads the current documents (mget), folds into each every
 * pending snapshot that changed it, and writes it once (bulk), conditional on its sequence number so that
 * nodes polling different switches never overwrite each other; conflicts are read again and retried.
 * Snapshots that arrive while a write is in flight wait and go together in the next one (group commit):
 * the switches of a site all see the site's MACs, and a MAC's document is written once for all of them.
 */
final class LocationWriter {

    private static final int BATCH = 1_000;
    private static final int MAX_ATTEMPTS = 30;
    /** A batch that holds fewer snapshots than a site has switches waits up to this long for the rest. */
    private static final int SITE_SNAPSHOTS = 8;
    private static final long LINGER_MS = 250;
    private static final long LINGER_STEP_MS = 25;

    /** One snapshot's changed MACs, waiting to be written; its outcome is filled in by whoever writes it. */
    static final class Pending {
        final Snapshot snap;
        final List<MacAddress> macs;
        final Map<MacAddress, List<Sighting>> byMac;
        /** A poll just ended: worth a short wait for its site's other switches, which were polled at the same instant. */
        final boolean awaitSite;
        final List<MoveEvent> events = new ArrayList<>();
        int written;
        boolean done;
        IOException failure;
        IndexRejectedException rejected;

        Pending(Snapshot snap, List<MacAddress> macs, Map<MacAddress, List<Sighting>> byMac, boolean awaitSite) {
            this.snap = snap;
            this.macs = macs;
            this.byMac = byMac;
            this.awaitSite = awaitSite;
        }
    }

    private final ElasticsearchClient es;
    private final Elastic elastic;
    private final LocationMerge merge;
    private final ConcurrentLinkedQueue<Pending> queue = new ConcurrentLinkedQueue<>();
    // One writer at a time on this node: the snapshots queued behind it are its next batch.
    private final ReentrantLock writer = new ReentrantLock();

    LocationWriter(Elastic elastic, LocationMerge merge) {
        this.es = elastic.client();
        this.elastic = elastic;
        this.merge = merge;
    }

    /** Writes what {@code p} changed, together with whatever else is queued; returns once it is written. */
    Pending write(Pending p) throws IOException {
        if (p.macs.isEmpty()) {
            return p;
        }
        queue.add(p);
        writer.lock();
        try {
            if (!p.done) {
                if (p.awaitSite) {
                    linger();
                }
                List<Pending> batch = new ArrayList<>();
                for (Pending q; (q = queue.poll()) != null; ) {
                    batch.add(q);
                }
                writeBatch(batch);
            }
        } finally {
            writer.unlock();
        }
        if (p.failure != null) {
            throw p.failure;
        }
        if (p.rejected != null) {
            throw p.rejected;
        }
        return p;
    }

    /** Waits, briefly and only while the writer would otherwise idle, for the snapshots of the same site. */
    private void linger() {
        try {
            for (long waited = 0; waited < LINGER_MS && queue.size() < SITE_SNAPSHOTS; waited += LINGER_STEP_MS) {
                Thread.sleep(LINGER_STEP_MS);
            }
        } catch (InterruptedException e) {
            // Stop waiting and write what is queued; the flag stays set for the caller.
            Thread.currentThread().interrupt();
        }
    }

    private void writeBatch(List<Pending> batch) {
        // Each MAC with the snapshots that changed it, in the order they arrived.
        Map<MacAddress, List<Pending>> byMac = new LinkedHashMap<>();
        for (Pending p : batch) {
            for (MacAddress mac : p.macs) {
                byMac.computeIfAbsent(mac, m -> new ArrayList<>(2)).add(p);
            }
        }
        List<MacAddress> macs = new ArrayList<>(byMac.keySet());
        try {
            for (int from = 0; from < macs.size(); from += BATCH) {
                writeChunk(macs.subList(from, Math.min(macs.size(), from + BATCH)), byMac);
            }
        } catch (IOException e) {
            // Some documents may be written: a replay of the spooled snapshots folds to the same documents.
            // A refusal in a shared batch is not pinned on all of them: replayed one by one, only its own fails.
            IOException each = e instanceof IndexRejectedException && batch.size() > 1
                    ? new IOException("a batch of " + batch.size() + " snapshots was refused: " + e.getMessage(), e) : e;
            batch.forEach(p -> p.failure = each);
        } catch (RuntimeException e) {
            batch.forEach(p -> p.failure = new IOException("writing locations: " + e, e));
        } finally {
            batch.forEach(p -> p.done = true);
        }
    }

    /** The document of one MAC after folding in every pending snapshot that changed it, and who made which event. */
    private record Folded(LocationDoc doc, Pending firstChange, Map<Pending, List<MoveEvent>> events) {
    }

    private Folded fold(LocationDoc existing, MacAddress mac, List<Pending> contributors) {
        LocationDoc doc = existing;
        Pending first = null;
        Map<Pending, List<MoveEvent>> events = new LinkedHashMap<>();
        for (Pending p : contributors) {
            List<MoveEvent> made = new ArrayList<>(1);
            LocationDoc next = merge.merge(doc, mac, p.snap, p.byMac.getOrDefault(mac, List.of()), made);
            if (next != null) {
                doc = next;
                first = first == null ? p : first;
                if (!made.isEmpty()) {
                    events.put(p, made);
                }
            }
        }
        return first == null ? null : new Folded(doc, first, events);
    }

    private void writeChunk(List<MacAddress> chunk, Map<MacAddress, List<Pending>> contributors) throws IOException {
        List<MacAddress> todo = chunk;
        for (int attempt = 1; !todo.isEmpty(); attempt++) {
            if (attempt > MAX_ATTEMPTS) {
                throw new IOException("gave up after " + MAX_ATTEMPTS + " conflicting writes on " + todo.size() + " MACs");
            }
            if (attempt > 1) {
                backoff(attempt);
            }
            List<String> ids = todo.stream().map(MacAddress::bare).toList();
            MgetResponse<LocationDoc> got = es.mget(m -> m.index(elastic.current()).ids(ids), LocationDoc.class);
            List<BulkOperation> ops = new ArrayList<>();
            List<MacAddress> opMacs = new ArrayList<>();
            List<Folded> opFolds = new ArrayList<>();
            for (int i = 0; i < todo.size(); i++) {
                MacAddress mac = todo.get(i);
                MultiGetResponseItem<LocationDoc> item = got.docs().get(i);
                if (item.isFailure()) {
                    throw new IOException("reading " + mac + ": " + item.failure().error().reason());
                }
                var result = item.result();
                LocationDoc existing = result.found() ? result.source() : null;
                Folded f = fold(existing, mac, contributors.get(mac));
                if (f == null) {
                    continue;
                }
                String id = mac.bare();
                LocationDoc doc = f.doc();
                if (existing == null) {
                    ops.add(BulkOperation.of(b -> b.create(c -> c.index(elastic.currentIndex()).id(id).document(doc))));
                } else {
                    long seq = result.seqNo();
                    long term = result.primaryTerm();
                    ops.add(BulkOperation.of(b -> b.index(x -> x.index(elastic.currentIndex()).id(id).document(doc)
                            .ifSeqNo(seq).ifPrimaryTerm(term))));
                }
                opMacs.add(mac);
                opFolds.add(f);
            }
            if (ops.isEmpty()) {
                return;
            }
            // Events first, under ids derived from their content: if the documents' write fails
            // and the snapshot is replayed, the same events are written again, not duplicated,
            // and none is lost because the documents already moved on.
            List<MoveEvent> pendingEvents = new ArrayList<>();
            opFolds.forEach(f -> f.events().values().forEach(pendingEvents::addAll));
            writeEvents(pendingEvents);
            BulkResponse resp = es.bulk(b -> b.operations(ops));
            List<MacAddress> retry = new ArrayList<>();
            for (int i = 0; i < resp.items().size(); i++) {
                BulkResponseItem r = resp.items().get(i);
                Folded f = opFolds.get(i);
                if (r.error() == null) {
                    f.firstChange().written++;
                    f.events().forEach((p, made) -> p.events.addAll(made));
                } else if (r.status() == 409) {
                    retry.add(opMacs.get(i));
                } else {
                    // Only the snapshots that changed this document fail; the others' writes stand.
                    IndexRejectedException e = new IndexRejectedException("indexing " + opMacs.get(i) + ": "
                            + r.error().reason());
                    contributors.get(opMacs.get(i)).forEach(p -> p.rejected = e);
                }
            }
            todo = retry;
        }
    }

    /** Jittered exponential backoff, so that nodes racing for the same documents fall out of step. */
    private static void backoff(int attempt) throws IOException {
        long cap = Math.min(1_000, 5L << Math.min(attempt, 8));
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, cap + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while retrying conflicting writes");
        }
    }

    private void writeEvents(List<MoveEvent> events) throws IOException {
        List<BulkOperation> ops = new ArrayList<>(events.size());
        for (MoveEvent e : events) {
            if (LocationIndex.DUPLICATE.equals(e.kind())) {
                continue;
            }
            String index = Elastic.monthly(elastic.events(), Instant.parse(e.timestamp()));
            String id = LocationMerge.eventId(e);
            ops.add(BulkOperation.of(b -> b.index(x -> x.index(index).id(id).document(e))));
        }
        if (ops.isEmpty()) {
            return;
        }
        BulkResponse resp = es.bulk(b -> b.operations(ops));
        if (resp.errors()) {
            BulkResponseItem bad = resp.items().stream().filter(i -> i.error() != null).findFirst().orElseThrow();
            throw new IndexRejectedException("writing events: " + bad.error().reason());
        }
    }
}
