package porttracer.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import porttracer.domain.PortChannel;
import porttracer.domain.PortName;
import porttracer.domain.Platform;

class PortChannelTest {
    private static final String OS9 = "dell_force10/show_interfaces_switchport/";

    private static PortChannel channel(String name, String... members) {
        return new PortChannel(PortName.of(name), List.of(members).stream().map(PortName::of).toList());
    }

    private static List<String> raws(PortChannel c) {
        return c.members().stream().map(PortName::raw).toList();
    }

    @Test
    void os9S50nSwitchportNamesTheOneMemberOfPortChannel1() {
        ParseResult<PortChannel> r = Parsers.portChannels(Platform.OS9, Fixtures.raw(OS9 + "noc_force10_s50n_8.3.2.0.raw"));
        assertThat(r.unparsedLines()).isEmpty();
        assertThat(r.rows()).containsExactly(channel("Port-channel 1", "GigabitEthernet 0/47"));
        assertThat(r.rows().get(0).number()).isEqualTo("1");
        assertThat(r.rows().get(0).channel().key()).isEqualTo("po1");
        assertThat(r.rows().get(0).members().get(0).key()).isEqualTo("gi0/47");
    }

    @Test
    void os9S25nSwitchportGathersMembersOfTwoUnitsBeforeTheChannelsOwnBlock() {
        ParseResult<PortChannel> r = Parsers.portChannels(Platform.OS9, Fixtures.raw(OS9 + "noc_force10_s25n_7.7.7.1.raw"));
        assertThat(r.unparsedLines()).isEmpty();
        assertThat(r.rows()).hasSize(1);
        assertThat(r.rows().get(0).channel()).isEqualTo(PortName.of("Po 2"));
        assertThat(raws(r.rows().get(0))).containsExactly("GigabitEthernet 0/24", "GigabitEthernet 1/24");
    }

    @Test
    void os9SingleInterfaceCapturesWithoutChannelGiveNone() {
        for (String raw : List.of("dellasm_force10_only_untagged.raw", "dellasm_force10_tagged_and_untagged.raw",
                "dellasm_force10_tagged_with_ranges.raw")) {
            ParseResult<PortChannel> r = Parsers.portChannels(Platform.OS9, Fixtures.raw(OS9 + raw));
            assertThat(r.rows()).as(raw).isEmpty();
            assertThat(r.unparsedLines()).as(raw).isEmpty();
        }
    }

    @Test
    void os9ToleratesCrlfTabsAndCountsANameWhoseParenthesisIsNoChannel() {
        String out = "Dell#show interfaces switchport\r\n"
                + "Name:\tTenGigabitEthernet 0/1 (Port-channel 12)\r\n802.1QTagged: True\r\n\r\n"
                + "Name: TenGigabitEthernet 0/2 (stack port)\r\n"
                + "Name: Port-channel 12\r\n";
        ParseResult<PortChannel> r = Parsers.portChannels(Platform.OS9, out);
        assertThat(r.rows()).containsExactly(channel("Port-channel 12", "TenGigabitEthernet 0/1"));
        assertThat(r.unparsedLines()).containsExactly("Name: TenGigabitEthernet 0/2 (stack port)");
    }

    @Test
    void platformsWithoutAKnownFormatAreRefused() {
        for (Platform p : List.of(Platform.OS10, Platform.OS6, Platform.POWERCONNECT)) {
            assertThatThrownBy(() -> Parsers.portChannels(p, "")).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
