package porttracer.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import porttracer.domain.LldpNeighbor;
import porttracer.domain.MacEntry;
import porttracer.domain.Platform;
import porttracer.domain.PortInfo;
import porttracer.domain.VersionInfo;
import porttracer.parse.ParseResult;
import porttracer.parse.Parsers;

/**
 * Every command the simulator renders, on every switch of fleets mixing all four platforms, parses back
 * to exactly the fleet's ground truth with no unparsed line. Each command prints a subset of the truth's
 * fields; the projections below say which.
 */
class CommandRoundTripTest {

    private static Fleet fleet(Platform distribution) {
        Fleet fleet = Fleet.generate(new FleetSpec(23, 1, 2, 2, 30,
                List.of(Platform.OS6, Platform.OS10, Platform.OS9, Platform.POWERCONNECT), distribution));
        fleet.churn(3, 0.3);
        return fleet;
    }

    private static String run(Fleet fleet, SimSwitch sw, String command) {
        return new Session(new SwitchView(fleet, sw), Dialect.of(sw.platform())).execute(command).text();
    }

    private static <T> List<T> parsed(ParseResult<T> result, String what) {
        assertThat(result.unparsedLines()).as(what).isEmpty();
        return result.rows();
    }

    @ParameterizedTest
    @EnumSource(Platform.class)
    void interfaceCommands(Platform distribution) {
        checkInterfaceCommands(fleet(distribution));
    }

