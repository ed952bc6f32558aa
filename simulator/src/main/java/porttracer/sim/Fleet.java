package porttracer.sim;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import porttracer.domain.LldpNeighbor;
import porttracer.domain.MacAddress;
import porttracer.domain.MacEntry;
import porttracer.domain.PortChannel;
import porttracer.domain.PortInfo;
import porttracer.domain.VlanInfo;

/**
 * The simulated network and its ground truth: switches, cabling, where every host is, and what each switch's
 * MAC table therefore holds. Switches and cabling are fixed; hosts can be moved, added and removed from any
 * thread while SSH sessions read.
 */
public final class Fleet {

    private static final Comparator<MacEntry> TABLE_ORDER =
            Comparator.comparingInt(MacEntry::vlan).thenComparing(MacEntry::mac);

    private final FleetSpec spec;
    private final List<SimSwitch> switches;
    private final Map<String, SimSwitch> byName = new LinkedHashMap<>();
    private final List<Link> links;
    private final Map<String, String> distributionPortByAccess;
    private final Map<String, List<PortChannel>> portChannels;
    private final MacFactory macs;
    private final Object lock = new Object();
    private final Map<MacAddress, SimHost> hosts = new LinkedHashMap<>();
    private final Map<MacAddress, String> ips = new LinkedHashMap<>();
    private final Map<String, Integer> ipsIssued = new LinkedHashMap<>();

    Fleet(FleetSpec spec, List<SimSwitch> switches, List<Link> links, Map<String, String> distributionPortByAccess,
          Map<String, List<PortChannel>> portChannels, List<SimHost> hosts, MacFactory macs) {
        this.spec = spec;
        this.switches = List.copyOf(switches);
        this.links = List.copyOf(links);
        this.distributionPortByAccess = Map.copyOf(distributionPortByAccess);
        this.portChannels = Map.copyOf(portChannels);
        this.macs = macs;
        for (SimSwitch sw : switches) {
            byName.put(sw.name(), sw);
        }
        for (SimHost host : hosts) {
            put(host);
        }
    }

    public static Fleet generate(FleetSpec spec) {
        return new FleetGenerator(spec).generate();
    }

    public FleetSpec spec() {
        return spec;
    }

    public List<SimSwitch> switches() {
        return switches;
    }

    /** @throws IllegalArgumentException if there is no such switch */
    public SimSwitch switchNamed(String name) {
        SimSwitch sw = byName.get(name);
        if (sw == null) {
            throw new IllegalArgumentException("no switch named " + name);
        }
        return sw;
    }

    public List<Link> links() {
        return links;
    }

    /** The ports of {@code switchName} cabled to other switches (an access uplink, a distribution downlink). */
    public Set<String> uplinkPorts(String switchName) {
        switchNamed(switchName);
        Set<String> ports = new LinkedHashSet<>();
        for (Link link : links) {
            if (link.touches(switchName)) {
                ports.add(link.from(switchName).localPort());
            }
        }
        return ports;
    }

    /** The port-channels of {@code switchName} with their members; the MAC table names the channel, not a member. */
    public List<PortChannel> portChannels(String switchName) {
        switchNamed(switchName);
        return portChannels.getOrDefault(switchName, List.of());
    }

    public List<Link.End> neighbours(String switchName) {
        List<Link.End> ends = new ArrayList<>();
        for (Link link : links) {
            if (link.touches(switchName)) {
                ends.add(link.from(switchName));
            }
        }
        return ends;
    }

    public List<SimHost> hosts() {
        synchronized (lock) {
            return List.copyOf(hosts.values());
        }
    }

    public Optional<SimHost> host(MacAddress mac) {
        synchronized (lock) {
            return Optional.ofNullable(hosts.get(mac));
        }
    }

    /** The host's IPv4 address, which the site's distribution switch (its gateway) holds in its ARP table. */
    public Optional<String> ipOf(MacAddress mac) {
        synchronized (lock) {
            return Optional.ofNullable(ips.get(mac));
        }
    }

    /** Exactly the rows {@code show mac address-table} prints on that switch, in the order it prints them. */
    public List<MacEntry> macTable(String switchName) {
        SimSwitch sw = switchNamed(switchName);
        List<MacEntry> rows = new ArrayList<>();
        synchronized (lock) {
            for (SimHost host : hosts.values()) {
                SimSwitch at = byName.get(host.switchName());
                if (at.site() == sw.site()) {
                    rows.add(new MacEntry(host.mac(), host.vlan(), portTowards(sw, host), "dynamic"));
                }
            }
        }
        rows.sort(TABLE_ORDER);
        return rows;
    }

