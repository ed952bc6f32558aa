package porttracer.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.MgetResponse;
import co.elastic.clients.elasticsearch.core.mget.MultiGetResponseItem;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import porttracer.domain.MacAddress;
import porttracer.index.Elastic;
import porttracer.index.LiveLookup;
import porttracer.index.LocationDoc;
import porttracer.store.PollOutcome;
import porttracer.store.SwitchRecord;

/**
 * Answers "where is this MAC" from the index: one get by document id. When the answer is stale,
 * or the caller asks for it, the switches that saw the MAC are asked live first and the answer is
 * read again from the index they updated.
 */
final class Traces {

    private static final long AUTO_RECHECK_NANOS = 60_000_000_000L;
    /** How long a trace waits for an automatic re-check before answering from the index as it is. */
    private static final Duration AUTO_RECHECK_WAIT = Duration.ofSeconds(3);

    private final Elastic elastic;
    private final ElasticsearchClient es;
    private final String current;
    private final SwitchDirectory switches;
    private final Locations locations;
    private final LiveTraces live;
    private final LiveQuota quota;
    private final ConcurrentHashMap<String, Long> lastAutoCheck = new ConcurrentHashMap<>();

    Traces(Elastic elastic, SwitchDirectory switches, Locations locations, LiveTraces live, LiveQuota quota) {
        this.quota = quota;
        this.elastic = elastic;
        this.es = elastic.client();
        this.current = elastic.current();
        this.switches = switches;
        this.locations = locations;
        this.live = live;
    }

    /** The trace answer, or null when the MAC was never seen. */
    TraceAnswer trace(MacAddress mac, Users.User user, boolean forceLive) throws IOException {
        Role role = user.role();
        LocationDoc doc = get(mac);
        if (doc == null) {
            return null;
        }
        Instant now = Instant.now();
        List<SwitchRecord> recheck = forceLive ? quota.admitForced(user, sawIt(doc))
                : quota.admitAutomatic(staleSwitches(mac, doc, now));
        List<LiveLookup.Result> checked = recheck.isEmpty() ? List.of()
                : live.verify(recheck, mac, forceLive ? null : AUTO_RECHECK_WAIT);
        if (!checked.isEmpty()) {
            doc = get(mac);
            now = Instant.now();
        }
        TraceAnswer answer = locations.answer(doc, role, now);
        return checked.isEmpty() ? answer : answer.withLiveCheck(liveCheck(checked, forceLive, role));
    }

    /** Answers for many MACs in one round trip, without live checks; MACs never seen are "found": false. */
    List<BatchItem> batch(List<MacAddress> macs, Role role) throws IOException {
        List<String> ids = macs.stream().map(MacAddress::bare).toList();
        MgetResponse<LocationDoc> got = es.mget(m -> m.index(current).ids(ids), LocationDoc.class);
        Instant now = Instant.now();
        List<BatchItem> out = new ArrayList<>(macs.size());
        for (int i = 0; i < macs.size(); i++) {
            MultiGetResponseItem<LocationDoc> item = got.docs().get(i);
            if (item.isFailure()) {
                throw new IOException("reading " + macs.get(i) + ": " + item.failure().error().reason());
            }
            if (item.result().found() && item.result().source() != null) {
                out.add(locations.answer(item.result().source(), role, now).inBatch());
            } else {
                out.add(new BatchItem.Missing(macs.get(i).toString()));
            }
        }
        return out;
    }

    private LocationDoc get(MacAddress mac) throws IOException {
        return elastic.source(current, mac.bare(), LocationDoc.class);
    }

    /** The switches whose tables hold the MAC; none: every switch of its last known edge's site. */
    private List<SwitchRecord> sawIt(LocationDoc doc) {
        Set<Integer> ids = new LinkedHashSet<>();
        Locations.sightings(doc).forEach(s -> ids.add(s.switchId()));
        List<SwitchRecord> out = new ArrayList<>();
        if (ids.isEmpty()) {
            String site = doc.edge() == null ? null : doc.edge().site();
            switches.all().values().stream().map(SwitchDirectory.Entry::sw)
                    .filter(sw -> sw.enabled() && sw.site().equals(site)).forEach(out::add);
            return out;
        }
        for (int id : ids) {
            SwitchDirectory.Entry e = switches.get(id);
            if (e != null && e.sw().enabled()) {
                out.add(e.sw());
            }
        }
        return out;
    }

    /** Switches whose data for this MAC is stale, unless this MAC was re-checked a moment ago. */
    private List<SwitchRecord> staleSwitches(MacAddress mac, LocationDoc doc, Instant now) {
        List<SwitchRecord> out = new ArrayList<>();
        for (LocationDoc.SightingDoc s : Locations.sightings(doc)) {
            SwitchDirectory.Entry e = switches.get(s.switchId());
            // Only data that aged while its switch still answers: a switch whose polls fail would fail live too.
            boolean aged = e != null && e.status() != null && "ok".equals(e.status().lastOutcome())
                    && switches.staleReason(e, now) != null;
            if (aged && e.sw().enabled() && !out.contains(e.sw())) {
                out.add(e.sw());
            }
        }
        if (out.isEmpty()) {
            return out;
        }
        long t = System.nanoTime();
        if (lastAutoCheck.size() > 10_000) {
            lastAutoCheck.clear();
        }
        Long last = lastAutoCheck.put(mac.bare(), t);
        return last != null && t - last < AUTO_RECHECK_NANOS ? List.of() : out;
    }

    private static TraceAnswer.LiveCheck liveCheck(List<LiveLookup.Result> results, boolean forced, Role role) {
        List<TraceAnswer.Result> each = null;
        if (role.seesUplinks()) {
            each = results.stream().map(r -> new TraceAnswer.Result(r.sw().name(), r.outcome().id(), r.error(),
                    r.durationMs())).toList();
        }
        return new TraceAnswer.LiveCheck(Elastic.time(Instant.now()), forced, results.size(),
                results.stream().filter(r -> r.outcome() != PollOutcome.OK).count(), each);
    }
}
