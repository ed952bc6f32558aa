package porttracer.sim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import porttracer.domain.MacAddress;
import porttracer.domain.Platform;
import porttracer.domain.PortChannel;
import porttracer.domain.PortName;

/** Lays out sites, floors, switches, cabling and hosts from a {@link FleetSpec}; the same spec gives the same fleet. */
final class FleetGenerator {

    static final List<Integer> VLANS = List.of(10, 20, 30);
    /** A Dell OUI no generated host uses, so switch MACs never collide with host MACs. */
    private static final long SWITCH_OUI = 0x00188bL;

    private final FleetSpec spec;
    private final Random random;
    private final List<SimSwitch> switches = new ArrayList<>();
    private final List<Link> links = new ArrayList<>();
    private final Map<String, String> distributionPortByAccess = new LinkedHashMap<>();
    private final Map<String, List<PortChannel>> portChannels = new LinkedHashMap<>();
    private final List<SimHost> hosts = new ArrayList<>();
    private final MacFactory macs = new MacFactory();
    private int accessCount;

    FleetGenerator(FleetSpec spec) {
        this.spec = spec;
        this.random = new Random(spec.seed());
    }

    Fleet generate() {
        for (int site = 1; site <= spec.sites(); site++) {
            generateSite(site);
        }
        return new Fleet(spec, switches, links, distributionPortByAccess, portChannels, hosts, macs);
    }

    private void generateSite(int site) {
        Hardware distHw = Hardware.distributionModel(spec.distributionPlatform());
        String distName = "site" + site + "-dist";
        List<String> downlinks = new ArrayList<>();
        switches.add(null); // placeholder: the distribution switch is complete once its downlinks are known
        int distIndex = switches.size() - 1;
        for (int floor = 1; floor <= spec.floorsPerSite(); floor++) {
            for (int n = 1; n <= spec.accessSwitchesPerFloor(); n++) {
                SimSwitch access = accessSwitch(site, floor, n);
                String distPort = distHw.port(downlinks.size());
                downlinks.add(distPort);
                if (spec.lagDownlinks()) {
                    // The second member's cable ends on the access switch's single uplink port's twin, which
                    // the access models do not name: only the first member is cabled for LLDP.
                    String second = distHw.port(downlinks.size());
                    downlinks.add(second);
                    PortChannel lag = new PortChannel(PortName.of("Po " + (downlinks.size() / 2)),
                            List.of(PortName.of(distPort), PortName.of(second)));
                    portChannels.computeIfAbsent(distName, k -> new ArrayList<>()).add(lag);
                    distributionPortByAccess.put(access.name(), lag.channel().raw());
                } else {
                    distributionPortByAccess.put(access.name(), distPort);
                }
                links.add(new Link(access.name(), access.uplinkPort(), distName, distPort));
                switches.add(access);
                addHosts(access);
            }
        }
        switches.set(distIndex, new SimSwitch(distName, site, null, distHw.platform(), distHw.model(),
                Role.DISTRIBUTION, "10." + site + ".0.1", null, List.of(), switchMac(distIndex)));
    }

    private SimSwitch accessSwitch(int site, int floor, int n) {
        Platform platform = spec.accessPlatforms().get(accessCount++ % spec.accessPlatforms().size());
        List<Hardware> models = Hardware.accessModels(platform);
        Hardware hw = models.get(random.nextInt(models.size()));
        return new SimSwitch("site" + site + "-fl" + floor + "-sw" + n, site, floor, platform, hw.model(),
                Role.ACCESS, "10." + site + "." + floor + "." + (10 + n), hw.uplinkPort(),
                hw.ports(hw.portCount()), switchMac(switches.size()));
    }

    private static MacAddress switchMac(int index) {
        return MacAddress.of(SWITCH_OUI << 24 | (long) (index + 1) << 8);
    }

    private void addHosts(SimSwitch access) {
        List<String> edge = access.edgePorts();
        for (int i = 0; i < spec.hostsPerAccessSwitch(); i++) {
            random.nextInt(VLANS.size()); // the draw of earlier versions, kept so a seed still yields the same MACs
            String port = edge.get(i % edge.size());
            hosts.add(new SimHost(macs.next(random), access.accessVlan(port), access.name(), port));
        }
    }
}
