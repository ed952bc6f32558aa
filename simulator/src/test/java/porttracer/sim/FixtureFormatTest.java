package porttracer.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import porttracer.domain.MacAddress;
import porttracer.domain.MacEntry;
import porttracer.domain.PortInfo;
import porttracer.domain.PortName;
import porttracer.parse.Parsers;

/** The renderers reproduce real captures byte for byte when fed the captures' own rows. */
class FixtureFormatTest {

    private static final Path FIXTURES = Path.of(System.getProperty("porttracer.fixtures", "../../shared/fixtures/dell-cli"));

    @Test
    void os6MacTable() throws IOException {
        String capture = read("dell_os6/show_mac_address_table/napalm_dellos6_n4032.raw");
        List<MacEntry> rows = rows(capture, "^(\\d+)\\s+(\\S+)\\s+(\\S+)\\s+(\\S+)$", 1, 2, 4, 3);
        assertThat(new Os6Renderer().macTable(rows, true)).isEqualTo(capture);
    }

    @Test
    void os10MacTable() throws IOException {
        String capture = read("dell_os10/show_mac_address_table/mfd_os10_address_filter.raw");
        List<MacEntry> rows = rows(capture, "^(\\d+)\\s+(\\S+)\\s+(\\S+)\\s+(\\S+)$", 1, 2, 4, 3);
        assertThat(new Os10Renderer().macTable(rows)).isEqualTo(capture + "\n");
    }

    @Test
    void os9MacTable() throws IOException {
        String capture = read("dell_force10/show_mac_address_table/mfd_os9_address_filter.raw");
        List<MacEntry> rows = rows(capture, "^\\s*(\\d+)\\s+(\\S+)\\s+(\\S+)\\s+(\\S+ \\S+)\\s+Active$", 1, 2, 4, 3);
        // the fixture lost the legend's 7-space indent to textwrap.dedent (see SOURCES.md)
        assertThat(new Os9Renderer().macTable(rows)).isEqualTo(capture.replace("\n*I", "\n       *I"));
    }

    @Test
    void powerConnect55xxMacTable() throws IOException {
        String capture = read("dell_powerconnect/show_mac_address_table/noc_powerconnect_5548_4.1.0.1.raw");
        String withoutEcho = capture.substring(capture.indexOf('\n') + 1);
        List<MacEntry> rows = rows(withoutEcho, "^\\s*(\\d+)\\s+(\\S+)\\s+(\\S+)\\s+(\\S+)\\s*$", 1, 2, 3, 4);
        assertThat(new PowerConnectRenderer().macTable(rows)).isEqualTo(withoutEcho);
    }

    @Test
    void powerConnect55xxLldpNeighbors() throws IOException {
        String capture = read("dell_powerconnect/show_lldp_neighbors/noc_powerconnect_5548_4.1.0.1.raw");
        LldpNeighbour n = new LldpNeighbour("gi1/0/47", MacAddress.parse("a4:ba:db:5d:d4:d8"), "1/0/24", "dell_6224", true);
        String rendered = new PowerConnectRenderer().lldpNeighbors(List.of(n)).replace(" 120  ", " 105  ");
        assertThat(rendered).isEqualTo(capture.substring(capture.indexOf('\n') + 1));
    }

    @Test
    void os6LldpRemoteDeviceAll() throws IOException {
        String capture = read("dell_os6/show_lldp_remote_device_all/napalm_dellos6_n4032.raw");
        LldpNeighbour n = new LldpNeighbour("Te1/0/21", MacAddress.parse("00:41:D2:17:2F:00"), "Gi1/0/1",
                "switch2-loc123-sw1", false);
        String rendered = new Os6Renderer().lldpRemoteDeviceAll(List.of(n)).replace("Te1/0/21  1       ", "Te1/0/21  202     ");
        assertThat(capture).startsWith(rendered.substring(0, rendered.indexOf("Te1/0/21")));
        assertThat(capture).contains(rendered.substring(rendered.indexOf("Te1/0/21")));
    }

