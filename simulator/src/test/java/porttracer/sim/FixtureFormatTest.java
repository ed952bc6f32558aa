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
