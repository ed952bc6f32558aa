package porttracer.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.search.Hit;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import porttracer.domain.PortInfo;
import porttracer.domain.Sighting;
import porttracer.store.SwitchRecord;

/**
 * Keeps {@code porttracer-ports}: one document per port a switch's interface status lists, with its
 * link, MAC count, the last time a MAC was on it and since when it has been free (no MAC, link
 * down). Like the location index, writes are proportional to change: a port is rewritten only when
 * something about it changed since the switch's previous poll.
 */
public final class PortIndex {

    /** One port as stored; times are fixed-width UTC text (see {@link Elastic#time}). */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    public record PortDoc(int switchId, String switchName, String site, String floor, String port, String portKey,
                          String link, String speed, String description, String mode, Integer pvid,
                          String allowedVlans, Boolean edge, String reason, int macCount, String lastMacAt,
                          String freeSince, String updatedAt) {

        /** Equal apart from when it was written: nothing worth a write changed. */
        boolean sameAs(PortDoc o) {
            return o != null && withUpdatedAt(null).equals(o.withUpdatedAt(null));
        }

        PortDoc withUpdatedAt(String at) {
            return new PortDoc(switchId, switchName, site, floor, port, portKey, link, speed, description, mode, pvid,
                    allowedVlans, edge, reason, macCount, lastMacAt, freeSince, at);
        }

        public boolean free() {
            return freeSince != null;
        }
    }

    private final ElasticsearchClient es;
    private final Elastic elastic;
    private final Map<Integer, Map<String, PortDoc>> last = new ConcurrentHashMap<>();
    private final Map<Integer, Instant> lastPolledAt = new ConcurrentHashMap<>();

    private final java.util.function.IntConsumer written;

    /** {@code written} hears how many port documents each snapshot wrote (a metric). */
    public PortIndex(Elastic elastic, java.util.function.IntConsumer written) {
        this.es = elastic.client();
        this.elastic = elastic;
        this.written = written;
    }

    /** Folds a poll's interface status and MAC table into the port documents; returns how many were written. */
    public int apply(Snapshot snap) throws IOException {
        if (snap.ports().isEmpty()) {
            // No interface status in this snapshot (a live lookup, or a switch without the command): nothing to say.
            return 0;
        }
        SwitchRecord sw = snap.sw();
        Map<String, PortDoc> before = last.get(sw.id());
        if (before == null) {
            before = load(sw.id());
        }
        Map<String, Integer> macs = new HashMap<>();
        Map<String, Sighting> roles = new HashMap<>();
        for (Sighting s : snap.sightings()) {
            macs.merge(s.portKey(), 1, Integer::sum);
            roles.putIfAbsent(s.portKey(), s);
        }
        String now = Elastic.time(snap.polledAt());
        Instant prevPoll = lastPolledAt.get(sw.id());
        Map<String, PortDoc> after = new HashMap<>();
        List<BulkOperation> ops = new ArrayList<>();
        for (PortInfo p : snap.ports()) {
            String key = p.port().key();
            if (key.startsWith("vlan") || key.startsWith("lo")) {
                continue;
            }
            PortDoc doc = next(sw, p, before.get(key), macs.getOrDefault(key, 0), roles.get(key), now, prevPoll);
            after.put(key, doc);
            if (!doc.sameAs(before.get(key))) {
                ops.add(BulkOperation.of(b -> b.index(x -> x.index(elastic.ports()).id(id(sw.id(), key)).document(doc))));
            }
        }
        for (String gone : before.keySet()) {
            if (!after.containsKey(gone)) {
                ops.add(BulkOperation.of(b -> b.delete(d -> d.index(elastic.ports()).id(id(sw.id(), gone)))));
            }
        }
        if (!ops.isEmpty()) {
            BulkResponse resp = es.bulk(b -> b.operations(ops));
            var bad = resp.items().stream().filter(i -> i.error() != null && i.status() != 404).findFirst();
            if (bad.isPresent()) {
                last.remove(sw.id());
                throw new IndexRejectedException("writing ports of " + sw.name() + ": " + bad.get().error().reason());
            }
        }
        last.put(sw.id(), after);
        lastPolledAt.put(sw.id(), snap.polledAt());
        written.accept(ops.size());
        return ops.size();
    }

    /**
     * The port's new state. A port is free from the first poll that finds it down with no MAC, and
     * stays free from then while it is; the last MAC time is the last poll that saw one.
     */
    static PortDoc next(SwitchRecord sw, PortInfo p, PortDoc prev, int macCount, Sighting role, String now,
                        Instant prevPoll) {
        boolean down = !"up".equals(p.linkState());
        String lastMacAt;
        if (macCount > 0) {
            lastMacAt = prev != null && prev.macCount() > 0 && prev.lastMacAt() != null ? prev.lastMacAt() : now;
        } else if (prev != null && prev.macCount() > 0) {
            // The previous poll was the last that saw a MAC here.
            lastMacAt = prevPoll != null ? Elastic.time(prevPoll) : prev.updatedAt();
        } else {
            lastMacAt = prev == null ? null : prev.lastMacAt();
        }
        String freeSince = null;
        if (macCount == 0 && down) {
            freeSince = prev != null && prev.freeSince() != null ? prev.freeSince() : now;
        }
        Boolean edge = role != null ? Boolean.valueOf(role.edge()) : prev == null ? null : prev.edge();
        String reason = role != null ? role.reason() : prev == null ? null : prev.reason();
        String description = p.description() == null || p.description().isEmpty() ? null : p.description();
        return new PortDoc(sw.id(), sw.name(), sw.site(), sw.floor(), p.port().raw(), p.port().key(), down ? "down" : "up",
                p.speed(), description, p.mode(), p.pvid(), VlanRanges.compact(p.vlans()), edge, reason, macCount,
                lastMacAt, freeSince, now);
    }

    /** Forgets a switch's last ports, e.g. when another node takes it over. */
    public void forget(int switchId) {
        last.remove(switchId);
        lastPolledAt.remove(switchId);
    }

    static String id(int switchId, String portKey) {
        return switchId + ":" + portKey;
    }

    /** What the index holds for a switch: the state to compare the first poll after a start with. */
    private Map<String, PortDoc> load(int switchId) throws IOException {
        var resp = es.search(s -> s.index(elastic.ports()).ignoreUnavailable(true).allowNoIndices(true).size(10_000)
                .query(q -> q.term(t -> t.field("switchId").value(switchId))), PortDoc.class);
        Map<String, PortDoc> out = new HashMap<>();
        for (Hit<PortDoc> h : resp.hits().hits()) {
            if (h.source() != null) {
                out.put(h.source().portKey(), h.source());
            }
        }
        return out;
    }
}
