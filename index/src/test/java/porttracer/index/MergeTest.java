package porttracer.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import porttracer.domain.MacAddress;
import porttracer.domain.Platform;
import porttracer.domain.Sighting;
import porttracer.store.SwitchRecord;

/** How one switch's sightings fold into a MAC's document: edges, moves, disappearances, duplicates. */
class MergeTest {

    private static final LocationMerge MERGE = new LocationMerge(null);
    private static final MacAddress MAC = MacAddress.parse("00:50:56:aa:bb:cc");
    private static final SwitchRecord A = sw(1, "a");
    private static final SwitchRecord B = sw(2, "b");
    private static final SwitchRecord DIST = sw(3, "dist");

    private static SwitchRecord sw(int id, String name) {
        return new SwitchRecord(id, name, "127.0.0.1", 22, Platform.OS6, "N3048", "site1", "floor1", true, null, false);
    }

    private static LocationDoc fold(LocationDoc doc, SwitchRecord sw, int minute, List<MoveEvent> events, Sighting... s) {
        Snapshot snap = new Snapshot(sw, Instant.parse("2026-11-26T10:00:00Z").plusSeconds(60L * minute), List.of(s), 0);
        LocationDoc merged = MERGE.merge(doc, MAC, snap, List.of(s), events);
        return merged == null ? doc : merged;
    }

    private static Sighting edge(String port) {
        return new Sighting(MAC, 10, port, port.toLowerCase(), true, "single mac");
    }

    private static Sighting uplink(String port) {
        return new Sighting(MAC, 10, port, port.toLowerCase(), false, "lldp: dist");
    }

    @Test
    void aHostMovingBetweenSwitchesIsOneMoveWhicheverSwitchIsPolledFirst() {
        List<MoveEvent> ev = new ArrayList<>();
        LocationDoc d = fold(null, A, 0, ev, edge("Gi1/0/1"));
        d = fold(d, B, 0, ev, uplink("Te1/0/1"));
        assertThat(ev).extracting(MoveEvent::kind).containsExactly("appeared");
        // A is polled first after the move: the MAC is now behind A's uplink; the edge is kept as last known.
        d = fold(d, A, 5, ev, uplink("Te1/0/1"));
        assertThat(d.edge().current()).isFalse();
        assertThat(d.edge().switchName()).isEqualTo("a");
        d = fold(d, B, 5, ev, edge("Gi1/0/7"));
        assertThat(ev).extracting(MoveEvent::kind).containsExactly("appeared", "moved");
        assertThat(ev.get(1).from().switchName()).isEqualTo("a");
        assertThat(ev.get(1).to().port()).isEqualTo("Gi1/0/7");
        assertThat(d.edge().current()).isTrue();
    }

    @Test
    void unchangedSightingsWriteNothing() {
        List<MoveEvent> ev = new ArrayList<>();
        LocationDoc d = fold(null, A, 0, ev, edge("Gi1/0/1"));
        Snapshot again = new Snapshot(A, Instant.parse("2026-11-26T10:05:00Z"), List.of(edge("Gi1/0/1")), 0);
        assertThat(MERGE.merge(d, MAC, again, List.of(edge("Gi1/0/1")), ev)).isNull();
    }

    @Test
    void goneFromEverySwitchIsOneDisappearance() {
        List<MoveEvent> ev = new ArrayList<>();
        LocationDoc d = fold(null, A, 0, ev, edge("Gi1/0/1"));
        d = fold(d, DIST, 0, ev, uplink("Te1/0/2"));
        d = fold(d, A, 5, ev);
        assertThat(d.present()).isTrue();
        d = fold(d, DIST, 5, ev);
        assertThat(d.present()).isFalse();
        assertThat(ev).extracting(MoveEvent::kind).containsExactly("appeared", "disappeared");
        assertThat(d.edge().switchName()).as("last known place kept").isEqualTo("a");
    }

    @Test
    void theSameMacOnTwoEdgePortsIsSignalledOnce() {
        List<MoveEvent> ev = new ArrayList<>();
        LocationDoc d = fold(null, A, 0, ev, edge("Gi1/0/1"));
        d = fold(d, B, 1, ev, edge("Gi1/0/9"));
        d = fold(d, B, 6, ev, edge("Gi1/0/9"), uplink("Te1/0/1"));
        assertThat(ev).extracting(MoveEvent::kind).containsExactly("appeared", "duplicate");
        assertThat(d.edge().switchName()).as("the edge stays where it was").isEqualTo("a");
    }

    @Test
    void aPortChannelSightingCarriesItsMembersIntoTheDocumentAndThroughTheSpool() {
        List<MoveEvent> ev = new ArrayList<>();
        Sighting lag = new Sighting(MAC, 10, "Po 2", "po2", false, "port-channel", null,
                List.of("GigabitEthernet 0/24", "GigabitEthernet 1/24"));
        LocationDoc d = fold(null, DIST, 0, ev, lag);
        assertThat(d.sightings()).singleElement().extracting(LocationDoc.SightingDoc::members)
                .isEqualTo(List.of("GigabitEthernet 0/24", "GigabitEthernet 1/24"));
        Snapshot snap = new Snapshot(DIST, Instant.parse("2026-11-26T10:00:00Z"), List.of(lag, uplink("Te1/0/2")), 0);
        assertThat(SpoolEntry.of(snap).snapshot().sightings()).extracting(Sighting::members)
                .containsExactly(List.of("GigabitEthernet 0/24", "GigabitEthernet 1/24"), null);
    }
}