    @Test
    void portChannelDownlinksRoundTripAndTheDistributionLearnsHostsOnTheChannels() {
        Fleet fleet = Fleet.generate(new FleetSpec(23, 1, 2, 2, 30,
                List.of(Platform.OS6, Platform.OS10, Platform.OS9, Platform.POWERCONNECT), Platform.OS9).withLagDownlinks());
        checkInterfaceCommands(fleet);
        SimSwitch dist = fleet.switches().stream().filter(s -> s.role() == Role.DISTRIBUTION).findFirst().orElseThrow();
        assertThat(fleet.portChannels(dist.name())).extracting(c -> c.channel().raw() + "=" + c.members())
                .containsExactly("Po 1=[Te 0/0, Te 0/1]", "Po 2=[Te 0/2, Te 0/3]", "Po 3=[Te 0/4, Te 0/5]",
                        "Po 4=[Te 0/6, Te 0/7]");
        List<MacEntry> table = parsed(Parsers.macTable(run(fleet, dist, "show mac-address-table")), "mac");
        assertThat(table).isEqualTo(fleet.macTable(dist.name()));
        assertThat(table).extracting(MacEntry::port).containsOnly("Po 1", "Po 2", "Po 3", "Po 4");
        assertThatThrownBy(() -> new FleetSpec(1, 1, 1, 1, 1, List.of(Platform.OS6), Platform.OS10).withLagDownlinks())
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static void checkInterfaceCommands(Fleet fleet) {
        for (SimSwitch sw : fleet.switches()) {
            Platform p = sw.platform();
            List<PortInfo> truth = fleet.ports(sw.name());
            String what = sw.name() + " (" + p.id() + ") ";
            List<PortInfo> status = parsed(Parsers.interfaces(run(fleet, sw, "show interfaces status")), what + "status");
            assertThat(status).as(what + "status").isEqualTo(map(truth, switch (p) {
                case OS10, OS6 -> UnaryOperator.identity();
                case OS9 -> i -> new PortInfo(i.port(), i.description(), i.linkState(), i.speed(), i.duplex(), null,
                        i.pvid(), List.of());
                case POWERCONNECT -> i -> new PortInfo(i.port(), null, i.linkState(), i.speed(), i.duplex(), null,
                        null, null);
            }));
            if (p == Platform.OS6 || p == Platform.POWERCONNECT) {
                List<PortInfo> descriptions = parsed(Parsers.description(run(fleet, sw, "show interfaces description")),
                        what + "description");
                assertThat(descriptions).as(what + "description").isEqualTo(map(truth,
                        i -> new PortInfo(i.port(), i.description(), null, null, null, null, null, null)));
            }
            if (p == Platform.OS9) {
                List<PortInfo> switchport = parsed(Parsers.switchport(run(fleet, sw, "show interfaces switchport")),
                        what + "switchport");
                assertThat(switchport).as(what + "switchport").isEqualTo(map(truth, i -> new PortInfo(i.port(),
                        i.description().isEmpty() ? null : i.description(), null, null, null, i.mode(), i.pvid(), i.vlans())));
                assertThat(parsed(Parsers.portChannels(p, run(fleet, sw, "show interfaces switchport")), what + "lag"))
                        .as(what + "port-channels").isEqualTo(fleet.portChannels(sw.name()));
            }
            if (p != Platform.OS10) {
                assertThat(parsed(Parsers.vlans(run(fleet, sw, "show vlan")), what + "vlan")).as(what + "vlan")
                        .isEqualTo(fleet.vlans(sw.name()));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Platform.class)
    void lldpCommands(Platform distribution) {
        Fleet fleet = fleet(distribution);
        for (SimSwitch sw : fleet.switches()) {
            Platform p = sw.platform();
            List<LldpNeighbor> truth = fleet.lldp(sw.name());
            String what = sw.name() + " (" + p.id() + ") ";
            String summaryCommand = p == Platform.OS6 ? "show lldp remote-device all" : "show lldp neighbors";
            int width = p == Platform.OS10 ? 20 : 17;
            assertThat(parsed(Parsers.lldp(run(fleet, sw, summaryCommand)), what + "lldp")).as(what + "lldp")
                    .isEqualTo(map(truth, n -> new LldpNeighbor(n.localPort(),
                            p == Platform.OS6 ? n.chassisId().toUpperCase(Locale.ROOT) : n.chassisId(), n.portId(),
                            truncated(n.systemName(), width),
                            p == Platform.POWERCONNECT ? n.capabilities() : Set.of())));
            if (p == Platform.OS10 || p == Platform.OS9) {
                assertThat(parsed(Parsers.lldpDetail(run(fleet, sw, "show lldp neighbors detail")), what + "detail"))
                        .as(what + "detail").isEqualTo(truth);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Platform.class)
    void versionAndArp(Platform distribution) {
        Fleet fleet = fleet(distribution);
        for (SimSwitch sw : fleet.switches()) {
            Platform p = sw.platform();
            VersionInfo v = Parsers.version(run(fleet, sw, "show version"));
            assertThat(v.detectedPlatform()).as(sw.name()).isEqualTo(p);
            assertThat(v).as(sw.name()).isEqualTo(switch (p) {
                case OS10 -> new VersionInfo(sw.model(), Os10Renderer.VERSION, null, null, p);
                case OS9 -> new VersionInfo(sw.model(), Os9Renderer.VERSION, null, null, p);
                case OS6 -> new VersionInfo(sw.model(), Os6Renderer.VERSION, null, Os6Renderer.serial(sw), p);
                case POWERCONNECT -> new VersionInfo(null, PowerConnectRenderer.VERSION, null, null, p);
            });
            if (p == Platform.OS6) {
                var arp = parsed(Parsers.arp(run(fleet, sw, "show arp")), sw.name() + " arp");
                assertThat(arp).extracting(a -> a.ip() + " " + a.mac() + " " + a.vlan()).isEqualTo(new SwitchView(fleet, sw)
                        .arpEntries().stream().map(a -> a.ip() + " " + a.mac() + " " + a.vlan()).toList());
            }
        }
    }

    private static String truncated(String name, int width) {
        return name.length() <= width ? name : name.substring(0, width - 3) + "...";
    }

    private static <T> List<T> map(List<T> rows, Function<T, T> projection) {
        return rows.stream().map(projection).toList();
    }
}
