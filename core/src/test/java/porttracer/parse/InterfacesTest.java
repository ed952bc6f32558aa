package porttracer.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import porttracer.domain.PortInfo;
import porttracer.domain.PortName;

class InterfacesTest {
    private static final String PC_STATUS = "dell_powerconnect/show_interfaces_status/";

    private static PortInfo port(ParseResult<PortInfo> r, String name) {
        return r.rows().stream().filter(p -> p.port().samePort(name)).findFirst().orElseThrow();
    }

    private static List<Integer> range(int from, int to) {
        return IntStream.rangeClosed(from, to).boxed().toList();
    }

    @Test
    void powerConnectRadlanStatusMatchesNtcExpectedResult() {
        ParseResult<PortInfo> r = Parsers.interfaces(Fixtures.raw(PC_STATUS + "ntc_dell_powerconnect_show_interfaces_status.raw"));
        List<Tuple> exp = new ArrayList<>();
        for (JsonNode e : Fixtures.ntcSample(PC_STATUS + "ntc_dell_powerconnect_show_interfaces_status.yml")) {
            String duplex = e.get("duplex").asText();
            String speed = e.get("speed").asText();
            exp.add(tuple(e.get("port").asText(), duplex.equals("--") ? null : duplex.toLowerCase(),
                    speed.equals("--") ? null : speed, e.get("linkstate").asText().toLowerCase()));
        }
        // ntc's template reads only the port table; the port-channel (Ch) table follows it.
        assertThat(r.rows().subList(0, 48))
                .extracting(p -> tuple(p.port().raw(), p.duplex(), p.speed(), p.linkState()))
                .containsExactlyElementsOf(exp);
        assertThat(r.rows()).hasSize(56);
        assertThat(r.rows().get(48)).isEqualTo(new PortInfo(PortName.of("ch1"), null, "down", null, null, null, null, null));
        assertThat(r.rows().get(0).mode()).as("Mode is the MDIX mode here").isNull();
        assertThat(r.unparsedLines()).isEmpty();
    }

    @Test
    void powerConnectFastpathStatusJoinsWrappedVlansAndReadsGeneralMode() {
        ParseResult<PortInfo> r = Parsers.interfaces(Fixtures.raw(PC_STATUS + "dellasm_powerconnect_tor.raw"));
        assertThat(r.unparsedLines()).isEmpty();
        assertThat(r.rows()).hasSize(58);
        assertThat(r.rows()).first().isEqualTo(new PortInfo(PortName.of("Te1/0/1"), "", "down", "10000", "full", "access", 1, List.of()));
        assertThat(port(r, "Te1/0/17")).isEqualTo(new PortInfo(PortName.of("Te1/0/17"), "H1RRD42 PO 11", "up", "10000", "full",
                "general", 1, List.of(16, 18, 20, 22, 23, 25, 28)));
        assertThat(port(r, "Te1/0/48").vlans()).startsWith(2, 3).endsWith(4092, 4093).doesNotContain(16).hasSize(4091);
        assertThat(port(r, "Fo1/0/1").description()).isEqualTo("MLAG-Peer-Link");
        assertThat(r.rows()).last().isEqualTo(new PortInfo(PortName.of("Te1/0/56"), "", "down", null, null, null, null, List.of()));
    }

    @Test
    void os6StatusHandlesAllThreeTablesAndWrappedVlans() {
        ParseResult<PortInfo> r = Parsers.interfaces(Fixtures.raw("dell_os6/show_interfaces_status/napalm_dellos6_n4032.raw"));
        assertThat(r.unparsedLines()).isEmpty();
        assertThat(r.rows()).hasSize(48 + 1 + 3);
        assertThat(port(r, "Tengigabitethernet1/0/8").description()).isEqualTo("blah");
        assertThat(port(r, "Te1/0/12")).isEqualTo(new PortInfo(PortName.of("Te1/0/12"), "Interface 12", "up", "10000", "full",
                "trunk", 1, List.of(699, 707, 710, 3840, 4000, 4001, 4002)));
        assertThat(port(r, "Te1/0/23")).extracting(PortInfo::linkState, PortInfo::speed, PortInfo::pvid)
                .containsExactly("down", null, null);
        assertThat(port(r, "oob")).extracting(PortInfo::linkState).isEqualTo("up");
        assertThat(port(r, "port-channel50")).isEqualTo(new PortInfo(PortName.of("Po50"), "Port-channel50", "up", null, null,
                "trunk", 1, List.of(699, 707, 710, 3840, 4002)));
    }

