package porttracer.parse;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ParseCliTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String input, String... args) throws Exception {
        return ParseCli.run(args, new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void printsMacRowsAsJsonAndCountsUnparsedLines() throws Exception {
        String input = Fixtures.raw("dell_powerconnect/show_mac_address_table/noc_powerconnect_5548_4.1.0.1.raw") + "junk line\n";
        assertThat(run(input, "--platform", "powerconnect", "mac-table")).isZero();
        JsonNode rows = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
        assertThat(rows).hasSize(4);
        assertThat(rows.get(1).get("mac").asText()).isEqualTo("00:1d:b3:77:77:29");
        assertThat(rows.get(1).get("vlan").isInt()).isTrue();
        assertThat(rows.get(1).get("vlan").asInt()).isEqualTo(1141);
        assertThat(rows.get(1).get("port").asText()).isEqualTo("gi1/0/47");
        assertThat(rows.get(1).get("type").asText()).isEqualTo("dynamic");
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unparsed lines: 1");
    }

    @Test
    void printsArpRows() throws Exception {
        assertThat(run(Fixtures.raw("dell_os6/show_arp/napalm_dellos6_n4032_vrf_TEST.raw"), "--platform", "os6", "arp")).isZero();
        JsonNode rows = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
        assertThat(rows.get(1).get("mac").asText()).isEqualTo("00:22:56:cc:ff:6e");
        assertThat(rows.get(1).get("vlan").asInt()).isEqualTo(666);
    }

    @Test
    void badArgumentsExitWithTwo() throws Exception {
        assertThat(run("", "--platform", "ios", "mac-table")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown platform").contains("usage:");
        assertThat(run("", "--platform", "os6", "routes")).isEqualTo(2);
        assertThat(run("", "mac-table")).isEqualTo(2);
        assertThat(out.size()).isZero();
    }

    @Test
    void printsVersionVlanAndLldpDetailEndingInNewline() throws Exception {
        assertThat(run(Fixtures.raw("dell_os6/show_version/napalm_dellos6_n4032.raw"), "--platform", "os6", "version")).isZero();
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(text).endsWith("]\n");
        JsonNode v = new ObjectMapper().readTree(text).get(0);
        assertThat(v.get("model").asText()).isEqualTo("N4032");
        assertThat(v.get("osVersion").asText()).isEqualTo("6.2.0.5");
        assertThat(v.get("platform").asText()).isEqualTo("os6");
        out.reset();
        assertThat(run(Fixtures.raw("dell_force10/show_vlan/ntc_dell_force10_show_vlan_1.raw"), "--platform", "os9", "vlan")).isZero();
        JsonNode vlans = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
        assertThat(vlans.get(0).get("vlan").asInt()).isEqualTo(1);
        assertThat(vlans.get(0).get("untagged").get(0).asText()).isEqualTo("Te 0/42");
        out.reset();
        assertThat(run(Fixtures.raw("dell_os6/show_lldp_remote_device_detail/napalm_dellos6_n4032_Te1_0_21.raw"),
                "--platform", "os6", "lldp-detail")).isZero();
        JsonNode n = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8)).get(0);
        assertThat(n.get("systemName").asText()).isEqualTo("switch2-loc123.example.com");
        assertThat(n.get("capabilities").toString()).isEqualTo("[\"bridge\",\"router\"]");
    }

    /** The CLI reads every capture of the shared fixtures without error and prints a JSON array. */
    @Test
    void parsesEveryFixture() throws Exception {
        Map<String, String> kinds = Map.ofEntries(Map.entry("show_arp", "arp"), Map.entry("show_mac_address_table", "mac-table"),
                Map.entry("show_bridge_address_table", "mac-table"), Map.entry("show_interfaces_status", "interfaces"),
                Map.entry("show_interfaces_description", "description"),
                Map.entry("show_interfaces_switchport", "switchport"), Map.entry("show_lldp_neighbors", "lldp"),
                Map.entry("show_lldp_remote_device_all", "lldp"), Map.entry("show_lldp_neighbors_detail", "lldp-detail"),
                Map.entry("show_lldp_remote_device_detail", "lldp-detail"), Map.entry("show_vlan", "vlan"),
                Map.entry("show_version", "version"));
        Map<String, String> platforms = Map.of("dell_force10", "os9", "dell_os10", "os10", "dell_os6", "os6",
                "dell_powerconnect", "powerconnect");
        int files = 0;
        try (Stream<Path> s = Files.walk(Fixtures.root())) {
            for (Path raw : s.filter(p -> p.toString().endsWith(".raw")).sorted().toList()) {
                Path rel = Fixtures.root().relativize(raw);
                String kind = kinds.get(rel.getName(1).toString());
                assertThat(kind).as(rel.toString()).isNotNull();
                out.reset();
                assertThat(run(Files.readString(raw), "--platform", platforms.get(rel.getName(0).toString()), kind))
                        .as(rel.toString()).isZero();
                JsonNode rows = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
                assertThat(rows.isArray() && rows.size() > 0).as(rel.toString()).isTrue();
                files++;
            }
        }
        assertThat(files).isEqualTo(74);
    }
}
