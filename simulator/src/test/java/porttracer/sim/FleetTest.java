package porttracer.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import porttracer.domain.MacEntry;
import porttracer.domain.Platform;

class FleetTest {

    private static final FleetSpec SPEC =
            new FleetSpec(7, 2, 2, 3, 10, List.of(Platform.OS6, Platform.OS10, Platform.OS9, Platform.POWERCONNECT),
                    Platform.OS10);

    @Test
    void sameSeedSameFleet() {
        Fleet a = Fleet.generate(SPEC);
        Fleet b = Fleet.generate(SPEC);
        assertThat(a.switches()).isEqualTo(b.switches());
        assertThat(a.hosts()).isEqualTo(b.hosts());
        assertThat(Fleet.generate(new FleetSpec(8, 2, 2, 3, 10, SPEC.accessPlatforms(), Platform.OS10)).hosts())
                .isNotEqualTo(a.hosts());
    }

    @Test
    void namesRolesAndCounts() {
        Fleet fleet = Fleet.generate(SPEC);
        assertThat(fleet.switches()).hasSize(2 * (1 + 2 * 3));
        assertThat(fleet.hosts()).hasSize(2 * 2 * 3 * 10);
        SimSwitch dist = fleet.switchNamed("site1-dist");
        assertThat(dist.role()).isEqualTo(Role.DISTRIBUTION);
        assertThat(dist.floor()).isNull();
        SimSwitch access = fleet.switchNamed("site2-fl2-sw3");
        assertThat(access.role()).isEqualTo(Role.ACCESS);
        assertThat(access.floor()).isEqualTo(2);
        assertThat(access.mgmtIp()).isEqualTo("10.2.2.13");
        assertThat(fleet.hosts().stream().map(h -> h.mac()).distinct()).hasSize(fleet.hosts().size());
        assertThat(fleet.switchNamed("site1-fl1-sw1").platform()).isEqualTo(Platform.OS6);
        assertThat(fleet.switchNamed("site1-fl1-sw1").uplinkPort()).isEqualTo("Te1/0/1");
        assertThat(fleet.switchNamed("site1-fl1-sw2").edgePorts()).startsWith("ethernet1/1/1");
    }

    @Test
    void accessSwitchLearnsOwnHostsOnEdgeAndTheRestOfTheSiteOnItsUplink() {
        Fleet fleet = Fleet.generate(SPEC);
        SimSwitch sw = fleet.switchNamed("site1-fl2-sw1");
        List<MacEntry> table = fleet.macTable(sw.name());
        long siteHosts = fleet.hosts().stream().filter(h -> h.switchName().startsWith("site1-")).count();
        assertThat(table).hasSize((int) siteHosts);
        for (SimHost host : fleet.hosts()) {
            if (host.switchName().equals(sw.name())) {
                assertThat(table).contains(new MacEntry(host.mac(), host.vlan(), host.port(), "dynamic"));
            } else if (host.switchName().startsWith("site1-")) {
                assertThat(table).contains(new MacEntry(host.mac(), host.vlan(), sw.uplinkPort(), "dynamic"));
            }
        }
        assertThat(fleet.uplinkPorts(sw.name())).containsExactly(sw.uplinkPort());
    }

    @Test
    void distributionLearnsEachHostOnThePortFacingItsAccessSwitch() {
        Fleet fleet = Fleet.generate(SPEC);
        List<MacEntry> table = fleet.macTable("site2-dist");
        assertThat(table).hasSize(2 * 3 * 10);
        assertThat(fleet.uplinkPorts("site2-dist")).hasSize(6);
        for (Link link : fleet.links()) {
            if (link.touches("site2-dist")) {
                Link.End end = link.from("site2-dist");
                long onPort = table.stream().filter(e -> e.port().equals(end.localPort())).count();
                assertThat(onPort).isEqualTo(10);
            }
        }
    }

    @Test
    void movesAddsAndRemovesShowInTheTables() {
        Fleet fleet = Fleet.generate(SPEC);
        SimHost host = fleet.hosts().get(0);
        SimSwitch target = fleet.switchNamed("site1-fl2-sw2");
        SimHost moved = fleet.moveHost(host.mac(), target.name(), target.edgePorts().get(5));
        assertThat(moved.vlan()).as("the host takes the access VLAN of its new port").isEqualTo(30);
        assertThat(fleet.macTable(target.name()))
                .contains(new MacEntry(host.mac(), moved.vlan(), target.edgePorts().get(5), "dynamic"));
        assertThat(fleet.macTable(host.switchName()))
                .contains(new MacEntry(host.mac(), moved.vlan(), fleet.switchNamed(host.switchName()).uplinkPort(),
                        "dynamic"));
        fleet.removeHost(host.mac());
        assertThat(fleet.macTable(target.name())).noneMatch(e -> e.mac().equals(host.mac()));
        assertThatThrownBy(() -> fleet.moveHost(host.mac(), target.name(), target.edgePorts().get(0)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> fleet.addHost(host.mac(), 10, target.name(), target.uplinkPort()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> fleet.addHost(host.mac(), 10, target.name(), target.edgePorts().get(1)))
                .isInstanceOf(IllegalArgumentException.class);
        fleet.addHost(host.mac(), 20, target.name(), target.edgePorts().get(1));
        assertThat(fleet.host(host.mac())).contains(new SimHost(host.mac(), 20, target.name(), target.edgePorts().get(1)));
        assertThat(fleet.ipOf(host.mac())).hasValueSatisfying(ip -> assertThat(ip).startsWith("10.1.20."));
    }

    @Test
    void churnReplacesAFractionOfHostsReproducibly() {
        Fleet a = Fleet.generate(SPEC);
        Fleet b = Fleet.generate(SPEC);
        List<SimHost> before = a.hosts();
        a.churn(99, 0.25);
        b.churn(99, 0.25);
        assertThat(a.hosts()).isEqualTo(b.hosts()).hasSameSizeAs(before);
        assertThat(a.hosts().stream().filter(before::contains)).hasSize(before.size() - 30);
    }

    @Test
    void hostsAreInTheVlanOfTheirAccessPort() {
        Fleet fleet = Fleet.generate(SPEC);
        fleet.churn(4, 0.5);
        for (SimHost h : fleet.hosts()) {
            assertThat(h.vlan()).isEqualTo(fleet.switchNamed(h.switchName()).accessVlan(h.port()));
        }
    }
}