    @Test
    void os6AnsibleStatusWithNativeAndLongRange() {
        ParseResult<PortInfo> r = Parsers.interfaces(Fixtures.raw("dell_os6/show_interfaces_status/ansible_dellemc_os6.raw"));
        assertThat(r.unparsedLines()).isEmpty();
        assertThat(r.rows()).hasSize(34 + 1);
        assertThat(r.rows().get(0)).isEqualTo(new PortInfo(PortName.of("Te1/0/1"), "connected to sp", "up", "1000", "full",
                "trunk", 1, range(2, 4094))); // "2-4096": 4095 and 4096 are no usable VLANs
        assertThat(port(r, "Te1/0/2")).extracting(PortInfo::mode, PortInfo::pvid).containsExactly("access", 99);
        assertThat(port(r, "Fo1/1/1").linkState()).isEqualTo("down");
    }

    @Test
    void os10StatusReadsModeVlanAndTaggedVlans() {
        ParseResult<PortInfo> r = Parsers.interfaces(Fixtures.raw("dell_os10/show_interfaces_status/arcswitch_s5248f.raw"));
        assertThat(r.unparsedLines()).isEmpty();
        assertThat(r.rows()).extracting(p -> p.port().key())
                .containsExactly("eth1/1/1:1", "eth1/1/2:1", "eth1/1/3:1", "po128", "vlan7");
        List<Integer> tagged = new ArrayList<>(List.of(6, 201, 301, 401));
        tagged.addAll(range(501, 516));
        tagged.add(3939);
        assertThat(r.rows().get(2)).isEqualTo(new PortInfo(PortName.of("Eth 1/1/3:1"), "Switched-Comp..", "down", null, null,
                "trunk", 7, tagged));
        assertThat(r.rows().get(3).speed()).isEqualTo("200G");
        assertThat(r.rows().get(4)).isEqualTo(new PortInfo(PortName.of("Vl 7"), "", "up", null, null, null, null, List.of()));
    }

    @Test
    void os9StatusWithSpacedPortAndSpeed() {
        ParseResult<PortInfo> r = Parsers.interfaces(Fixtures.raw("dell_force10/show_interfaces_status/mfd_os9_s5048_te_up.raw"));
        assertThat(r.rows()).containsExactly(new PortInfo(PortName.of("Te 1/4/1"), "", "up", "10000 Mbit", "full", null, 3260, List.of()));
        assertThat(r.unparsedLines()).isEmpty();
    }

    @Test
    void powerConnectDescriptionMatchesNtcExpectedResult() {
        String dir = "dell_powerconnect/show_interfaces_description/";
        ParseResult<PortInfo> r = Parsers.description(Fixtures.raw(dir + "ntc_dell_powerconnect_show_interfaces_description.raw"));
        List<Tuple> exp = new ArrayList<>();
        for (JsonNode e : Fixtures.ntcSample(dir + "ntc_dell_powerconnect_show_interfaces_description.yml")) {
            exp.add(tuple(e.get("interface").asText(), e.get("description").asText()));
        }
        // ntc's expected parse stops at the port table; the Ch table adds ch1..ch8 without descriptions.
        assertThat(r.rows().subList(0, 48)).extracting(p -> tuple(p.port().raw(), p.description())).containsExactlyElementsOf(exp);
        assertThat(r.rows().subList(48, 56)).extracting(p -> tuple(p.port().key(), p.description()))
                .containsExactly(IntStream.rangeClosed(1, 8).mapToObj(i -> tuple("po" + i, "")).toArray(Tuple[]::new));
        assertThat(r.unparsedLines()).isEmpty();
    }

