package porttracer.collect;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import porttracer.config.Settings;
import porttracer.domain.MacAddress;
import porttracer.domain.MacEntry;
import porttracer.domain.Platform;
import porttracer.domain.PortChannel;
import porttracer.domain.PortName;
import porttracer.domain.Sighting;
import porttracer.parse.Parsers;
import porttracer.store.SwitchRecord;

/** Port-channel membership in classification and on the sightings a poll produces. */
class PortChannelClassifyTest {

    private static final MacAddress HOST = MacAddress.parse("00:50:56:aa:bb:01");
    private static final MacAddress BEHIND_LAG = MacAddress.parse("00:50:56:aa:bb:02");
    private static final MacAddress ON_MEMBER = MacAddress.parse("00:50:56:aa:bb:03");

    private static final PortChannel PO2 = new PortChannel(PortName.of("Port-channel 2"),
            List.of(PortName.of("GigabitEthernet 0/24"), PortName.of("GigabitEthernet 1/24")));

    private static PortClassifier.Context context(Map<String, PortChannel> channels) {
        return new PortClassifier.Context(Map.of(), Map.of(), Map.of(), Set.of(), Map.of(), channels);
    }

    @Test
    void aMacOnAMemberPortIsAnUplinkNamingItsChannel() {
        List<MacEntry> macs = List.of(new MacEntry(HOST, 10, "Gi 0/5", "dynamic"),
                new MacEntry(BEHIND_LAG, 10, "Po 2", "dynamic"), new MacEntry(ON_MEMBER, 10, "Gi 1/24", "dynamic"));
        Map<String, PortClassifier.Role> roles = new PortClassifier(8, 4).classify(macs, context(Map.of("po2", PO2)));
        assertThat(roles).containsExactlyInAnyOrderEntriesOf(Map.of(
                "gi0/5", new PortClassifier.Role(true, "single mac", 1),
                "po2", new PortClassifier.Role(false, "port-channel", 1),
                "gi1/24", new PortClassifier.Role(false, "member of port-channel 2", 1)));
    }

    @Test
    void withoutMembershipAMemberPortLooksLikeAnyOtherPort() {
        List<MacEntry> macs = List.of(new MacEntry(ON_MEMBER, 10, "Gi 1/24", "dynamic"));
        assertThat(new PortClassifier(8, 4).classify(macs, context(Map.of())))
                .containsExactly(Map.entry("gi1/24", new PortClassifier.Role(true, "single mac", 1)));
    }

    @Test
    void anOs9PollReadsMembershipFromTheSwitchportAnswerAndPutsTheMembersOnThePortChannelSighting() {
        SnapshotBuilder builder = new SnapshotBuilder(porttracer.config.ClassifyConfig.from(Settings.load(Map.of(), Map.of())));
        SwitchRecord sw = new SwitchRecord(1, "s25n", "127.0.0.1", 22, Platform.OS9, "S25N", "site1", null, true,
                null, false);
        String switchport = "Codes:  U - Untagged, T - Tagged\n\n"
                + "Name: GigabitEthernet 0/24 (Port-channel 2)\n802.1QTagged: True\nVlan membership:\nQ       Vlans\n"
                + "T       103,107\n\n"
                + "Name: GigabitEthernet 1/24 (Port-channel 2)\n802.1QTagged: True\nVlan membership:\nQ       Vlans\n"
                + "T       103,107\n\n"
                + "Name: Port-channel 2\n802.1QTagged: True\nVlan membership:\nQ       Vlans\nT       103,107\n";
        String macTable = "VlanId     Mac Address           Type          Interface        State\n"
                + " 103    00:50:56:aa:bb:02       Dynamic         Po 2            Active\n"
                + " 103    00:50:56:aa:bb:03       Dynamic         Gi 1/24         Active\n";
        SwitchReader.Outputs out = new SwitchReader.Outputs(macTable, null, null, switchport, null, switchport);
        Snapshot snap = builder.build(sw, Instant.EPOCH, Parsers.macTable(macTable), out, Map.of(),
                Set.of());
        assertThat(snap.unparsedLines()).isZero();
        assertThat(snap.sightings()).extracting(Sighting::portKey, Sighting::edge, Sighting::reason, Sighting::members)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("po2", false, "port-channel",
                                List.of("GigabitEthernet 0/24", "GigabitEthernet 1/24")),
                        org.assertj.core.groups.Tuple.tuple("gi1/24", false, "member of port-channel 2", null));
    }

    @Test
    void onlyOs9NamesAMembershipCommandAndItIsTheSwitchportOneAlreadySent() {
        assertThat(Dialect.of(Platform.OS9).portChannels()).isEqualTo(Dialect.of(Platform.OS9).switchport());
        for (Platform p : List.of(Platform.OS10, Platform.OS6, Platform.POWERCONNECT)) {
            assertThat(Dialect.of(p).portChannels()).as(p.id()).isNull();
        }
    }
}
