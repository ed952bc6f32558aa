package porttracer.app;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch._types.Refresh;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import porttracer.domain.MacAddress;
import porttracer.domain.MacEntry;
import porttracer.domain.PortName;
import porttracer.index.Elastic;
import porttracer.index.LocationDoc;
import porttracer.sim.Fleet;
import porttracer.sim.FleetSpec;
import porttracer.sim.SimHost;
import porttracer.sim.SimSwitch;

/**
 * The MAC count behind the badges is data, not prose: the collector writes {@code macsOnPort} on
 * every sighting, edge and uplink, and the API's badges read it whatever the classifier's reason says.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MacsOnPortTest {

    private static final MacAddress LLDP_MAC = MacAddress.parse("02:cc:00:00:00:01");
    private static final MacAddress OLD_DOC_MAC = MacAddress.parse("02:cc:00:00:00:02");

    private TestFleet f;
    private Fleet fleet;
    private SimHost host;
    private Http http;

    @BeforeAll
    void start(@TempDir Path tmp) throws Exception {
        fleet = Fleet.generate(FleetSpec.small(29));
        host = fleet.hosts().get(0);
        // Three MACs on one access port: a small switch or a phone with a PC behind it.
        fleet.addHost(MacAddress.parse("02:cc:00:00:01:01"), host.vlan(), host.switchName(), host.port());
        fleet.addHost(MacAddress.parse("02:cc:00:00:01:02"), host.vlan(), host.switchName(), host.port());
        f = TestFleet.start(fleet, tmp, Map.of(), o -> o);
        http = f.pollAllAndServe(Duration.ofSeconds(60));
        f.awaitSpoolEmpty(Duration.ofSeconds(30));
    }

    @AfterAll
    void stop() {
        TestFleet.closeIfStarted(f);
    }

    @Test
    void everySightingCarriesTheCountOfMacsTheSwitchShowedOnItsPort() throws Exception {
        Elastic es = f.pt.elastic();
        es.client().indices().refresh(r -> r.index(es.current()));
        var hits = es.client().search(s -> s.index(es.current()).size(1_000), LocationDoc.class).hits().hits();
        int edges = 0;
        int uplinks = 0;
        for (var h : hits) {
            for (LocationDoc.SightingDoc s : h.source().sightings()) {
                int expected = macsOnPort(s.switchName(), s.portKey());
                assertThat(s.macsOnPort()).as(s.switchName() + " " + s.port() + " (" + s.reason() + ")").isEqualTo(expected);
                if (s.edge()) {
                    edges++;
                } else {
                    uplinks++;
                }
            }
        }
        assertThat(edges).isGreaterThanOrEqualTo(fleet.hosts().size());
        assertThat(uplinks).isPositive();
        // Uplinks hold many MACs: their count is the whole table's, not the one MAC's.
        assertThat(hits.stream().flatMap(h -> h.source().sightings().stream()).filter(s -> !s.edge())
                .mapToInt(LocationDoc.SightingDoc::macsOnPort).max().orElse(0)).isGreaterThan(3);
    }

    /** Rows of the switch's MAC table on that port, as the simulator prints them. */
    private int macsOnPort(String switchName, String portKey) {
        int n = 0;
        for (MacEntry e : fleet.macTable(switchName)) {
            if (PortName.keyOf(e.port()).equals(portKey)) {
                n++;
            }
        }
        return n;
    }

    @Test
    void aPolledPortWithThreeMacsShowsTheCountAndItsBadges() throws Exception {
        JsonNode loc = http.get("/api/v1/trace?mac=" + host.mac(), "oss", "oss").body().get("locations").get(0);
        assertThat(loc.get("port").asText()).isEqualTo(host.port());
        assertThat(loc.get("macsOnPort").asInt()).isEqualTo(3);
        assertThat(badges(loc)).contains("several-macs", "possible-ap");
    }

    @Test
    void badgesCountFromMacsOnPortWhateverTheReasonSays() throws Exception {
        index(LLDP_MAC, "\"reason\":\"lldp neighbour\",\"macsOnPort\":3");
        JsonNode loc = http.get("/api/v1/trace?mac=" + LLDP_MAC, "oss", "oss").body().get("locations").get(0);
        assertThat(loc.get("reason").asText()).isEqualTo("lldp neighbour");
        assertThat(loc.get("macsOnPort").asInt()).isEqualTo(3);
        assertThat(badges(loc)).containsExactly("several-macs", "possible-ap");
        assertThat(loc.get("badges").get(0).get("text").asText()).isEqualTo("3 MACs on this port");
    }

    @Test
    void aDocumentWrittenBeforeTheCountHasNoCountBadgeAndTheReasonIsNotRead() throws Exception {
        index(OLD_DOC_MAC, "\"reason\":\"mac count 3\"");
        JsonNode loc = http.get("/api/v1/trace?mac=" + OLD_DOC_MAC, "oss", "oss").body().get("locations").get(0);
        assertThat(loc.get("reason").asText()).isEqualTo("mac count 3");
        assertThat(loc.has("macsOnPort")).isFalse();
        assertThat(badges(loc)).isEmpty();
    }

    /** A document with one edge sighting on the host's access switch, as a collector would have written it. */
    private void index(MacAddress mac, String sightingFields) throws Exception {
        Elastic es = f.pt.elastic();
        SimSwitch sw = fleet.switchNamed(host.switchName());
        String now = Elastic.time(Instant.now());
        String doc = "{\"mac\":\"" + mac + "\",\"macBare\":\"" + mac.bare() + "\",\"present\":true,"
                + "\"firstSeen\":\"" + now + "\",\"lastChanged\":\"" + now + "\",\"sightings\":[{\"switchId\":"
                + f.ids.get(sw.name()) + ",\"switchName\":\"" + sw.name() + "\",\"host\":\"127.0.0.1\",\"site\":\"site1\","
                + "\"port\":\"Gi1/0/45\",\"portKey\":\"gi1/0/45\",\"vlan\":10,\"edge\":true,\"firstSeen\":\"" + now + "\","
                + "\"mode\":\"access\"," + sightingFields + "}]}";
        es.client().index(i -> i.index(es.currentIndex()).id(mac.bare()).withJson(new StringReader(doc))
                .refresh(Refresh.True));
    }

    private static List<String> badges(JsonNode loc) {
        List<String> out = new ArrayList<>();
        loc.path("badges").forEach(b -> out.add(b.get("code").asText()));
        return out;
    }
}
