package porttracer.collect;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.schmizz.sshj.transport.TransportException;
import net.schmizz.sshj.userauth.UserAuthException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import porttracer.config.Settings;
import porttracer.domain.MacEntry;
import porttracer.domain.PortName;
import porttracer.domain.Sighting;
import porttracer.index.LocationIndex;
import porttracer.index.PollLog;
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
    private final LocationIndex index;
    private final PollLog pollLog;
    private final Metrics metrics;
    private final PortClassifier classifier;
    private final Duration connectTimeout;
    private final Duration commandTimeout;
    private final String node;

    public Poller(Settings settings, Inventory inventory, PollStatusStore status, LocationIndex index, PollLog pollLog,
                  Metrics metrics, String node) {
        this.inventory = inventory;
        this.status = status;
        this.index = index;
        this.pollLog = pollLog;
        this.metrics = metrics;
        this.classifier = new PortClassifier(settings.getInt("classify.max-edge-macs"));
        this.connectTimeout = settings.getSeconds("ssh.connect-timeout");
        this.commandTimeout = settings.getSeconds("ssh.command-timeout");
        this.node = node;
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
            Credentials creds = inventory.credentialsFor(sw.id())
                    .orElseThrow(() -> new IllegalStateException("no credential assigned"));
            Dialect dialect = Dialect.of(sw.platform());
            String macText;
            metrics.sessionsOpen.inc();
            try (CliSession cli = CliSession.open(sw.host(), sw.sshPort(), creds, hostKeys, connectTimeout, commandTimeout)) {
                cli.run(dialect.pagingOff());
                macText = cli.run(dialect.macTable());
            } finally {
                metrics.sessionsOpen.dec();
            }
            ParseResult<MacEntry> macs = Parsers.macTable(sw.platform(), macText);
            entries = macs.rows().size();
            unparsed = macs.unparsedLines().size();
            if (entries == 0 && unparsed > 0) {
                outcome = PollOutcome.PARSE;
                error = unparsed + " lines not understood as a " + sw.platform().id() + " MAC table, first: "
                        + printable(macs.unparsedLines().get(0));
            } else {
                Snapshot snap = snapshot(sw, started, macs, inventory.portOverrides(sw.id()), Set.of());
                long w0 = System.nanoTime();
                LocationIndex.Applied applied = index.apply(snap);
                metrics.esWrite.observe((System.nanoTime() - w0) / 1e9);
                metrics.docsWritten.inc(applied.docsWritten());
                applied.events().forEach(e -> metrics.macEvents.labelValues(e.kind()).inc());
                changes = applied.macsChanged();
            }
        } catch (IOException | RuntimeException e) {
            Failure f = classify(e, hostKeys, sw);
            outcome = f.outcome();
            error = f.error();
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        PollRecord rec = new PollRecord(sw.id(), started, ms, outcome, error, entries, unparsed, node);
        metrics.pollDuration.labelValues(sw.platform().id()).observe(ms / 1000.0);
        metrics.polls.labelValues(outcome.id()).inc();
        record(sw, rec, changes);
        return rec;
    }

    /** A failed poll's outcome and a message fit for logs and the API (no secrets, no stack). */
    record Failure(PollOutcome outcome, String error) {
    }

    static Failure classify(Exception e, HostKeyPinning hostKeys, SwitchRecord sw) {
        if (e instanceof UserAuthException) {
            return new Failure(PollOutcome.AUTH, "login rejected");
        }
        if (e instanceof TransportException && hostKeys.refusedKey() != null) {
            return new Failure(PollOutcome.HOSTKEY, "host key changed: the switch presented a key that differs from "
                    + "the pinned one; an administrator must accept it");
        }
        if (e instanceof ConnectException) {
            return new Failure(PollOutcome.REFUSED, "connection refused");
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

    Snapshot snapshot(SwitchRecord sw, Instant at, ParseResult<MacEntry> macs, Map<String, String> overrides,
                      Set<String> lldpSwitchPorts) {
        Map<String, PortClassifier.Role> roles = classifier.classify(macs.rows(), overrides, lldpSwitchPorts);
        List<Sighting> sightings = new ArrayList<>(macs.rows().size());
        for (MacEntry e : macs.rows()) {
            if (e.mac().isMulticast()) {
                continue;
            }
            String key = PortName.keyOf(e.port());
            PortClassifier.Role role = roles.get(key);
            sightings.add(new Sighting(e.mac(), e.vlan(), e.port(), key, role.edge(), role.reason()));
        }
        return new Snapshot(sw, at, sightings, macs.unparsedLines().size());
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
        try {
            status.record(rec);
        } catch (RuntimeException e) {
            LOG.atError().addKeyValue("switch", sw.name()).addKeyValue("error", e.getMessage())
                    .log("poll status not recorded");
        }
        try {
            pollLog.write(sw, rec, changes);
        } catch (IOException | RuntimeException e) {
            LOG.atWarn().addKeyValue("switch", sw.name()).addKeyValue("error", e.getMessage())
                    .log("poll record not indexed");
        }
    }

    Optional<SwitchRecord> find(int switchId) {
        return inventory.switchById(switchId);
    }
}