    private String portTowards(SimSwitch sw, SimHost host) {
        if (sw.role() == Role.DISTRIBUTION) {
            return distributionPortByAccess.get(host.switchName());
        }
        return sw.name().equals(host.switchName()) ? host.port() : sw.uplinkPort();
    }

    /**
     * What the interface commands report about {@code switchName}'s ports (edge ports, then switch-facing
     * ones), every field filled; each command prints a subset of the fields.
     */
    public List<PortInfo> ports(String switchName) {
        return PortPlan.of(this, switchNamed(switchName));
    }

    /** What {@code show vlan} reports on {@code switchName}, in the fields its platform prints. */
    public List<VlanInfo> vlans(String switchName) {
        SimSwitch sw = switchNamed(switchName);
        return VlanPlan.of(sw, PortPlan.of(this, sw));
    }

    /**
     * The LLDP neighbours of {@code switchName} as the detail commands report them: full system names, chassis
     * IDs in lower-case colon form; summary tables print a subset (truncated names, case, capabilities).
     */
    public List<LldpNeighbor> lldp(String switchName) {
        switchNamed(switchName);
        return neighbours(switchName).stream().map(end -> LldpNeighbour.of(end, this).toDomain()).toList();
    }

    /** @throws IllegalArgumentException if the port is not an edge port or is an access port of another VLAN */
    public SimHost addHost(MacAddress mac, int vlan, String switchName, String port) {
        SimHost host = new SimHost(mac, vlan, switchName, port);
        if (switchNamed(switchName).accessVlan(port) != vlan) {
            throw new IllegalArgumentException(port + " of " + switchName + " is not an access port of VLAN " + vlan);
        }
        synchronized (lock) {
            if (hosts.containsKey(mac)) {
                throw new IllegalArgumentException("host " + mac + " already exists");
            }
            macs.reserve(mac);
            put(host);
        }
        return host;
    }

    /** The host takes the VLAN of the access port it moves to. */
    public SimHost moveHost(MacAddress mac, String switchName, String port) {
        int vlan = switchNamed(switchName).accessVlan(port);
        synchronized (lock) {
            SimHost old = hosts.get(mac);
            if (old == null) {
                throw new IllegalArgumentException("no host " + mac);
            }
            SimHost moved = new SimHost(mac, vlan, switchName, port);
            hosts.put(mac, moved);
            if (switchNamed(old.switchName()).site() != switchNamed(switchName).site() || vlan != old.vlan()) {
                ips.put(mac, issueIp(moved));
            }
            return moved;
        }
    }

    public Optional<SimHost> removeHost(MacAddress mac) {
        synchronized (lock) {
            ips.remove(mac);
            return Optional.ofNullable(hosts.remove(mac));
        }
    }

    /**
     * Hosts coming and going: removes {@code fraction} of the hosts and plugs the same number of new hosts into
     * random edge ports. The same seed on the same fleet state gives the same result.
     */
    public void churn(long seed, double fraction) {
        Random random = new Random(seed);
        List<SimSwitch> access = switches.stream().filter(s -> s.role() == Role.ACCESS).toList();
        synchronized (lock) {
            List<MacAddress> present = new ArrayList<>(hosts.keySet());
            int count = (int) Math.round(present.size() * fraction);
            for (int i = 0; i < count && !present.isEmpty(); i++) {
                removeHost(present.remove(random.nextInt(present.size())));
            }
            for (int i = 0; i < count; i++) {
                SimSwitch sw = access.get(random.nextInt(access.size()));
                String port = sw.edgePorts().get(random.nextInt(sw.edgePorts().size()));
                random.nextInt(FleetGenerator.VLANS.size()); // kept so a seed still yields the same MACs
                put(new SimHost(macs.next(random), sw.accessVlan(port), sw.name(), port));
            }
        }
    }

    private void put(SimHost host) {
        hosts.put(host.mac(), host);
        ips.put(host.mac(), issueIp(host));
    }

    /** 10.&lt;site&gt;.&lt;vlan&gt;.x, moving on to the next /24 (vlan + 100) once one fills. */
    private String issueIp(SimHost host) {
        int site = switchNamed(host.switchName()).site();
        String key = site + "/" + host.vlan();
        int n = ipsIssued.merge(key, 1, Integer::sum) - 1;
        int third = (host.vlan() + 100 * (n / 250)) % 256;
        return "10." + site + "." + third + "." + (n % 250 + 2);
    }
}
