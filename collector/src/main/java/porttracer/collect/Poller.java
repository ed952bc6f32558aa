package porttracer.collect;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.schmizz.sshj.common.DisconnectReason;
import net.schmizz.sshj.transport.TransportException;
import net.schmizz.sshj.userauth.UserAuthException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import porttracer.config.ClassifyConfig;
import porttracer.config.PollConfig;
import porttracer.domain.ArpEntry;
import porttracer.domain.LldpNeighbor;
import porttracer.domain.MacAddress;
import porttracer.domain.MacEntry;
import porttracer.domain.PortChannel;
import porttracer.domain.PortInfo;
import porttracer.domain.PortName;
import porttracer.domain.Sighting;
import porttracer.index.IndexFeed;
import porttracer.parse.ParseResult;
import porttracer.parse.Parsers;
import porttracer.store.Credentials;
import porttracer.store.Inventory;
import porttracer.store.PollOutcome;
import porttracer.store.PollRecord;
import porttracer.store.PollStatusStore;
import porttracer.store.SwitchRecord;

/**
 * One poll of one switch: SSH in, read its tables, parse, classify ports, fold the result into
 * the index, and record how it went. A failed poll never touches the switch's indexed data, so
 * its last good data stays, and goes stale by the age of its last good poll.
 */
public final class Poller {

    private static final Logger LOG = LoggerFactory.getLogger(Poller.class);

    private final Inventory inventory;
    private final PollStatusStore status;
    private final IndexFeed feed;
    private final PollRecorder recorder;
    private final Metrics metrics;
    private final PortClassifier classifier;
    private final SessionPool sessions;
    private final PollConfig poll;
    private final String node;
    private final Map<MacAddress, String> switchMacs = new ConcurrentHashMap<>();
    private volatile Set<String> switchNames = Set.of();
    private static final long NAMES_TTL_NANOS = 30_000_000_000L;
    private final Object namesLock = new Object();
    private volatile long namesLoadedAt = System.nanoTime() - 2 * NAMES_TTL_NANOS;

    public Poller(PollConfig poll, ClassifyConfig classify, Inventory inventory, SessionPool sessions,
                  PollStatusStore status, IndexFeed feed, Metrics metrics, String node) {
        this.sessions = sessions;
        this.inventory = inventory;
        this.status = status;
        this.feed = feed;
        this.recorder = new PollRecorder(status);
        this.metrics = metrics;
        this.poll = poll;
        this.classifier = new PortClassifier(classify.maxEdgeMacs(), classify.maxEdgeVlans());
        this.node = node;
    }

    /** The raw answers of one poll; a command the switch does not know is null. */
    record Outputs(String macTable, String lldp, String interfaces, String switchport, String arp,
                   String portChannels) {
        Outputs(String macTable, String lldp, String interfaces, String switchport, String arp) {
            this(macTable, lldp, interfaces, switchport, arp, null);
        }
    }

