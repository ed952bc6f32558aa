package porttracer.collect;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import porttracer.domain.MacAddress;
import porttracer.domain.MacEntry;
import porttracer.domain.PortName;
import porttracer.domain.Sighting;
import porttracer.index.LocationIndex;
import porttracer.parse.ParseResult;
import porttracer.parse.Parsers;
import porttracer.store.Inventory;
import porttracer.store.PollOutcome;
import porttracer.store.SwitchRecord;

/**
 * Asks one switch, live, where it sees one MAC ({@code show mac address-table address ...}),
 * and folds the answer into the index. The MAC reaches the CLI only in the platform's own
 * normalised notation, built from a parsed {@link MacAddress}, never from user text.
 */
public final class LiveVerifier {

    /** What one switch said about one MAC. */
    public record Result(SwitchRecord sw, MacAddress mac, PollOutcome outcome, String error, List<Sighting> sightings,
                         long durationMs) {
    }

    private final Inventory inventory;
    private final LocationIndex index;
    private final SessionPool sessions;

    public LiveVerifier(Inventory inventory, SessionPool sessions, LocationIndex index) {
        this.inventory = inventory;
        this.sessions = sessions;
        this.index = index;
    }

    public Result verify(SwitchRecord sw, MacAddress mac) {
        long t0 = System.nanoTime();
        Instant at = Instant.now();
        HostKeyPinning hostKeys = new HostKeyPinning(inventory, sw.id());
        if (sw.platform() == null) {
            return new Result(sw, mac, PollOutcome.ERROR, "platform auto: not detected yet, the switch's first poll detects it",
                    List.of(), 0);
        }
        try {
            Dialect dialect = Dialect.of(sw.platform());
            String text = sessions.withSession(sw, hostKeys, cli -> {
                cli.disablePaging(dialect.pagingOff());
                return cli.run(dialect.macTable() + " address " + notation(sw, mac));
            });
            ParseResult<MacEntry> rows = Parsers.macTable(text);
            Map<String, String> overrides = inventory.portOverrides(sw.id());
            List<Sighting> found = new ArrayList<>();
            for (MacEntry e : rows.rows()) {
                if (!e.mac().equals(mac)) {
                    continue;
                }
                String key = PortName.keyOf(e.port());
                String override = overrides.get(key);
                boolean edge;
                String reason;
                LocationIndex.PortRole polled = index.knownRole(sw.id(), key);
                // The port's MAC count is the last poll's: one MAC looked up live does not show the whole table.
                Integer macsOnPort = polled == null ? null : polled.macsOnPort();
                if (override != null) {
                    edge = "edge".equals(override);
                    reason = "inventory: " + override;
                } else if (polled != null) {
                    // The last poll saw the whole table (and LLDP): its verdict and reason stand.
                    edge = polled.edge();
                    reason = polled.reason();
                } else {
                    // Without a poll's whole table and LLDP nothing says the port leads to one device: a MAC
                    // learnt across a switch-facing port must not be reported as plugged in there.
                    edge = false;
                    reason = key.startsWith("po") ? "port-channel"
                            : "live lookup; port not classified by a poll yet, treated as an uplink";
                }
                found.add(new Sighting(mac, e.vlan(), e.port(), key, edge, reason, null, null, macsOnPort));
            }
            index.applyLive(sw, at, mac, found);
            return new Result(sw, mac, PollOutcome.OK, null, found, (System.nanoTime() - t0) / 1_000_000);
        } catch (IOException | RuntimeException e) {
            Poller.Failure f = Poller.classify(e, hostKeys, sw);
            return new Result(sw, mac, f.outcome(), f.error(), List.of(), (System.nanoTime() - t0) / 1_000_000);
        }
    }

    /** The MAC as the platform prints it: dotted upper case on OS6/OS9, colon lower case on OS10/PowerConnect. */
    static String notation(SwitchRecord sw, MacAddress mac) {
        return switch (sw.platform()) {
            case OS6 -> mac.dotted();
            case OS9, OS10, POWERCONNECT -> mac.toString();
        };
    }
}
