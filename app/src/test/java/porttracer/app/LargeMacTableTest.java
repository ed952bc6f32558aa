package porttracer.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import porttracer.domain.MacAddress;
import porttracer.index.Elastic;
import porttracer.domain.Platform;
import porttracer.sim.Fleet;
import porttracer.sim.FleetSpec;
import porttracer.sim.SimSwitch;
import porttracer.store.SwitchStatus;

/** One switch with a 100 000-entry MAC table is polled whole and indexed; the time it takes is printed. */
class LargeMacTableTest {

    private static final int ENTRIES = 100_000;

    @Test
    void aHundredThousandEntryTableIsPolledAndIndexed(@TempDir Path dir) throws Exception {
        // One access switch and its distribution switch: both list every MAC, 200 000 rows polled in all.
        Fleet fleet = Fleet.generate(new FleetSpec(43, 1, 1, 1, 5, List.of(Platform.OS6), Platform.OS10));
        SimSwitch big = fleet.switches().stream().filter(s -> s.role() == porttracer.sim.Role.ACCESS).findFirst()
                .orElseThrow();
        List<porttracer.domain.PortInfo> ports = fleet.ports(big.name()).stream()
                .filter(p -> "access".equals(p.mode()) && p.pvid() != null).toList();
        for (int i = 0; i < ENTRIES; i++) {
            var p = ports.get(i % ports.size());
            fleet.addHost(MacAddress.of(0x06_00_00_00_00_00L + i), p.pvid(), big.name(), p.port().raw());
        }
        try (TestFleet f = TestFleet.start(fleet, dir, Map.of("ssh.command-timeout", "300", "ssh.idle-timeout", "0"),
                o -> o)) {
            SwitchProbe probe = new SwitchProbe(f, new Http(f.pt.startApi("127.0.0.1", 0).port()));
            f.pt.startCollector();
            SwitchProbe.Usage usage = probe.usage();
            long t0 = System.nanoTime();
            f.pollAll(Duration.ofMinutes(10));
            SwitchStatus s = f.status(big.name());
            Elastic es = f.pt.elastic();
            long indexed = 0;
            for (int i = 0; i < 600 && indexed < ENTRIES && "ok".equals(s.lastOutcome()); i++) {
                es.client().indices().refresh(r -> r.index(es.currentIndex()));
                indexed = es.client().count(c -> c.index(es.currentIndex())
                        .query(q -> q.prefix(p -> p.field("macBare").value("06")))).count();
                Thread.sleep(indexed < ENTRIES ? 500 : 0);
            }
            long ms = (System.nanoTime() - t0) / 1_000_000;
            System.out.printf("100k-entry MAC table: poll %d ms (recorded %s ms), polled and indexed in %d ms%n",
                    s.lastDurationMs(), s.lastDurationMs(), ms);
            assertThat(s.lastOutcome()).as(s.lastError()).isEqualTo("ok");
            assertThat(s.lastEntries()).isGreaterThanOrEqualTo(ENTRIES);
            assertThat(indexed).isEqualTo(ENTRIES);
            Http.Reply r = probe.http().get("/api/v1/trace?mac=" + MacAddress.of(0x06_00_00_00_00_00L + 54_321),
                    "netadmin", "netadmin");
            assertThat(r.status()).isEqualTo(200);
            // 100 000 MACs over a few dozen ports make every port look like an uplink: no edge, but a sighting.
            assertThat(r.body().get("locations").findValuesAsText("name")).contains(big.name());
            probe.assertNoLeaksSince(usage);
        }
    }
}