    @Test
    void os10AndOs9LldpNeighborRows() throws IOException {
        LldpNeighbour os10 = new LldpNeighbour("ethernet1/1/31", MacAddress.parse("24:8a:07:bb:cc:aa"), "Eth1/32",
                "B-R03-U23-Mellanox-SN2100", false);
        String os10Capture = read("dell_os10/show_lldp_neighbors/mfd_os10.raw");
        String os10Rendered = new Os10Renderer().lldpNeighbors(List.of(os10));
        assertThat(os10Capture).startsWith(os10Rendered.substring(0, os10Rendered.indexOf("ethernet")));
        assertThat(os10Capture).contains(os10Rendered.substring(os10Rendered.indexOf("ethernet")));
        LldpNeighbour os9 = new LldpNeighbour("Fo 0/60", MacAddress.parse("b4:e9:b0:cc:bb:aa"), "Eth1/12",
                "LIN-ND2-C6004", false);
        String os9Capture = read("dell_force10/show_lldp_neighbors/mfd_os9_force10.raw");
        String os9Rendered = new Os9Renderer().lldpNeighbors(List.of(os9));
        assertThat(os9Capture).startsWith(os9Rendered.substring(0, os9Rendered.indexOf("Fo 0/60")));
        assertThat(os9Capture).contains(os9Rendered.substring(os9Rendered.indexOf("Fo 0/60")));
    }

    @Test
    void os6ArpRow() throws IOException {
        String capture = read("dell_os6/show_arp/napalm_dellos6_n4032.raw");
        String rendered = new Os6Renderer().arp(List.of(new ArpEntry("10.99.39.2", MacAddress.parse("0022.56CC.FF6E"), 3840)));
        assertThat(rendered.replace("1 / 1", "10 / 10").replace(" 0h  0m 37s", " 0h  9m 45s")).isEqualTo(capture
                .substring(0, capture.indexOf("192.0.2.5")) + "10.99.39.2       0022.56CC.FF6E     Vl3840          Dynamic    0h  9m 45s\n");
    }

    @Test
    void descriptionTables() throws IOException {
        String os6Capture = read("dell_os6/show_interfaces_description/napalm_dellos6_n4032.raw");
        // the capture's second table, of port-channels, is not simulated
        String os6 = os6Capture.substring(0, os6Capture.indexOf("\n\nPort  Description") + 1);
        assertThat(new Os6Renderer().interfacesDescription(descriptions(os6, 11))).isEqualTo(os6);
        String pcCapture = read("dell_powerconnect/show_interfaces_description/ntc_dell_powerconnect_show_interfaces_description.raw");
        String pc = pcCapture.substring(0, pcCapture.indexOf("\n\n") + 1); // then a port-channel table, not simulated
        assertThat(new PowerConnectRenderer().interfacesDescription(descriptions(pc, 10))).isEqualTo(pc);
    }

    @Test
    void vlanTablesRenderTheirOwnParse() throws IOException {
        String os6 = read("dell_os6/show_vlan/napalm_dellos6_n4032.raw");
        assertThat(new Os6Renderer().vlans(Parsers.vlans(os6).rows())).isEqualTo(os6);
        String os9 = read("dell_force10/show_vlan/ntc_dell_force10_show_vlan_1.raw");
        assertThat(new Os9Renderer().vlans(Parsers.vlans(os9).rows())).isEqualTo(os9);
        String pc = read("dell_powerconnect/show_vlan/noc_powerconnect_5548_4.1.0.1.raw");
        String withoutEcho = pc.substring(pc.indexOf('\n') + 1);
        assertThat(new PowerConnectRenderer().vlans(Parsers.vlans(pc).rows())).isEqualTo(withoutEcho);
    }

    @Test
    void os9SwitchportBlock() throws IOException {
        String capture = read("dell_force10/show_interfaces_switchport/dellasm_force10_tagged_and_untagged.raw");
        PortInfo port = new PortInfo(PortName.of("Te 0/26"), "R620 41TBRW1", "up", null, null, "hybrid", 18,
                List.of(16, 20, 23, 28));
        assertThat(new Os9Renderer().interfacesSwitchport(List.of(port), List.of())).isEqualTo(capture);
    }

