package porttracer.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import porttracer.domain.MacAddress;
import porttracer.domain.Platform;
import porttracer.domain.Sighting;
import porttracer.index.Elastic;
import porttracer.index.LocationDoc;
import porttracer.index.LocationIndex;
import porttracer.index.MoveEvent;
import porttracer.index.Snapshot;
import porttracer.store.SwitchRecord;

/**
 * Issue 16's write amplification: every switch of a site sees every MAC of the site, so snapshots of a site
 * that reach the index together are folded per MAC and each document is written once for all of them, with
 * the same documents and events as writing them one after the other.
 */
class LocationBatchTest {

    private static final int ACCESS = 10;
    private static final int HOSTS = 5;
    private static final Instant AT = Instant.parse("2026-12-03T08:00:00Z");

    @Test
    void aSitesSnapshotsTogetherWriteEachDocumentOnceAndTheSameDocuments() throws Exception {
        var settings = TestEnv.settings(Map.of());
        String prefix = settings.get("es.index-prefix");
        try (Elastic alone = new Elastic(settings.get("es.url"), prefix + "-alone");
             Elastic together = new Elastic(settings.get("es.url"), prefix + "-together")) {
            try {
                alone.ensureLayout();
                together.ensureLayout();
                List<Snapshot> site = site();
                int macs = ACCESS * HOSTS;

                LocationIndex one = new LocationIndex(alone, null);
                int writtenAlone = 0;
                List<MoveEvent> eventsAlone = new ArrayList<>();
                for (Snapshot s : site) {
                    LocationIndex.Applied a = one.apply(s);
                    writtenAlone += a.docsWritten();
                    eventsAlone.addAll(a.events());
                }
                // One after the other, each switch rewrites every MAC's document: the amplification.
                assertThat(writtenAlone).isEqualTo(site.size() * macs);

                LocationIndex many = new LocationIndex(together, null);
                for (Snapshot s : site) {
                    // Each switch's first poll: nothing indexed yet, so the next ones diff against an empty table.
                    many.apply(new Snapshot(s.sw(), AT.minusSeconds(300), List.of(), 0));
                }
                int writtenTogether = 0;
                List<MoveEvent> eventsTogether = new ArrayList<>();
                ExecutorService pool = Executors.newFixedThreadPool(site.size());
                try {
                    CyclicBarrier start = new CyclicBarrier(site.size());
                    List<Future<LocationIndex.Applied>> done = new ArrayList<>();
                    for (Snapshot s : site) {
                        done.add(pool.submit(() -> {
                            start.await();
                            return many.apply(s);
                        }));
                    }
                    for (Future<LocationIndex.Applied> f : done) {
                        writtenTogether += f.get().docsWritten();
                        eventsTogether.addAll(f.get().events());
                    }
                } finally {
                    pool.shutdownNow();
                }
                assertThat(writtenTogether).isGreaterThanOrEqualTo(macs).isLessThan(writtenAlone);
                assertThat(eventsTogether).extracting(MoveEvent::kind).containsOnly("appeared").hasSize(macs);
                assertThat(eventsTogether).containsExactlyInAnyOrderElementsOf(eventsAlone);
                assertThat(documents(together)).isEqualTo(documents(alone));
            } finally {
                TestEnv.deleteIndices(alone);
                TestEnv.deleteIndices(together);
            }
        }
    }

    /** Ten access switches with five hosts each and a distribution switch, all at one instant. */
    private static List<Snapshot> site() {
        SwitchRecord dist = sw(100, "dist");
        List<Sighting> distRows = new ArrayList<>();
        List<Snapshot> out = new ArrayList<>();
        List<List<Sighting>> accessRows = new ArrayList<>();
        for (int a = 0; a < ACCESS; a++) {
            accessRows.add(new ArrayList<>());
        }
        for (int a = 0; a < ACCESS; a++) {
            for (int h = 0; h < HOSTS; h++) {
                MacAddress mac = MacAddress.parse(String.format("00:50:56:00:%02x:%02x", a, h));
                for (int other = 0; other < ACCESS; other++) {
                    accessRows.get(other).add(other == a
                            ? new Sighting(mac, 10, "Gi1/0/" + (h + 1), "gi1/0/" + (h + 1), true, "single mac")
                            : new Sighting(mac, 10, "Te1/0/1", "te1/0/1", false, "lldp: dist"));
                }
                distRows.add(new Sighting(mac, 10, "Te1/0/" + (a + 1), "te1/0/" + (a + 1), false, "lldp: access"));
            }
        }
        for (int a = 0; a < ACCESS; a++) {
            out.add(new Snapshot(sw(101 + a, "access" + a), AT, accessRows.get(a), 0));
        }
        out.add(new Snapshot(dist, AT, distRows, 0));
        return out;
    }

    private static SwitchRecord sw(int id, String name) {
        return new SwitchRecord(id, name, "127.0.0.1", 22, Platform.OS10, "S4148", "site1", "floor1", true, null, false);
    }

    private static Map<String, LocationDoc> documents(Elastic es) throws Exception {
        es.client().indices().refresh(r -> r.index(es.current()));
        Map<String, LocationDoc> out = new TreeMap<>();
        var hits = es.client().search(s -> s.index(es.current()).size(1_000), LocationDoc.class).hits().hits();
        hits.forEach(h -> out.put(h.id(), h.source()));
        assertThat(out).hasSize(ACCESS * HOSTS);
        return out;
    }
}
