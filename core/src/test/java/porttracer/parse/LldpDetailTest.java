package porttracer.parse;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import porttracer.domain.LldpNeighbor;
import porttracer.domain.Platform;
import porttracer.domain.PortName;

class LldpDetailTest {
    private static final Map<String, Integer> CAPABILITY_BITS = Map.of("other", 1, "repeater", 2, "bridge", 4,
            "wlan-access-point", 8, "router", 16, "telephone", 32, "docsis-cable-device", 64, "station-only", 128);

    private static List<LldpNeighbor> parse(Platform p, String fixture) {
        ParseResult<LldpNeighbor> r = Parsers.lldpDetail(Fixtures.raw(fixture));
        assertThat(r.unparsedLines()).as(fixture).isEmpty();
        return r.rows();
    }

    private static int bits(Set<String> capabilities) {
        return capabilities.stream().mapToInt(CAPABILITY_BITS::get).sum();
    }

    @Test
    void os9MatchesNoc() {
        String dir = "dell_force10/show_lldp_neighbors_detail/";
        for (String name : new String[] {"noc_force10_c300_8.3.1.1", "noc_force10_e600i_8.3.1.3d",
                "noc_force10_s50n_8.2.1.0"}) {
            List<LldpNeighbor> rows = parse(Platform.OS9, dir + name + ".raw");
            List<String> got = new ArrayList<>();
            for (LldpNeighbor n : rows) {
                got.add(n.localPort().raw() + "|" + n.chassisId().toUpperCase() + "|" + n.portId() + "|"
                        + n.systemName() + "|" + bits(n.capabilities()));
            }
            List<String> expected = new ArrayList<>();
            for (JsonNode iface : Fixtures.json(dir + name + ".noc_get_lldp_neighbors.json")) {
                for (JsonNode n : iface.get("neighbors")) {
                    expected.add(iface.get("local_interface").asText() + "|" + n.get("remote_chassis_id").asText() + "|"
                            + n.get("remote_port").asText() + "|"
                            + (n.has("remote_system_name") ? n.get("remote_system_name").asText() : null) + "|"
                            + n.get("remote_capabilities").asInt());
                }
            }
            assertThat(got).as(name).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void os9AnsibleManagementNeighbour() {
        assertThat(parse(Platform.OS9, "dell_force10/show_lldp_neighbors_detail/ansible_dellemc_os9.raw")).containsExactly(
                new LldpNeighbor(PortName.of("Ma 0/0"), "90:b1:1c:f4:2f:6d", "TenGigabitEthernet 0/33",
                        "swlab1-maa-tor-A2", Set.of("repeater", "bridge", "router")));
    }

    @Test
    void os6RemoteDeviceDetailMatchesNapalm() {
        String dir = "dell_os6/show_lldp_remote_device_detail/";
        JsonNode expected = Fixtures.json(
                "dell_os6/show_lldp_remote_device_all/napalm_dellos6_n4032.napalm_get_lldp_neighbors_detail.json");
        List<String> files = Fixtures.raws(dir.substring(0, dir.length() - 1));
        assertThat(files).hasSize(expected.size());
        for (String f : files) {
            List<LldpNeighbor> rows = parse(Platform.OS6, f);
            assertThat(rows).as(f).hasSize(1);
            LldpNeighbor n = rows.get(0);
            JsonNode e = expected.get("Tengigabitethernet" + n.localPort().key().substring(2)).get(0);
            assertThat(n.chassisId()).isEqualTo(e.get("remote_chassis_id").asText());
            assertThat(n.portId()).isEqualTo(e.get("remote_port").asText());
            assertThat(n.systemName() == null ? "" : n.systemName()).isEqualTo(e.get("remote_system_name").asText());
            Set<String> caps = new TreeSet<>();
            e.get("remote_system_enable_capab").forEach(c -> caps.add(c.asText()));
            assertThat(new TreeSet<>(n.capabilities())).isEqualTo(caps);
        }
    }

    @Test
    void os10DetailByHand() {
        String dir = "dell_os10/show_lldp_neighbors_detail/";
        assertThat(parse(Platform.OS10, dir + "arcswitch_a.raw")).containsExactly(
                new LldpNeighbor(PortName.of("ethernet1/1/1:1"), "c8:4b:d6:90:c7:27", "c8:4b:d6:90:c7:27", null, Set.of()),
                new LldpNeighbor(PortName.of("ethernet1/1/2:1"), "c8:4b:d6:90:c8:0d", "c8:4b:d6:90:c8:0d", null, Set.of()));
        List<LldpNeighbor> b = parse(Platform.OS10, dir + "arcswitch_b.raw");
        assertThat(b).hasSize(16);
        assertThat(b).filteredOn(n -> n.systemName() != null).hasSize(7);
        assertThat(b).contains(
                new LldpNeighbor(PortName.of("ethernet1/1/39"), "0c:29:ef:c3:0b:20", "ethernet1/1/39",
                        "s46r23b-Rack01-TOR-2", Set.of("repeater", "bridge", "router")),
                new LldpNeighbor(PortName.of("ethernet1/1/47:1"), "68:9e:0b:af:91:78", "Ethernet1/16/1",
                        "RR1-S46-R01-9336ssp-1b.corp.microsoft.com", Set.of("bridge", "router")));
    }
}