    public PollRecord poll(SwitchRecord sw) {
        Instant started = Instant.now();
        long t0 = System.nanoTime();
        PollOutcome outcome = PollOutcome.OK;
        String error = null;
        int entries = 0;
        int unparsed = 0;
        int changes = 0;
        HostKeyPinning hostKeys = new HostKeyPinning(inventory, sw.id());
        try {
            // Read from PostgreSQL before the switch is asked, so that a database outage during
            // the poll costs only the status write, which is retried.
            Map<String, String> overrides = inventory.portOverrides(sw.id());
            Set<String> names = knownSwitchNames();
            Fetched fetched = fetch(sw, hostKeys);
            sw = fetched.sw();
            Outputs out = fetched.out();
            ParseResult<MacEntry> macs = Parsers.macTable(out.macTable());
            entries = macs.rows().size();
            unparsed = macs.unparsedLines().size();
            if (entries == 0 && unparsed > 0) {
                outcome = PollOutcome.PARSE;
                error = unparsed + " lines not understood as a " + sw.platform().id() + " MAC table, first: "
                        + printable(macs.unparsedLines().get(0));
            } else {
                Snapshot snap = snapshot(sw, started, macs, out, overrides, names);
                unparsed = snap.unparsedLines();
                long w0 = System.nanoTime();
                IndexFeed.Fed fed = feed.snapshot(snap);
                metrics.esWrite.observe((System.nanoTime() - w0) / 1e9);
                if (fed.applied() != null) {
                    metrics.docsWritten.inc(fed.applied().docsWritten());
                    fed.applied().events().forEach(e -> metrics.macEvents.labelValues(e.kind()).inc());
                    changes = fed.applied().macsChanged();
                }
            }
        } catch (IOException | RuntimeException e) {
            Failure f = classify(e, hostKeys, sw);
            outcome = f.outcome();
            error = f.error();
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        PollRecord rec = new PollRecord(sw.id(), started, ms, outcome, error, entries, unparsed, node);
        metrics.pollDuration.labelValues(sw.platformId()).observe(ms / 1000.0);
        metrics.polls.labelValues(outcome.id()).inc();
        record(sw, rec, changes);
        return rec;
    }

    /** A poll's answers and the switch as the poll found it (its platform detected when set to auto). */
    record Fetched(SwitchRecord sw, Outputs out) {
    }

    /** {@code show version} of a switch set to platform auto names no Dell CLI family. */
    static final class UndetectedPlatformException extends IOException {
        UndetectedPlatformException(String message) {
            super(message);
        }
    }

    private Fetched fetch(SwitchRecord configured, HostKeyPinning hostKeys) throws IOException {
        return sessions.withSession(configured, hostKeys, cli -> {
            SwitchRecord sw = configured.autoPlatform() || configured.platform() == null ? detect(configured, cli) : configured;
            Dialect d = Dialect.of(sw.platform());
            cli.disablePaging(d.pagingOff());
            String mac = cli.run(d.macTable());
            String lldp = known(cli.run(d.lldpNeighbors()));
            String ifs = known(cli.run(d.interfaceStatus()));
            String sp = d.switchport() == null ? null : known(cli.run(d.switchport()));
            String arp = sw.collectArp() ? known(cli.run(d.arp())) : null;
            String pc = d.portChannels() == null ? null
                    : d.portChannels().equals(d.switchport()) ? sp : known(cli.run(d.portChannels()));
            return new Fetched(sw, new Outputs(mac, lldp, ifs, sp, arp, pc));
        });
    }

    /** Platform auto: {@code show version} names the CLI family (a firmware migration shows at the next poll). */
    private SwitchRecord detect(SwitchRecord sw, CliSession cli) throws IOException {
        PlatformProbe.Detected found = PlatformProbe.detect(cli);
        if (found.platform() != sw.platform() || found.model() != null && !found.model().equals(sw.model())) {
            inventory.setDetectedPlatform(sw.id(), found.platform(), found.model());
            LOG.atInfo().addKeyValue("switch", sw.name()).addKeyValue("platform", found.platform().id())
                    .addKeyValue("was", sw.platformId()).log("platform detected");
        }
        return sw.withPlatform(found.platform(), found.model());
    }

    /** True when the switch answered with its "unknown command" (or not-allowed) error. */
    static boolean unknownCommand(String output) {
        return known(output) == null;
    }

    /** Null when the switch answered with its "unknown command" error: that table is simply absent. */
    private static String known(String output) {
        String t = output.strip();
        if (t.startsWith("%") || t.startsWith("^") && t.contains("\n%")) {
            return null;
        }
        return output;
    }

    /** A failed poll's outcome and a message fit for logs and the API (no secrets, no stack). */
    record Failure(PollOutcome outcome, String error) {
    }

    static Failure classify(Exception e, HostKeyPinning hostKeys, SwitchRecord sw) {
        if (e instanceof UserAuthException) {
            String m = e.getMessage();
            return new Failure(PollOutcome.AUTH, m != null && m.startsWith("login rejected") ? m : "login rejected");
        }
        if (e instanceof UndetectedPlatformException) {
            return new Failure(PollOutcome.PARSE, e.getMessage());
        }
        if (e instanceof LoginRefusedException) {
            return new Failure(PollOutcome.AUTH, e.getMessage());
        }
        String noSettlement = e instanceof TransportException
                ? SshAlgorithms.explainNoSettlement(e.getMessage(), sw.legacyCrypto()) : null;
        if (noSettlement != null) {
            return new Failure(PollOutcome.SSH, "ssh: " + noSettlement);
        }
        if (e instanceof TransportException && hostKeys != null && hostKeys.refusedKey() != null) {
            return new Failure(PollOutcome.HOSTKEY, "host key changed: the switch presented a key that differs from "
                    + "the pinned one; an administrator must accept it");
        }
        if (e instanceof SessionPool.CapReachedException) {
            return new Failure(PollOutcome.REFUSED, "session cap reached: " + e.getMessage());
        }
        if (e instanceof TransportException t && t.getDisconnectReason() == DisconnectReason.TOO_MANY_CONNECTIONS) {
            return new Failure(PollOutcome.REFUSED, "session cap reached on the switch: " + e.getMessage());
        }
        if (e instanceof ConnectException) {
            return new Failure(PollOutcome.REFUSED, "connection refused");
        }
        if (e instanceof TransportException && e.getCause() instanceof SocketTimeoutException) {
            // Connected, but the SSH greeting or key exchange never came: a silent or wedged listener.
            return new Failure(PollOutcome.TIMEOUT, "timeout: no SSH answer within the connect timeout");
        }
        if (e instanceof SocketTimeoutException || e instanceof CliSession.TimeoutException) {
            return new Failure(PollOutcome.TIMEOUT, "timeout: " + e.getMessage());
        }
        if (e instanceof UnknownHostException) {
            return new Failure(PollOutcome.ERROR, "unknown host " + sw.host());
        }
        if (e instanceof TransportException) {
            return new Failure(PollOutcome.ERROR, "ssh: " + e.getMessage());
        }
        return new Failure(PollOutcome.ERROR, e.getClass().getSimpleName() + ": " + e.getMessage());
    }

    Snapshot snapshot(SwitchRecord sw, Instant at, ParseResult<MacEntry> macs, Outputs out,
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
            sp.rows().forEach(p -> ports.merge(p.port().key(), p, Poller::combine));
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
                    members));
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

