package porttracer.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;
import porttracer.index.LocationDoc.SightingDoc;

/**
 * Badges count the MACs from {@code macsOnPort}, never from the reason text; the typed answers
 * serialize to the JSON the API has always served (field order, null kept or left out).
 */
class AnswerShapeTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static SightingDoc sighting(String reason, Integer macsOnPort, String mode) {
        return new SightingDoc(7, "acc-1", "10.0.0.7", "site1", null, "Gi1/0/5", "gi1/0/5", 10, true, reason,
                "2026-01-01T00:00:00.000Z", null, mode, null, null, "7:gi1/0/5:edge", null, macsOnPort);
    }

    private static List<String> codes(List<Badge> badges) {
        return badges.stream().map(Badge::code).toList();
    }

    @Test
    void theCountComesFromMacsOnPortWhateverTheReasonSays() {
        assertThat(codes(Locations.badges(sighting("lldp neighbour", 3, "access"), 8)))
                .containsExactly("several-macs", "possible-ap");
        assertThat(codes(Locations.badges(sighting("inventory: edge", 5, null), 8)))
                .containsExactly("several-macs", "possible-ap", "possible-uplink");
        assertThat(Locations.badges(sighting("inventory: edge", 5, null), 8).get(2).text())
                .isEqualTo("5 MACs is close to the uplink threshold of 8");
    }

    @Test
    void aReasonThatNamesACountIsNotRead() {
        assertThat(Locations.badges(sighting("mac count 3", null, "access"), 8)).isEmpty();
        assertThat(Locations.badges(sighting("mac count 3", 1, "access"), 8)).isEmpty();
        assertThat(codes(Locations.badges(sighting("single mac", 2, "trunk"), 8)))
                .containsExactly("several-macs", "possible-uplink");
    }

    @Test
    void aLocationKeepsItsFieldOrderAndItsNulls() throws Exception {
        LocationView oss = new LocationView(SwitchRef.of(7, "acc-1", "10.0.0.7", "site1", null, Role.OSS), "Gi1/0/5",
                "gi1/0/5", 10, true, "single mac", "2026-01-01T00:00:00.000Z", null, true, "switch never polled successfully",
                null, "access", 10, null, "10", 1, List.of());
        assertThat(JSON.writeValueAsString(oss)).isEqualTo("{\"switch\":{\"id\":7,\"name\":\"acc-1\",\"site\":\"site1\","
                + "\"floor\":null},\"port\":\"Gi1/0/5\",\"portKey\":\"gi1/0/5\",\"vlan\":10,\"edge\":true,"
                + "\"reason\":\"single mac\",\"firstSeen\":\"2026-01-01T00:00:00.000Z\",\"lastSeen\":null,\"stale\":true,"
                + "\"staleReason\":\"switch never polled successfully\",\"mode\":\"access\",\"pvid\":10,"
                + "\"allowedVlans\":\"10\",\"macsOnPort\":1,\"badges\":[]}");
        LocationView uplink = new LocationView(SwitchRef.of(8, "dist", null, "site1", "f1", Role.NETADMIN), "Te1/1",
                "te1/1", 10, false, "port-channel", null, "2026-01-01T00:00:00.000Z", false, null, null, null, null,
                List.of("Te1/1/1"), null, null, null);
        assertThat(JSON.writeValueAsString(uplink)).isEqualTo("{\"switch\":{\"id\":8,\"name\":\"dist\",\"ip\":null,"
                + "\"site\":\"site1\",\"floor\":\"f1\"},\"port\":\"Te1/1\",\"portKey\":\"te1/1\",\"vlan\":10,"
                + "\"edge\":false,\"reason\":\"port-channel\",\"firstSeen\":null,\"lastSeen\":\"2026-01-01T00:00:00.000Z\","
                + "\"stale\":false,\"staleReason\":null,\"members\":[\"Te1/1/1\"]}");
    }

    @Test
    void aTraceAndABatchKeepTheirShape() throws Exception {
        TraceAnswer t = new TraceAnswer(null, "02:aa:00:00:00:01", "02aa00", null, List.of(), false,
                "2026-01-01T00:00:00.000Z", "2026-01-02T00:00:00.000Z", List.of(), false,
                new TraceAnswer.LastKnownEdge(SwitchRef.of(7, "acc-1", "10.0.0.7", "site1", "f1", Role.NETADMIN),
                        "Gi1/0/5", 10, true, "2026-01-01T00:00:00.000Z"), null);
        String body = "\"mac\":\"02:aa:00:00:00:01\",\"oui\":\"02aa00\",\"vendor\":null,\"ips\":[],\"present\":false,"
                + "\"firstSeen\":\"2026-01-01T00:00:00.000Z\",\"lastChanged\":\"2026-01-02T00:00:00.000Z\","
                + "\"locations\":[],\"stale\":false,\"lastKnownEdge\":{\"switch\":{\"id\":7,\"name\":\"acc-1\","
                + "\"ip\":\"10.0.0.7\",\"site\":\"site1\",\"floor\":\"f1\"},\"port\":\"Gi1/0/5\",\"vlan\":10,\"edge\":true,"
                + "\"since\":\"2026-01-01T00:00:00.000Z\"}";
        assertThat(JSON.writeValueAsString(t)).isEqualTo("{" + body + "}");
        assertThat(JSON.writeValueAsString(List.<BatchItem>of(t.inBatch(), new BatchItem.Missing("02:aa:00:00:00:02"))))
                .isEqualTo("[{\"found\":true," + body + "},{\"found\":false,\"mac\":\"02:aa:00:00:00:02\",\"locations\":[]}]");
        TraceAnswer.LiveCheck oss = new TraceAnswer.LiveCheck("2026-01-03T00:00:00.000Z", true, 2, 1, null);
        assertThat(JSON.writeValueAsString(oss)).isEqualTo(
                "{\"at\":\"2026-01-03T00:00:00.000Z\",\"forced\":true,\"switches\":2,\"failed\":1}");
        TraceAnswer.LiveCheck netadmin = new TraceAnswer.LiveCheck("2026-01-03T00:00:00.000Z", false, 1, 0,
                List.of(new TraceAnswer.Result("acc-1", "ok", null, 12)));
        assertThat(JSON.writeValueAsString(netadmin)).endsWith(
                "\"results\":[{\"switch\":\"acc-1\",\"outcome\":\"ok\",\"error\":null,\"durationMs\":12}]}");
    }
}
