package porttracer.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import org.assertj.core.groups.Tuple;
import java.util.List;
import org.junit.jupiter.api.Test;
import porttracer.domain.MacAddress;
import porttracer.domain.MacEntry;
import porttracer.domain.Platform;
import porttracer.domain.PortName;

class MacTableTest {
    private static final String OS6 = "dell_os6/show_mac_address_table/";
    private static final String PC = "dell_powerconnect/show_mac_address_table/";

    private static ParseResult<MacEntry> parse(Platform p, String fixture) {
        return Parsers.macTable(Fixtures.raw(fixture));
    }

    @Test
    void os6MatchesNapalmExpectedResult() {
        ParseResult<MacEntry> r = parse(Platform.OS6, OS6 + "napalm_dellos6_n4032.raw");
        JsonNode expected = Fixtures.json(OS6 + "napalm_dellos6_n4032.napalm_get_mac_address_table.json");
        // NAPALM long-forms interface names ("Tengigabitethernet2/0/3", "vlan 1") and reports
        // Management rows as static: compare ports by PortName key and static as "not dynamic".
        List<Tuple> exp = new ArrayList<>();
        for (JsonNode e : expected) {
            exp.add(tuple(MacAddress.parse(e.get("mac").asText()), e.get("vlan").asInt(),
                    PortName.keyOf(e.get("interface").asText()), e.get("static").asBoolean()));
        }
        assertThat(r.rows()).extracting(m -> tuple(m.mac(), m.vlan(), PortName.keyOf(m.port()),
                !m.type().equals("dynamic"))).containsExactlyElementsOf(exp);
        assertThat(r.rows()).hasSize(80);
        assertThat(r.unparsedLines()).isEmpty();
        assertThat(r.rows().get(31)).isEqualTo(new MacEntry(MacAddress.parse("f8:b1:56:95:cf:f1"), 1, "Vl1", "management"));
    }

    @Test
    void powerConnect55xxMatchesNocExpectedResultAndKeepsTheSelfRow() {
        ParseResult<MacEntry> r = parse(Platform.POWERCONNECT, PC + "noc_powerconnect_5548_4.1.0.1.raw");
        JsonNode expected = Fixtures.json(PC + "noc_powerconnect_5548_4.1.0.1.noc_get_mac_address_table.json");
        List<Tuple> exp = new ArrayList<>();
        for (JsonNode e : expected) {
            exp.add(tuple(MacAddress.parse(e.get("mac").asText()), e.get("vlan_id").asInt(),
                    e.get("interfaces").get(0).asText(), e.get("type").asText().equals("D") ? "dynamic" : "static"));
        }
        // NOC drops non-port rows (the "self" row on port "0"); filter ours the same way to compare.
        assertThat(r.rows()).filteredOn(m -> !m.port().equals("0") && !m.type().equals("self"))
                .extracting(m -> tuple(m.mac(), m.vlan(), m.port(), m.type()))
                .containsExactlyElementsOf(exp);
        assertThat(r.rows()).first()
                .isEqualTo(new MacEntry(MacAddress.parse("d0:67:e5:73:40:b5"), 1, "0", "self"));
        assertThat(r.rows()).hasSize(4);
        assertThat(r.unparsedLines()).isEmpty();
    }

    @Test
    void powerConnectFastpathLayoutMatchesNtcExpectedResult() {
        ParseResult<MacEntry> r = parse(Platform.POWERCONNECT, PC + "ntc_pr467_dell_powerconnect_show_mac_address_table.raw");
        JsonNode expected = Fixtures.ntcSample(PC + "ntc_pr467_dell_powerconnect_show_mac_address_table.yml");
        assertNtc(r, expected, "mac", "vlan", "port", "type");
    }

    @Test
    void powerConnectBridgeAddressTableMatchesNtcExpectedResult() {
        String dir = "dell_powerconnect/show_bridge_address_table/";
        ParseResult<MacEntry> r = parse(Platform.POWERCONNECT, dir + "ntc_dell_powerconnect_show_bridge_address_table.raw");
        JsonNode expected = Fixtures.ntcSample(dir + "ntc_dell_powerconnect_show_bridge_address_table.yml");
        assertNtc(r, expected, "destination_address", "vlan_id", "destination_port", "type");
        assertThat(r.rows()).last().isEqualTo(new MacEntry(MacAddress.parse("70:b5:e8:d5:e6:d4"), 220, "g1", "dynamic"));
    }

    private static void assertNtc(ParseResult<MacEntry> r, JsonNode expected, String mac, String vlan, String port, String type) {
        List<Tuple> exp = new ArrayList<>();
        for (JsonNode e : expected) {
            exp.add(tuple(MacAddress.parse(e.get(mac).asText()), Integer.parseInt(e.get(vlan).asText()),
                    e.get(port).asText(), e.get(type).asText().toLowerCase()));
        }
        assertThat(exp).isNotEmpty();
        assertThat(r.rows()).extracting(m -> tuple(m.mac(), m.vlan(), m.port(), m.type())).containsExactlyElementsOf(exp);
        assertThat(r.unparsedLines()).isEmpty();
    }

