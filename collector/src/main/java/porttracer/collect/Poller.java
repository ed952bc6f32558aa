package porttracer.collect;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.HashSet;
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
import porttracer.domain.FailureText;
import porttracer.domain.MacEntry;
import porttracer.domain.PortName;
import porttracer.index.IndexFeed;
import porttracer.index.Snapshot;
import porttracer.parse.ParseResult;
import porttracer.parse.Parsers;
import porttracer.store.Inventory;
import porttracer.store.PollOutcome;
import porttracer.store.PollRecord;
import porttracer.store.PollStatusStore;
import porttracer.store.SwitchRecord;

/**
 * One poll of one switch, orchestrated: read it ({@link SwitchReader}), build its snapshot ({@link SnapshotBuilder}),
 * fold that into the index and record how it went; a failure is translated once ({@link #classify}). A failed poll
 * never touches the switch's indexed data, so its last good data stays, and goes stale by the age of its last
 * good poll. An event naming a port reads only that port's MAC table where the platform can filter by interface.
 */
public final class Poller {

    private static final Logger LOG = LoggerFactory.getLogger(Poller.class);
    // Switches whose last whole answers are kept for port polls: those events poll, a few KB each.
    private static final int RECENT_SWITCHES = 512;

    private final Inventory inventory;
    private final PollStatusStore status;
    private final IndexFeed feed;
    private final PollRecorder recorder;
    private final Metrics metrics;
    private final SwitchReader reader;
    private final SnapshotBuilder builder;
    private final RecentAnswers recent = new RecentAnswers(RECENT_SWITCHES);
    // One lock per switch ever polled here: a few thousand small objects for a node's whole fleet.
    private final java.util.concurrent.ConcurrentHashMap<Integer, java.util.concurrent.locks.ReentrantLock> running =
            new java.util.concurrent.ConcurrentHashMap<>();
    private final PollConfig poll;
    private final String node;
    private volatile Set<String> switchNames = Set.of();
    private static final long NAMES_TTL_NANOS = 30_000_000_000L;
    private final Object namesLock = new Object();
    private volatile long namesLoadedAt = System.nanoTime() - 2 * NAMES_TTL_NANOS;

    public Poller(PollConfig poll, ClassifyConfig classify, Inventory inventory, SessionPool sessions,
                  PollStatusStore status, IndexFeed feed, Metrics metrics, String node) {
        this.inventory = inventory;
        this.status = status;
        this.feed = feed;
        this.recorder = new PollRecorder(status);
        this.metrics = metrics;
        this.reader = new SwitchReader(sessions, inventory);
        this.builder = new SnapshotBuilder(classify);
        this.poll = poll;
        this.node = node;
    }

    /** A poll of the whole switch. */
    public PollRecord poll(SwitchRecord sw) {
        return poll(sw, null);
    }