    @Test
    void os9SwitchportNamesAMembersChannelAsTheS50nCaptureDoes() throws IOException {
        String capture = read("dell_force10/show_interfaces_switchport/noc_force10_s50n_8.3.2.0.raw");
        PortInfo member = new PortInfo(PortName.of("Gi 0/47"), "", "up", null, null, "access", 3, List.of());
        String rendered = new Os9Renderer().interfacesSwitchport(List.of(member),
                List.of(new porttracer.domain.PortChannel(PortName.of("Po 1"), List.of(PortName.of("Gi 0/47")))));
        String nameLine = "Name: GigabitEthernet 0/47 (Port-channel 1)\n";
        assertThat(capture.replace("\r\n", "\n")).contains(nameLine);
        assertThat(rendered).contains(nameLine);
    }

    @Test
    void interfaceStatusRows() throws IOException {
        String os10 = read("dell_os10/show_interfaces_status/arcswitch_s5248f.raw");
        List<Integer> tagged = new ArrayList<>(List.of(6, 201, 301, 401));
        for (int v = 501; v <= 516; v++) {
            tagged.add(v);
        }
        tagged.add(3939);
        String rendered = new Os10Renderer().interfacesStatus(List.of(new PortInfo(PortName.of("ethernet1/1/1:1"),
                "Switched-Compute-1", "up", "10G", "full", "trunk", 7, tagged)));
        assertThat(os10).startsWith(rendered);

        String os9 = read("dell_force10/show_interfaces_status/mfd_os9_s5048_te_up.raw");
        assertThat(new Os9Renderer().interfacesStatus(List.of(new PortInfo(PortName.of("Te 1/4/1"), "", "up",
                "10000 Mbit", "full", "access", 3260, List.of())))).isEqualTo(os9 + "\n");

        String os6 = read("dell_os6/show_interfaces_status/napalm_dellos6_n4032.raw");
        String os6Rendered = new Os6Renderer().interfacesStatus(List.of(
                new PortInfo(PortName.of("Te1/0/20"), "", "down", null, null, "access", 1, List.of()),
                new PortInfo(PortName.of("Te1/0/21"), "Interface 21", "up", "1000", "full", "trunk", 1,
                        List.of(699, 707, 710, 3840, 4002))));
        assertThat(os6).startsWith(os6Rendered.substring(0, os6Rendered.indexOf("Te1/0/20")));
        assertThat(os6).contains(os6Rendered.substring(os6Rendered.indexOf("Te1/0/20")));

        String pc = read("dell_powerconnect/show_interfaces_status/ntc_dell_powerconnect_show_interfaces_status.raw");
        String pcRendered = new PowerConnectRenderer().interfacesStatus(List.of(
                new PortInfo(PortName.of("g1"), null, "up", "1000", "full", null, null, null),
                new PortInfo(PortName.of("g36"), null, "down", null, null, null, null, null)));
        assertThat(pc).startsWith(pcRendered.substring(0, pcRendered.indexOf("g1 ")));
        for (String row : pcRendered.substring(pcRendered.indexOf("g1 ")).split("\n")) {
            assertThat(pc).contains(row + "\n");
        }
    }

    /** The rows of a description capture: the port in the first {@code width} characters, the rest as printed. */
    private static List<PortInfo> descriptions(String capture, int width) {
        List<PortInfo> rows = new ArrayList<>();
        String[] lines = capture.split("\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (i > 0 && lines[i - 1].startsWith("---") || !rows.isEmpty() && !line.isBlank()) {
                rows.add(new PortInfo(PortName.of(line.length() > width ? line.substring(0, width) : line),
                        line.length() > width ? line.substring(width) : "", null, null, null, null, null, null));
            }
        }
        return rows;
    }

    private static List<MacEntry> rows(String capture, String regex, int vlan, int mac, int port, int type) {
        Pattern row = Pattern.compile(regex);
        List<MacEntry> rows = new ArrayList<>();
        for (String line : capture.split("\n")) {
            Matcher m = row.matcher(line);
            if (m.matches()) {
                rows.add(new MacEntry(MacAddress.parse(m.group(mac)), Integer.parseInt(m.group(vlan)),
                        m.group(port), m.group(type).toLowerCase(Locale.ROOT)));
            }
        }
        assertThat(rows).isNotEmpty();
        return rows;
    }

    static String read(String fixture) throws IOException {
        return Files.readString(FIXTURES.resolve(fixture), StandardCharsets.UTF_8);
    }
}