    @Test
    void os9RowWithSpacedPortAndStateColumn() {
        ParseResult<MacEntry> r = parse(Platform.OS9, "dell_force10/show_mac_address_table/mfd_os9_address_filter.raw");
        assertThat(r.rows()).containsExactly(new MacEntry(MacAddress.parse("aa:bb:cc:dd:ee:ff"), 1, "Te 0/32", "dynamic"));
        assertThat(r.unparsedLines()).isEmpty();
    }

    @Test
    void os10RowWithoutFinalNewline() {
        ParseResult<MacEntry> r = parse(Platform.OS10, "dell_os10/show_mac_address_table/mfd_os10_address_filter.raw");
        assertThat(r.rows()).containsExactly(new MacEntry(MacAddress.parse("3c:fd:fe:aa:bb:cc"), 1, "ethernet1/1/12:1", "dynamic"));
        assertThat(r.unparsedLines()).isEmpty();
    }

    @Test
    void everyCaptureIsCovered() {
        assertThat(Fixtures.raws("dell_os6/show_mac_address_table")).hasSize(1);
        assertThat(Fixtures.raws("dell_powerconnect/show_mac_address_table")).hasSize(2);
        assertThat(Fixtures.raws("dell_force10/show_mac_address_table")).hasSize(1);
        assertThat(Fixtures.raws("dell_os10/show_mac_address_table")).hasSize(1);
    }

    @Test
    void toleratesTabsCrlfPromptAndEcho() {
        String out = "console#show mac address-table\r\n"
                + "\r\n"
                + "Aging time is 300 Sec\r\n"
                + "Vlan\tMac Address\tType\tPort  \r\n"
                + "--------\t------------\t-------\t-----\r\n"
                + "10\t0011.2233.4455\tDynamic\tGi1/0/7\t\r\n"
                + "20      0011.2233.4466   Static      Po 3   \r\n"
                + "\r\n"
                + "Total MAC Addresses in use: 2\r\n"
                + "console#";
        ParseResult<MacEntry> r = Parsers.macTable(out);
        assertThat(r.rows()).containsExactly(
                new MacEntry(MacAddress.parse("00:11:22:33:44:55"), 10, "Gi1/0/7", "dynamic"),
                new MacEntry(MacAddress.parse("00:11:22:33:44:66"), 20, "Po 3", "static"));
        assertThat(r.unparsedLines()).isEmpty();
    }

    @Test
    void columnOrderComesFromTheHeader() {
        String out = "Port  Type  Mac Address  Vlan\n1/g5  Dynamic  0011.2233.4455  7\n";
        assertThat(Parsers.macTable(out).rows())
                .containsExactly(new MacEntry(MacAddress.parse("00:11:22:33:44:55"), 7, "1/g5", "dynamic"));
    }

    @Test
    void emptyTableAndEmptyOutputGiveNoRows() {
        String out = "\nAging time is 300 Sec\n\nVlan     Mac Address           Type        Port\n"
                + "-------- --------------------- ----------- ---------------------\n\nTotal MAC Addresses in use: 0\n";
        assertThat(Parsers.macTable(out).rows()).isEmpty();
        assertThat(Parsers.macTable(out).unparsedLines()).isEmpty();
        assertThat(Parsers.macTable("").rows()).isEmpty();
        assertThat(Parsers.macTable(null).unparsedLines()).isEmpty();
    }

    @Test
    void malformedMacsAndGarbageBecomeUnparsed() {
        String out = "VlanId        Mac Address         Type        Interface\n"
                + "1             3c:fd:fe:aa:bb:cc   dynamic     ethernet1/1/1\n"
                + "1             3c:fd:fe:aa:bb:cg   dynamic     ethernet1/1/2\n"
                + "1             3c:fd:fe:aa:bb      dynamic     ethernet1/1/3\n"
                + "x             3c:fd:fe:aa:bb:cd   dynamic     ethernet1/1/4\n"
                + "%Error: something odd\n"
                + "1             3c:fd:fe:aa:bb:ce   dynamic\n";
        ParseResult<MacEntry> r = Parsers.macTable(out);
        assertThat(r.rows()).extracting(MacEntry::port).containsExactly("ethernet1/1/1");
        assertThat(r.unparsedLines()).containsExactly(
                "1             3c:fd:fe:aa:bb:cg   dynamic     ethernet1/1/2",
                "1             3c:fd:fe:aa:bb      dynamic     ethernet1/1/3",
                "x             3c:fd:fe:aa:bb:cd   dynamic     ethernet1/1/4",
                "%Error: something odd",
                "1             3c:fd:fe:aa:bb:ce   dynamic");
    }

    @Test
    void rowsBeforeAnyHeaderAreUnparsed() {
        ParseResult<MacEntry> r = Parsers.macTable("1  3c:fd:fe:aa:bb:cc  dynamic  ethernet1/1/1\n");
        assertThat(r.rows()).isEmpty();
        assertThat(r.unparsedLines()).hasSize(1);
    }
}
