package porttracer.parse;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
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
}
