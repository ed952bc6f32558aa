package porttracer.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import porttracer.domain.LldpNeighbor;
import porttracer.domain.Platform;
import porttracer.domain.PortName;

class LldpTest {
    /** LLDP system-capabilities bits as NOC stores them. */
    private static final Map<String, Integer> CAPABILITY_BITS = Map.of("other", 1, "repeater", 2, "bridge", 4,
            "wlan-access-point", 8, "router", 16, "telephone", 32, "docsis-cable-device", 64, "station-only", 128);

    private static ParseResult<LldpNeighbor> parse(Platform p, String fixture) {
        ParseResult<LldpNeighbor> r = Parsers.lldp(Fixtures.raw(fixture));
        assertThat(r.unparsedLines()).isEmpty();
        return r;
    }

    @Test
    void os6RemoteDeviceAllMatchesNapalmNeighbors() {
        String dir = "dell_os6/show_lldp_remote_device_all/";
        ParseResult<LldpNeighbor> r = parse(Platform.OS6, dir + "napalm_dellos6_n4032.raw");
        JsonNode expected = Fixtures.json(dir + "napalm_dellos6_n4032.napalm_get_lldp_neighbors.json");
        List<Tuple> exp = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            exp.add(tuple(PortName.keyOf(e.getKey()), e.getValue().get(0).get("port").asText()));
        }
        assertThat(r.rows()).extracting(n -> tuple(n.localPort().key(), n.portId())).containsExactlyInAnyOrderElementsOf(exp);
        // NAPALM takes the hostname from the detail command and falls back to the chassis id; the summary truncates it.
        for (LldpNeighbor n : r.rows()) {
            String host = expected.get("Tengigabitethernet" + n.localPort().key().substring(2)).get(0).get("hostname").asText();
            if (n.systemName() == null) {
                assertThat(host).isEqualTo(n.chassisId());
            } else {
                assertThat(host).startsWith(n.systemName().replace("...", ""));
            }
        }
        assertThat(r.rows()).hasSize(15);
    }

    @Test
    void os6AnsibleRemoteDeviceAll() {
        ParseResult<LldpNeighbor> r = parse(Platform.OS6, "dell_os6/show_lldp_remote_device_all/ansible_dellemc_os6.raw");
        assertThat(r.rows()).containsExactly(
                new LldpNeighbor(PortName.of("Te1/0/5"), "F8:B1:56:70:49:38", "Gi1/0/5", "MAA-N2048-6884", Set.of()),
                new LldpNeighbor(PortName.of("Te1/0/6"), "F8:B1:56:70:49:38", "Gi1/0/6", "MAA-N2048-6884", Set.of()));
    }

    @Test
    void powerConnectTablesMatchNoc() {
        assertNoc(parse(Platform.POWERCONNECT, "dell_powerconnect/show_lldp_neighbors/noc_powerconnect_5548_4.1.0.1.raw"),
                Fixtures.json("dell_powerconnect/show_lldp_neighbors/noc_powerconnect_5548_4.1.0.1.noc_get_lldp_neighbors.json"));
        // The FASTPATH remote-device table prints no capabilities: NOC's 0 matches our empty set.
        assertNoc(parse(Platform.POWERCONNECT, "dell_powerconnect/show_lldp_remote_device_all/noc_powerconnect_pct6224_3.2.0.7.raw"),
                Fixtures.json("dell_powerconnect/show_lldp_remote_device_all/noc_powerconnect_pct6224_3.2.0.7.noc_get_lldp_neighbors.json"));
    }

    private static void assertNoc(ParseResult<LldpNeighbor> r, JsonNode expected) {
        List<Tuple> exp = new ArrayList<>();
        for (JsonNode e : expected) {
            for (JsonNode n : e.get("neighbors")) {
                exp.add(tuple(e.get("local_interface").asText(), n.get("remote_chassis_id").asText().toLowerCase(),
                        n.get("remote_port").asText(), n.get("remote_system_name").asText(),
                        n.get("remote_capabilities").asInt()));
            }
        }
        assertThat(r.rows()).extracting(n -> tuple(n.localPort().raw(), n.chassisId().toLowerCase(), n.portId(), n.systemName(),
                n.capabilities().stream().mapToInt(CAPABILITY_BITS::get).sum())).containsExactlyElementsOf(exp);
    }

    @Test
    void os9Summary() {
        ParseResult<LldpNeighbor> r = parse(Platform.OS9, "dell_force10/show_lldp_neighbors/mfd_os9_force10.raw");
        assertThat(r.rows()).hasSize(3);
        assertThat(r.rows().get(0).localPort().raw()).isEqualTo("Te 0/12");
        assertThat(r.rows().get(1).systemName()).isEqualTo("LIN-ND2-C6004");
        assertThat(r.rows().get(2)).isEqualTo(new LldpNeighbor(PortName.of("Ma 0/0"), "00:04:96:dd:ff:aa", "5", "jf3418-1B3-tor", Set.of()));
    }

    @Test
    void os10SummaryWithCellsOneLeftOfTheirTitle() {
        ParseResult<LldpNeighbor> r = parse(Platform.OS10, "dell_os10/show_lldp_neighbors/mfd_os10.raw");
        assertThat(r.rows()).containsExactly(
                new LldpNeighbor(PortName.of("ethernet1/1/3:1"), "39373638-3935-5A43-4A39-", "00:78:57:aa:bb:cc", null, Set.of()),
                new LldpNeighbor(PortName.of("ethernet1/1/31"), "24:8a:07:bb:cc:aa", "Eth1/32", "B-R03-U23-Mellano...", Set.of()),
                new LldpNeighbor(PortName.of("mgmt1/1/1"), "00:04:96:dd:ff:aa", "19", "LAB-7103-B-R04", Set.of()));
    }

    @Test
    void capabilityLetters() {
        assertThat(LldpSummaryParser.capabilities("B, R")).containsExactly("bridge", "router");
        assertThat(LldpSummaryParser.capabilities("B,W,T")).containsExactly("bridge", "wlan-access-point", "telephone");
        assertThat(LldpSummaryParser.capabilities(null)).isEmpty();
    }
}
