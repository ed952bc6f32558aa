package porttracer.index;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import porttracer.collect.Snapshot;
import porttracer.domain.MacAddress;
import porttracer.domain.PortInfo;
import porttracer.domain.PortName;
import porttracer.domain.Sighting;
import porttracer.store.PollRecord;
import porttracer.store.SwitchRecord;

/** A snapshot or a poll record waiting in the spool, in plain JSON-friendly form. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record SpoolEntry(SwitchRecord sw, String polledAt, List<Row> rows, Map<String, String> ips, Integer unparsed,
                  Poll poll, Integer changes, List<PortRow> ports) {

    /** One line of the switch's interface status, so that a replayed poll also updates the port views. */
    record PortRow(String port, String description, String linkState, String speed, String duplex, String mode,
                   Integer pvid, List<Integer> vlans) {
        static PortRow of(PortInfo p) {
            return new PortRow(p.port().raw(), p.description(), p.linkState(), p.speed(), p.duplex(), p.mode(),
                    p.pvid(), p.vlans());
        }

        PortInfo info() {
            return new PortInfo(PortName.of(port), description, linkState, speed, duplex, mode, pvid, vlans);
        }
    }

    /** A poll record with its time as text, so that the spool needs no date-time codec. */
    record Poll(int switchId, String startedAt, long durationMs, String outcome, String error, int entries,
                int unparsedLines, String node) {
        static Poll of(PollRecord r) {
            return new Poll(r.switchId(), r.startedAt().toString(), r.durationMs(), r.outcome().name(), r.error(),
                    r.entries(), r.unparsedLines(), r.node());
        }

        PollRecord record() {
            return new PollRecord(switchId, Instant.parse(startedAt), durationMs,
                    porttracer.store.PollOutcome.valueOf(outcome), error, entries, unparsedLines, node);
        }
    }

    /** {@code macsOnPort} is null in entries spooled before it was written. */
    record Row(String mac, int vlan, String port, String portKey, boolean edge, String reason, String description,
               String mode, Integer pvid, List<Integer> vlans, List<String> members, Integer macsOnPort) {
    }

    static SpoolEntry of(Snapshot s) {
        List<Row> rows = new ArrayList<>(s.sightings().size());
        for (Sighting x : s.sightings()) {
            PortInfo i = x.portInfo();
            rows.add(new Row(x.mac().bare(), x.vlan(), x.port(), x.portKey(), x.edge(), x.reason(),
                    i == null ? null : i.description(), i == null ? null : i.mode(), i == null ? null : i.pvid(),
                    i == null ? null : i.vlans(), x.members(), x.macsOnPort()));
        }
        Map<String, String> ips = new HashMap<>();
        s.ips().forEach((mac, ip) -> ips.put(mac.bare(), ip));
        return new SpoolEntry(s.sw(), s.polledAt().toString(), rows, ips, s.unparsedLines(), null, null,
                s.ports().stream().map(PortRow::of).toList());
    }

    static SpoolEntry of(SwitchRecord sw, PollRecord poll, int changes) {
        return new SpoolEntry(sw, null, null, null, null, Poll.of(poll), changes, null);
    }

    Snapshot snapshot() {
        List<Sighting> sightings = new ArrayList<>(rows.size());
        for (Row r : rows) {
            PortInfo info = r.description() == null && r.mode() == null && r.pvid() == null && r.vlans() == null ? null
                    : new PortInfo(PortName.of(r.port()), r.description(), null, null, null, r.mode(), r.pvid(), r.vlans());
            sightings.add(new Sighting(MacAddress.parse(r.mac()), r.vlan(), r.port(), r.portKey(), r.edge(), r.reason(),
                    info, r.members(), r.macsOnPort()));
        }
        Map<MacAddress, String> macIps = new HashMap<>();
        ips.forEach((mac, ip) -> macIps.put(MacAddress.parse(mac), ip));
        return new Snapshot(sw, Instant.parse(polledAt), sightings, macIps, unparsed,
                ports == null ? List.of() : ports.stream().map(PortRow::info).toList());
    }
}