    /**
     * The inventory's switch names, re-read every 30 s by one poll while the others wait for it (all
     * at once ran a large burst out of heap: bench/RESULTS.md, "Every poll thread re-read the whole
     * inventory at once"). A failed read is retried a period later, not by every poll.
     */
    private Set<String> knownSwitchNames() {
        if (System.nanoTime() - namesLoadedAt <= NAMES_TTL_NANOS) {
            return switchNames;
        }
        synchronized (namesLock) {
            long now = System.nanoTime();
            if (now - namesLoadedAt > NAMES_TTL_NANOS) {
                try {
                    Set<String> names = new HashSet<>();
                    inventory.switches().forEach(s -> names.add(s.name()));
                    switchNames = names;
                } catch (RuntimeException e) {
                    // PostgreSQL unavailable: the names known a moment ago serve.
                }
                namesLoadedAt = now;
            }
        }
        return switchNames;
    }

    /** A switch's line made safe for logs and JSON: control bytes shown as '?', at most 120 chars. */
    static String printable(String line) {
        StringBuilder sb = new StringBuilder(Math.min(line.length(), 120) + 2);
        for (int i = 0; i < line.length() && sb.length() < 120; i++) {
            char c = line.charAt(i);
            sb.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
        return "'" + sb + "'";
    }

    private void record(SwitchRecord sw, PollRecord rec, int changes) {
        var log = LOG.atInfo();
        if (rec.outcome() != PollOutcome.OK) {
            log = LOG.atWarn().addKeyValue("error", rec.error());
        }
        log.addKeyValue("switch", sw.name()).addKeyValue("outcome", rec.outcome().id())
                .addKeyValue("ms", rec.durationMs()).addKeyValue("entries", rec.entries())
                .addKeyValue("changes", changes).log("poll");
        recorder.record(rec);
        try {
            feed.poll(sw, rec, changes);
        } catch (IOException | RuntimeException e) {
            LOG.atError().addKeyValue("switch", sw.name()).addKeyValue("error", e.getMessage())
                    .log("poll record lost: Elasticsearch unavailable and spool full");
        }
    }

    /**
     * True when the switch was polled less than half an interval ago. A trigger fired late after
     * a node's failure would otherwise poll a switch twice in one interval; a poll asked for by
     * hand is not held back by this.
     */
    /** Poll outcomes waiting for PostgreSQL to come back. */
    public int unrecordedPolls() {
        return recorder.waiting();
    }

    boolean polledRecently(SwitchRecord sw) {
        Instant last = status.lastPollAt(sw.id());
        return last != null && last.isAfter(Instant.now().minus(poll.intervalOf(sw.pollIntervalSeconds()).dividedBy(2)));
    }

    Optional<SwitchRecord> find(int switchId) {
        return inventory.switchById(switchId);
    }
}
