package porttracer.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.elasticsearch.core.MgetResponse;
import co.elastic.clients.elasticsearch.core.mget.MultiGetResponseItem;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import porttracer.domain.MacAddress;
import porttracer.index.Elastic;
import porttracer.index.LiveLookup;
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

    private final ElasticsearchClient es;
    private final String current;
    private final SwitchDirectory switches;
    private final Locations locations;
    private final LiveTraces live;
    private final LiveQuota quota;
    private final ConcurrentHashMap<String, Long> lastAutoCheck = new ConcurrentHashMap<>();

    Traces(Elastic elastic, SwitchDirectory switches, Locations locations, LiveTraces live, LiveQuota quota) {
        this.quota = quota;
        this.es = elastic.client();
        this.current = elastic.current();
        this.switches = switches;
        this.locations = locations;
        this.live = live;
    }

    /** The trace answer, or null when the MAC was never seen. */
    Map<String, Object> trace(MacAddress mac, Users.User user, boolean forceLive) throws IOException {
        Role role = user.role();
        JsonNode doc = get(mac);
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
        Map<String, Object> answer = locations.answer(doc, role, now);
        if (!checked.isEmpty()) {
            answer.put("liveCheck", liveCheck(checked, forceLive, role));
        }
        return answer;
    }

    /** Answers for many MACs in one round trip, without live checks; MACs never seen are "found": false. */
    List<Map<String, Object>> batch(List<MacAddress> macs, Role role) throws IOException {
        List<String> ids = macs.stream().map(MacAddress::bare).toList();
        MgetResponse<ObjectNode> got = es.mget(m -> m.index(current).ids(ids), ObjectNode.class);
        Instant now = Instant.now();
        List<Map<String, Object>> out = new ArrayList<>(macs.size());
        for (int i = 0; i < macs.size(); i++) {
            MultiGetResponseItem<ObjectNode> item = got.docs().get(i);
            if (item.isFailure()) {
                throw new IOException("reading " + macs.get(i) + ": " + item.failure().error().reason());
            }
            Map<String, Object> one;
            if (item.result().found() && item.result().source() != null) {
                one = new LinkedHashMap<>();
                one.put("found", true);
                one.putAll(locations.answer(item.result().source(), role, now));
            } else {
                one = new LinkedHashMap<>();
                one.put("found", false);
                one.put("mac", macs.get(i).toString());
                one.put("locations", List.of());
            }
            out.add(one);
        }
        return out;
    }

    private JsonNode get(MacAddress mac) throws IOException {
        GetResponse<ObjectNode> got = es.get(g -> g.index(current).id(mac.bare()), ObjectNode.class);
        return got.found() ? got.source() : null;
    }

    /** The switches whose tables hold the MAC; none: every switch of its last known edge's site. */
    private List<SwitchRecord> sawIt(JsonNode doc) {
        Set<Integer> ids = new LinkedHashSet<>();
        doc.path("sightings").forEach(s -> ids.add(s.path("switchId").asInt()));
        List<SwitchRecord> out = new ArrayList<>();
        if (ids.isEmpty()) {
            String site = Locations.text(doc.path("edge"), "site");
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
    private List<SwitchRecord> staleSwitches(MacAddress mac, JsonNode doc, Instant now) {
        List<SwitchRecord> out = new ArrayList<>();
        for (JsonNode s : doc.path("sightings")) {
            SwitchDirectory.Entry e = switches.get(s.path("switchId").asInt());
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

    private static Map<String, Object> liveCheck(List<LiveLookup.Result> results, boolean forced, Role role) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("at", Elastic.time(Instant.now()));
        out.put("forced", forced);
        out.put("switches", results.size());
        out.put("failed", results.stream().filter(r -> r.outcome() != PollOutcome.OK).count());
        if (role.seesUplinks()) {
            List<Map<String, Object>> each = new ArrayList<>();
            for (LiveLookup.Result r : results) {
                Map<String, Object> one = new LinkedHashMap<>();
                one.put("switch", r.sw().name());
                one.put("outcome", r.outcome().id());
                one.put("error", r.error());
                one.put("durationMs", r.durationMs());
                each.add(one);
            }
            out.put("results", each);
        }
        return out;
    }
}
