package porttracer.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import porttracer.index.Snapshot;
import porttracer.domain.MacAddress;
import porttracer.domain.Sighting;
import porttracer.index.LocationIndex;
import porttracer.store.SwitchRecord;

/**
 * A DNS name in the search box: resolved by the system resolver (bounded, cached) to IPs, then to the MACs
 * whose ARP entries hold them. "localhost" resolves everywhere; ".invalid" never does (RFC 6761).
 */
class HostnameSearchTest {

    @Test
    void aDnsNameFindsTheMacWhoseArpEntryHoldsItsAddress(@TempDir Path dir) throws Exception {
        try (TestFleet f = TestFleet.start(TestFleet.smallSpec(5), dir, Map.of())) {
            SwitchRecord sw = f.pt.inventory().switchById(f.ids.values().iterator().next()).orElseThrow();
            MacAddress mac = MacAddress.parse("00:50:56:12:34:56");
            // A routing switch's ARP table says this MAC has 127.0.0.1, as a poll would index it.
            new LocationIndex(f.pt.elastic(), null).apply(new Snapshot(sw, Instant.now(),
                    List.of(new Sighting(mac, 10, "Gi1/0/7", "gi1/0/7", true, "test host")),
                    Map.of(mac, "127.0.0.1"), 0));
            f.pt.elastic().client().indices().refresh(r -> r.index(f.pt.elastic().current()));
            int port = f.pt.startApi("127.0.0.1", 0).port();

            JsonNode found = ApiCall.get(port, "/api/v1/search?q=localhost").as("oss").send().json();
            assertThat(found.get("kinds").toString()).contains("hostname");
            assertThat(found.get("resolved").toString()).contains("127.0.0.1");
            List<String> macs = new ArrayList<>();
            found.get("results").forEach(r -> macs.add(r.get("mac").asText()));
            assertThat(macs).contains(mac.toString());

            long t0 = System.nanoTime();
            ApiCall.Reply none = ApiCall.get(port, "/api/v1/search?q=no-such-host.invalid").as("oss").send();
            long firstMs = (System.nanoTime() - t0) / 1_000_000;
            assertThat(none.status()).isEqualTo(200);
            assertThat(none.json().get("total").asInt()).isZero();
            assertThat(none.json().get("resolved")).isEmpty();
            // Bounded: the lookup's 1.5 s limit plus the search itself, with room for a loaded machine.
            assertThat(firstMs).isLessThan(10_000);

            ApiCall.get(port, "/api/v1/search?q=localhost").as("oss").send();
            String metrics = ApiCall.get(port, "/metrics").send().text();
            assertThat(metrics).containsPattern("porttracer_dns_lookups_total\\{outcome=\"cached\"\\} [1-9]")
                    .containsPattern("porttracer_dns_lookups_total\\{outcome=\"resolved\"\\} [1-9]");
        }
    }
}