    /**
     * A poll for an event naming {@code port} (null: none): only that port's MAC table where the platform can
     * filter by interface and this node has the switch's last whole answers to merge it into, else the whole switch.
     */
    public PollRecord poll(SwitchRecord sw, String port) {
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
            Read read = read(sw, hostKeys, port, started);
            RecentAnswers.Answers answers = read.answers();
            sw = answers.sw();
            entries = answers.macs().rows().size();
            unparsed = read.justRead().unparsedLines().size();
            if (read.justRead().rows().isEmpty() && unparsed > 0) {
                outcome = PollOutcome.PARSE;
                error = unparsed + " lines not understood as a " + sw.platform().id() + " MAC table, first: "
                        + printable(read.justRead().unparsedLines().get(0));
            } else {
                Snapshot snap = builder.build(sw, started, answers.macs(), answers.out(), overrides, names);
                unparsed = snap.unparsedLines();
                long w0 = System.nanoTime();
                IndexFeed.Fed fed = feed.snapshot(snap);
                metrics.esWrite.observe((System.nanoTime() - w0) / 1e9);
                if (fed.applied() != null) {
                    metrics.docsWritten.inc(fed.applied().docsWritten());
                    fed.applied().events().forEach(e -> metrics.macEvents.labelValues(e.kind()).inc());
                    changes = fed.applied().macsChanged();
                }
                if (port != null) {
                    recent.keep(answers);
                } else {
                    recent.refresh(answers);
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

    /** The answers a snapshot is built from, and the MAC table read this time (the port's alone, or the switch's). */
    private record Read(RecentAnswers.Answers answers, ParseResult<MacEntry> justRead) {
    }

    private Read read(SwitchRecord sw, HostKeyPinning hostKeys, String port, Instant started) throws IOException {
        RecentAnswers.Answers before = port == null ? null : recent.get(sw.id());
        if (before != null && (sw.autoPlatform() || sw.platform() == before.sw().platform()) && lastPollWas(sw, before)) {
            String portKey = PortName.keyOf(port);
            // The platform as last detected, the rest as the inventory says now.
            SwitchRecord known = sw.withPlatform(before.sw().platform(), before.sw().model());
            String command = Dialect.of(known.platform()).macTableOfPort(portKey);
            if (command != null) {
                SwitchReader.PortRead r = reader.readPort(known, hostKeys, command);
                if (r.whole() == null) {
                    metrics.eventPolls.labelValues("port").inc();
                    ParseResult<MacEntry> mine = Parsers.macTable(r.macTable());
                    return new Read(new RecentAnswers.Answers(known, before.out(),
                            RecentAnswers.merge(before.macs(), portKey, mine), started), mine);
                }
                return whole(r.whole(), port, started);
            }
        }
        return whole(reader.readAll(sw, hostKeys), port, started);
    }

    /**
     * True when no poll of the switch (by any node, failed ones too) started after the one that read
     * {@code before}: merging a port into older answers would undo what that poll saw on the other ports.
     */
    private boolean lastPollWas(SwitchRecord sw, RecentAnswers.Answers before) {
        try {
            Instant last = status.lastPollAt(sw.id());
            // A millisecond's slack: PostgreSQL rounds the stored start to microseconds.
            return last == null || !last.isAfter(before.polledAt().plusMillis(1));
        } catch (RuntimeException e) {
            return false;
        }
    }

    private Read whole(SwitchReader.Fetched fetched, String port, Instant started) {
        if (port != null) {
            metrics.eventPolls.labelValues("switch").inc();
        }
        ParseResult<MacEntry> macs = Parsers.macTable(fetched.out().macTable());
        return new Read(new RecentAnswers.Answers(fetched.sw(), fetched.out(), macs, started), macs);
    }

    /** A failed poll's outcome and a message fit for logs and the API (no secrets, no stack). */
    record Failure(PollOutcome outcome, String error) {
    }

    static Failure classify(Exception e, HostKeyPinning hostKeys, SwitchRecord sw) {
        if (e instanceof UserAuthException) {
            String m = e.getMessage();
            return new Failure(PollOutcome.AUTH, m != null && m.startsWith("login rejected") ? m : "login rejected");
        }
        if (e instanceof SwitchReader.UndetectedPlatformException) {
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
            return new Failure(PollOutcome.TIMEOUT, "timeout: " + FailureText.of(e));
        }
        if (e instanceof UnknownHostException) {
            return new Failure(PollOutcome.ERROR, "unknown host " + sw.host());
        }
        if (e instanceof TransportException) {
            return new Failure(PollOutcome.ERROR, "ssh: " + FailureText.of(e));
        }
        // Users read this on the page and in the API: words, not class names (the log keeps the exception).
        return new Failure(PollOutcome.ERROR, FailureText.of(e));
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

    /** Poll outcomes waiting for PostgreSQL to come back. */
    public int unrecordedPolls() {
        return recorder.waiting();
    }

    /**
     * True when the switch was polled less than half an interval ago. A trigger fired late after
     * a node's failure would otherwise poll a switch twice in one interval; a poll asked for by
     * hand is not held back by this.
     */
    /** Runs {@code poll} while no other poll of this switch runs on this node (an event's waits for the schedule's). */
    void exclusively(int switchId, Runnable poll) {
        java.util.concurrent.locks.ReentrantLock lock = running.computeIfAbsent(switchId,
                id -> new java.util.concurrent.locks.ReentrantLock());
        lock.lock();
        try {
            poll.run();
        } finally {
            lock.unlock();
        }
    }

    boolean polledRecently(SwitchRecord sw) {
        Instant last = status.lastPollAt(sw.id());
        return last != null && last.isAfter(Instant.now().minus(poll.intervalOf(sw.pollIntervalSeconds()).dividedBy(2)));
    }

    Optional<SwitchRecord> find(int switchId) {
        return inventory.switchById(switchId);
    }
}
