package porttracer.collect;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import porttracer.config.ClassifyConfig;
import porttracer.domain.ArpEntry;
import porttracer.domain.LldpNeighbor;
import porttracer.domain.MacAddress;
import porttracer.domain.MacEntry;
import porttracer.domain.PortChannel;
import porttracer.domain.PortInfo;
import porttracer.domain.PortName;
import porttracer.domain.Sighting;
import porttracer.parse.ParseResult;
import porttracer.parse.Parsers;
import porttracer.store.SwitchRecord;

/**
 * A switch's answers made into a {@link Snapshot}: the tables parsed, each port classified edge or uplink
 * ({@link PortClassifier}), one sighting per unicast MAC. Remembers the chassis MACs of bridges and routers
 * that LLDP shows, so that a known switch's MAC marks an uplink on any switch.
 */
final class SnapshotBuilder {

    private final PortClassifier classifier;
    private final Map<MacAddress, String> switchMacs = new ConcurrentHashMap<>();

    SnapshotBuilder(ClassifyConfig classify) {
        this.classifier = new PortClassifier(classify.maxEdgeMacs(), classify.maxEdgeVlans());
    }

    Snapshot build(SwitchRecord sw, Instant at, ParseResult<MacEntry> macs, SwitchReader.Outputs out,
                   Map<String, String> overrides, Set<String> knownSwitchNames) {
        int unparsed = macs.unparsedLines().size();
        Map<String, LldpNeighbor> lldpByPort = new HashMap<>();
        if (out.lldp() != null) {
            ParseResult<LldpNeighbor> lldp = Parsers.lldp(out.lldp());
            unparsed += lldp.unparsedLines().size();
            for (LldpNeighbor n : lldp.rows()) {
                lldpByPort.put(n.localPort().key(), n);
                learnSwitchMac(n);
            }
        }
        Map<String, PortInfo> ports = new HashMap<>();
        if (out.interfaces() != null) {
            ParseResult<PortInfo> ifs = Parsers.interfaces(out.interfaces());
            unparsed += ifs.unparsedLines().size();
            ifs.rows().forEach(p -> ports.put(p.port().key(), p));
        }
        if (out.switchport() != null) {
            ParseResult<PortInfo> sp = Parsers.switchport(out.switchport());
            unparsed += sp.unparsedLines().size();
            sp.rows().forEach(p -> ports.merge(p.port().key(), p, SnapshotBuilder::combine));
        }
        Map<MacAddress, String> ips = new HashMap<>();
        if (out.arp() != null) {
            ParseResult<ArpEntry> arp = Parsers.arp(out.arp());
            unparsed += arp.unparsedLines().size();
            arp.rows().forEach(a -> ips.put(a.mac(), a.ip()));
        }
        Map<String, PortChannel> channels = new HashMap<>();
        if (out.portChannels() != null) {
            ParseResult<PortChannel> pc = Parsers.portChannels(sw.platform(), out.portChannels());
            Dialect d = Dialect.of(sw.platform());
            if (!d.portChannels().equals(d.switchport())) {
                // When read from the switchport answer, its lines are already counted above.
                unparsed += pc.unparsedLines().size();
            }
            pc.rows().forEach(c -> channels.put(c.channel().key(), c));
        }
        PortClassifier.Context ctx = new PortClassifier.Context(overrides, lldpByPort, ports, knownSwitchNames,
                switchMacs, channels);
        Map<String, PortClassifier.Role> roles = classifier.classify(macs.rows(), ctx);
        List<Sighting> sightings = new ArrayList<>(macs.rows().size());
        for (MacEntry e : macs.rows()) {
            if (e.mac().isMulticast()) {
                continue;
            }
            String key = PortName.keyOf(e.port());
            PortClassifier.Role role = roles.get(key);
            PortChannel channel = channels.get(key);
            List<String> members = channel == null ? null : channel.members().stream().map(PortName::raw).toList();
            sightings.add(new Sighting(e.mac(), e.vlan(), e.port(), key, role.edge(), role.reason(), ports.get(key),
                    members, role.macsOnPort()));
        }
        return new Snapshot(sw, at, sightings, ips, unparsed, List.copyOf(ports.values()));
    }

    /** Status gives description and link; switchport gives mode and VLANs: one port, both views. */
    private static PortInfo combine(PortInfo status, PortInfo switchport) {
        return new PortInfo(status.port(), status.description(), status.linkState(), status.speed(), status.duplex(),
                switchport.mode() != null ? switchport.mode() : status.mode(),
                switchport.pvid() != null ? switchport.pvid() : status.pvid(),
                switchport.vlans() != null ? switchport.vlans() : status.vlans());
    }

    /** Chassis MACs of LLDP neighbours that are bridges or routers: seen on a port, they mark an uplink. */
    private void learnSwitchMac(LldpNeighbor n) {
        if (n.chassisId() == null || !(n.capabilities().contains("bridge") || n.capabilities().contains("router"))) {
            return;
        }
        MacAddress chassis = MacAddress.tryParse(n.chassisId());
        if (chassis != null) {
            switchMacs.put(chassis, n.systemName() == null ? n.chassisId() : n.systemName());
        }
    }
}