    @Test
    void os6Description() {
        ParseResult<PortInfo> r = Parsers.description(Fixtures.raw("dell_os6/show_interfaces_description/napalm_dellos6_n4032.raw"));
        assertThat(r.unparsedLines()).isEmpty();
        assertThat(r.rows()).hasSize(48 + 128);
        assertThat(port(r, "Te1/0/8").description()).isEqualTo("blah");
        assertThat(port(r, "Te1/0/9").description()).isEmpty();
        assertThat(port(r, "Po10")).isEqualTo(new PortInfo(PortName.of("Po10"), "Port-channel10", null, null, null, null, null, null));
        assertThat(r.rows()).last().extracting(p -> p.port().raw()).isEqualTo("Po128");
    }

    @Test
    void os9SwitchportBlocks() {
        String dir = "dell_force10/show_interfaces_switchport/";
        assertThat(Parsers.switchport(Fixtures.raw(dir + "dellasm_force10_tagged_with_ranges.raw")).rows())
                .containsExactly(new PortInfo(PortName.of("Te 0/39"), "C6320 64BQW52", null, null, null, "hybrid", 25,
                        List.of(18, 19, 20, 21, 28)));
        assertThat(Parsers.switchport(Fixtures.raw(dir + "dellasm_force10_tagged_and_untagged.raw")).rows())
                .extracting(PortInfo::pvid, PortInfo::vlans).containsExactly(tuple(18, List.of(16, 20, 23, 28)));
        assertThat(Parsers.switchport(Fixtures.raw(dir + "dellasm_force10_only_untagged.raw")).rows())
                .extracting(PortInfo::pvid, PortInfo::vlans).containsExactly(tuple(25, List.of()));

        ParseResult<PortInfo> s25 = Parsers.switchport(Fixtures.raw(dir + "noc_force10_s25n_7.7.7.1.raw"));
        assertThat(s25.unparsedLines()).isEmpty();
        assertThat(s25.rows()).hasSize(49).first().isEqualTo(new PortInfo(PortName.of("Gi 0/1"), "www135 Management",
                null, null, null, "access", 107, List.of()));
        assertThat(port(s25, "Gi 0/24").port().raw()).as("LAG membership is not part of the name").isEqualTo("GigabitEthernet 0/24");
        assertThat(port(s25, "Po 2").vlans()).containsExactly(103, 107, 146);

        ParseResult<PortInfo> s50 = Parsers.switchport(Fixtures.raw(dir + "noc_force10_s50n_8.3.2.0.raw"));
        assertThat(s50.unparsedLines()).isEmpty();
        assertThat(s50.rows()).hasSize(49).first()
                .isEqualTo(new PortInfo(PortName.of("GigabitEthernet 0/1"), null, null, null, null, "access", 3, List.of()));
        assertThat(port(s50, "Gi 0/7").description()).isEqualTo("Blade Center Management");
        assertThat(port(s50, "Gi 0/45")).isEqualTo(new PortInfo(PortName.of("GigabitEthernet 0/45"), "sw-34-ti", null, null, null,
                "trunk", null, List.of(2, 5, 72, 167, 168)));
    }

    @Test
    void garbageAndCrlfInStatus() {
        String out = "console#show interfaces status\r\n\r\n"
                + "Port      Description     Duplex Speed   Neg  Link   Flow  M  VLAN\r\n"
                + "                                              State  Ctrl\r\n"
                + "--------- --------------- ------ ------- ---- ------ ----- -- -------------------\r\n"
                + "Gi1/0/1   uplink          Full   1000    Auto Up     Off   T  (5),6-7,\r\n"
                + "                                                              9\r\n"
                + "%Invalid input detected\r\n"
                + "Gi1/0/2                   N/A    Unknown Auto Down   Off   A  5";
        ParseResult<PortInfo> r = Parsers.interfaces(out);
        assertThat(r.rows()).containsExactly(
                new PortInfo(PortName.of("Gi1/0/1"), "uplink", "up", "1000", "full", "trunk", 5, List.of(6, 7, 9)),
                new PortInfo(PortName.of("Gi1/0/2"), "", "down", null, null, "access", 5, List.of()));
        assertThat(r.unparsedLines()).containsExactly("%Invalid input detected");
    }
}
