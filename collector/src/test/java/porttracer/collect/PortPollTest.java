package porttracer.collect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import porttracer.domain.MacAddress;
import porttracer.domain.MacEntry;
import porttracer.domain.Platform;
import porttracer.parse.ParseResult;
import porttracer.parse.Parsers;

/** Reading one port's MAC table: which platforms can, and how its rows merge into the switch's last whole table. */
class PortPollTest {

    @Test
    void onlyOs10EthernetPortsHaveACitedPerPortCommand() {
        assertThat(Dialect.of(Platform.OS10).macTableOfPort("eth1/1/5")).isEqualTo("show mac address-table interface ethernet 1/1/5");
        assertThat(Dialect.of(Platform.OS10).macTableOfPort("eth1/1/12:1"))
                .isEqualTo("show mac address-table interface ethernet 1/1/12:1");
        assertThat(Dialect.of(Platform.OS10).macTableOfPort("po2")).isNull();
        for (Platform p : List.of(Platform.OS9, Platform.OS6, Platform.POWERCONNECT)) {
            assertThat(Dialect.of(p).macTableOfPort("gi1/0/5")).as(p.id()).isNull();
        }
    }

    @Test
    void aPortsFreshRowsReplaceOnlyThatPortsRows() {
        MacEntry a = new MacEntry(MacAddress.parse("02:00:00:00:00:0a"), 10, "ethernet1/1/1", "dynamic");
        MacEntry gone = new MacEntry(MacAddress.parse("02:00:00:00:00:0b"), 10, "ethernet1/1/5", "dynamic");
        MacEntry c = new MacEntry(MacAddress.parse("02:00:00:00:00:0c"), 20, "ethernet1/1/9", "dynamic");
        ParseResult<MacEntry> before = new ParseResult<>(List.of(a, gone, c), List.of("old noise"));
        // The answer as OS10's reference guide prints it for one interface.
        ParseResult<MacEntry> port = Parsers.macTable("VlanId        Mac Address         Type        Interface\n"
                + "10            02:00:00:00:00:0d   dynamic     ethernet1/1/5\n");
        ParseResult<MacEntry> merged = RecentAnswers.merge(before, "eth1/1/5", port);
        assertThat(merged.rows()).extracting(e -> e.mac().toString(), MacEntry::port).containsExactly(
                org.assertj.core.groups.Tuple.tuple(a.mac().toString(), "ethernet1/1/1"),
                org.assertj.core.groups.Tuple.tuple(c.mac().toString(), "ethernet1/1/9"),
                org.assertj.core.groups.Tuple.tuple("02:00:00:00:00:0d", "ethernet1/1/5"));
        assertThat(merged.unparsedLines()).isEmpty();
        // A row of another port in the answer is not the port's to replace.
        ParseResult<MacEntry> stray = new ParseResult<>(List.of(new MacEntry(MacAddress.parse("02:00:00:00:00:0e"), 10,
                "ethernet1/1/7", "dynamic")), List.of());
        assertThat(RecentAnswers.merge(before, "eth1/1/5", stray).rows()).containsExactly(a, c);
    }
}
