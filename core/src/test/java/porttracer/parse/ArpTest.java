package porttracer.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import porttracer.domain.ArpEntry;
import porttracer.domain.MacAddress;
import porttracer.domain.Platform;
import porttracer.domain.PortName;

class ArpTest {

    private static ParseResult<ArpEntry> parse(Platform p, String fixture) {
        ParseResult<ArpEntry> r = Parsers.arp(Fixtures.raw(fixture));
        assertThat(r.unparsedLines()).isEmpty();
        return r;
    }

    @ParameterizedTest
    @ValueSource(strings = {"noc_force10_c300_8.3.1.1", "noc_force10_s25n_7.7.1.1", "noc_force10_s50n_8.3.2.0"})
    void os9MatchesNocExpectedResult(String name) {
        String dir = "dell_force10/show_arp/";
        ParseResult<ArpEntry> r = parse(Platform.OS9, dir + name + ".raw");
        List<Tuple> exp = new ArrayList<>();
        for (JsonNode e : Fixtures.json(dir + name + ".noc_get_arp.json")) {
            exp.add(tuple(e.get("ip").asText(), MacAddress.parse(e.get("mac").asText()), e.get("interface").asText()));
        }
        // NOC leaves out the switch's own addresses, printed with interface "-"; so do we when comparing.
        assertThat(r.rows()).filteredOn(a -> a.iface() != null).extracting(a -> tuple(a.ip(), a.mac(), a.iface()))
                .containsExactlyElementsOf(exp);
        assertThat(r.rows()).filteredOn(a -> a.iface() == null).isNotEmpty().allMatch(a -> a.vlan() == 2);
    }

    @Test
    void os9MatchesNtcExpectedResult() {
        String dir = "dell_force10/show_arp/";
        ParseResult<ArpEntry> r = parse(Platform.OS9, dir + "ntc_dell_force10_show_arp.raw");
        List<Tuple> exp = new ArrayList<>();
        for (JsonNode e : Fixtures.ntcSample(dir + "ntc_dell_force10_show_arp.yml")) {
            String port = e.get("port").asText();
            String vlan = e.get("vlan_id").asText();
            exp.add(tuple(e.get("ip_address").asText(), MacAddress.parse(e.get("mac_address").asText()),
                    port.equals("-") ? null : port, vlan.equals("-") ? null : Integer.valueOf(vlan.replace("Vl", "").strip())));
        }
        assertThat(r.rows()).extracting(a -> tuple(a.ip(), a.mac(), a.iface(), a.vlan())).containsExactlyElementsOf(exp);
    }

    @ParameterizedTest
    @ValueSource(strings = {"napalm_dellos6_n4032", "napalm_dellos6_n4032_vrf_TEST"})
    void os6MatchesNapalmExpectedResult(String name) {
        String dir = "dell_os6/show_arp/";
        ParseResult<ArpEntry> r = parse(Platform.OS6, dir + name + ".raw");
        List<Tuple> exp = new ArrayList<>();
        for (JsonNode e : Fixtures.json(dir + name + ".napalm_get_arp_table.json")) {
            exp.add(tuple(e.get("ip").asText(), MacAddress.parse(e.get("mac").asText()), PortName.keyOf(e.get("interface").asText())));
        }
        assertThat(r.rows()).extracting(a -> tuple(a.ip(), a.mac(), PortName.keyOf(a.iface()))).containsExactlyElementsOf(exp);
    }

    @Test
    void os6TypesAndManagementRow() {
        ParseResult<ArpEntry> r = parse(Platform.OS6, "dell_os6/show_arp/napalm_dellos6_n4032.raw");
        assertThat(r.rows()).hasSize(11);
        assertThat(r.rows().get(2)).isEqualTo(new ArpEntry("10.99.39.1", MacAddress.parse("0000.5e00.0f28"), "Vl3840", 3840, "gateway"));
        assertThat(r.rows()).last().isEqualTo(new ArpEntry("10.238.12.1", MacAddress.parse("00f2.8be7.2f10"), "Management", null, "dynamic"));
    }

    @Test
    void powerConnect55xxMatchesNoc() {
        String dir = "dell_powerconnect/show_arp/";
        ParseResult<ArpEntry> r = parse(Platform.POWERCONNECT, dir + "noc_powerconnect_5548_4.1.0.1.raw");
        JsonNode e = Fixtures.json(dir + "noc_powerconnect_5548_4.1.0.1.noc_get_arp.json").get(0);
        assertThat(r.rows()).containsExactly(new ArpEntry(e.get("ip").asText(), MacAddress.parse(e.get("mac").asText()),
                e.get("interface").asText(), 1141, "dynamic"));
    }

    @Test
    void powerConnectFastpathMatchesNocIpAndMac() {
        String dir = "dell_powerconnect/show_arp/";
        ParseResult<ArpEntry> r = parse(Platform.POWERCONNECT, dir + "noc_powerconnect_pct6224_3.2.0.7.raw");
        List<Tuple> exp = new ArrayList<>();
        for (JsonNode e : Fixtures.json(dir + "noc_powerconnect_pct6224_3.2.0.7.noc_get_arp.json")) {
            exp.add(tuple(e.get("ip").asText(), MacAddress.parse(e.get("mac").asText())));
        }
        // NOC's expected interface reads "vlan141" for the printed "vlan 1141" (its regex drops a digit):
        // only IP and MAC are compared, the interface is asserted as printed.
        assertThat(r.rows()).extracting(a -> tuple(a.ip(), a.mac())).containsExactlyElementsOf(exp);
        assertThat(r.rows()).extracting(ArpEntry::iface, ArpEntry::vlan, ArpEntry::type)
                .containsExactly(tuple("vlan 1141", 1141, "gateway"), tuple("vlan 1141", 1141, "local"));
    }

    @Test
    void malformedRowsAreUnparsed() {
        String out = "IP Address       MAC Address        Interface       Type      Age\n"
                + "---------------  -----------------  --------------  --------  -----------\n"
                + "10.0.0.1         F8B1.5695.CFF1     Vl10            Local         n/a\n"
                + "10.0.0.300       F8B1.5695.CFF1     Vl10            Local         n/a\n"
                + "10.0.0.2         F8B1.5695.CFFZ     Vl10            Local         n/a\n";
        ParseResult<ArpEntry> r = Parsers.arp(out);
        assertThat(r.rows()).extracting(ArpEntry::ip).containsExactly("10.0.0.1");
        assertThat(r.unparsedLines()).hasSize(2);
    }
}
