package porttracer.collect;

import porttracer.config.DaemonThreads;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import porttracer.config.SshConfig;
import porttracer.store.Credentials;
import porttracer.store.Inventory;
import porttracer.store.SwitchRecord;

/**
 * SSH CLI sessions to switches, shared by polls and live re-verification: at most
 * {@code ssh.max-sessions-per-switch} per switch (Dell N-series allow few) and
 * {@code ssh.max-sessions} in all; idle sessions are kept for reuse, checked before reuse and
 * closed after {@code ssh.idle-timeout} (0: never kept), at most {@code ssh.max-idle-sessions} of them in
 * all; commands to one switch are spaced by
 * {@code ssh.min-command-interval-ms}.
 */
public final class SessionPool implements AutoCloseable {

    /** Work done with a session; an IOException marks the session broken. */
    public interface Work<T> {
        T run(CliSession cli) throws IOException;
    }

    /** Raised when no session could be had within the wait: the caps are full. */
    public static final class CapReachedException extends IOException {
        CapReachedException(String message) {
            super(message);
        }
    }

    private static final class PerSwitch {
        final Semaphore permits;
        final Deque<Idle> idle = new ArrayDeque<>();
        long nextCommandNanos;

        PerSwitch(int cap) {
            permits = new Semaphore(cap, true);
        }
    }

    private record Idle(CliSession cli, long since) {
    }

    private final Inventory inventory;
    private final Metrics metrics;
    private final Semaphore global;
    private final int perSwitchCap;
    private final Duration connectTimeout;
    private final Duration commandTimeout;
    private final long idleNanos;
    // Each idle session holds a socket, a reader thread and sshj's receive buffer: capped in all, or a large
    // fleet's cycle runs out of heap (bench/RESULTS.md, "Idle pooled sessions were unbounded").
    private final int maxIdle;
    private final java.util.concurrent.atomic.AtomicInteger idleTotal = new java.util.concurrent.atomic.AtomicInteger();
    private final long commandGapNanos;
    private final Map<Integer, PerSwitch> switches = new ConcurrentHashMap<>();
    private final ScheduledExecutorService evictor = DaemonThreads.scheduler("porttracer-ssh-evictor");
    private volatile boolean closed;

    public SessionPool(SshConfig ssh, Inventory inventory, Metrics metrics) {
        this.inventory = inventory;
        this.metrics = metrics;
        this.global = new Semaphore(ssh.maxSessions(), true);
        this.perSwitchCap = ssh.maxSessionsPerSwitch();
        this.connectTimeout = ssh.connectTimeout();
        this.commandTimeout = ssh.commandTimeout();
        this.idleNanos = ssh.idleTimeout().toNanos();
        this.maxIdle = ssh.maxIdleSessions();
        this.commandGapNanos = ssh.minCommandInterval().toNanos();
        long every = Math.max(1, Math.min(10, ssh.idleTimeout().toSeconds()));
        evictor.scheduleWithFixedDelay(this::evictIdle, every, every, TimeUnit.SECONDS);
    }

    public <T> T withSession(SwitchRecord sw, HostKeyPinning hostKeys, Work<T> work) throws IOException {
        PerSwitch ps = switches.computeIfAbsent(sw.id(), id -> new PerSwitch(perSwitchCap));
        long waitMs = connectTimeout.toMillis() + commandTimeout.toMillis();
        if (!acquire(ps.permits, waitMs)) {
            throw new CapReachedException("all " + perSwitchCap + " sessions to " + sw.name() + " are busy");
        }
        try {
            if (!acquire(global, waitMs)) {
                throw new CapReachedException("the global cap of SSH sessions is reached");
            }
            try {
                return use(sw, ps, hostKeys, work);
            } finally {
                global.release();
            }
        } finally {
            ps.permits.release();
        }
    }

    private <T> T use(SwitchRecord sw, PerSwitch ps, HostKeyPinning hostKeys, Work<T> work) throws IOException {
        CliSession cli = takeIdle(ps);
        if (cli == null) {
            Credentials creds = inventory.credentialsFor(sw.id())
                    .orElseThrow(() -> new IllegalStateException("no credential assigned"));
            try {
                cli = CliSession.open(sw.host(), sw.sshPort(), creds, hostKeys, connectTimeout, commandTimeout,
                        sw.legacyCrypto());
            } catch (LoginRefusedException e) {
                recordLogin(sw, e.login());
                throw e;
            }
            recordLogin(sw, cli.login());
            cli.pace(() -> pace(ps));
            metrics.sessionsOpen.inc();
        }
        metrics.sessionsInUse.inc();
        boolean healthy = false;
        try {
            T result = work.run(cli);
            healthy = true;
            return result;
        } finally {
            metrics.sessionsInUse.dec();
            if (healthy && !closed && idleNanos > 0 && idleTotal.incrementAndGet() <= maxIdle) {
                synchronized (ps) {
                    ps.idle.push(new Idle(cli, System.nanoTime()));
                }
            } else {
                if (healthy && !closed && idleNanos > 0) {
                    idleTotal.decrementAndGet();
                }
                discard(cli);
            }
        }
    }

    /** Keeps how the switch let the session in, for the API; a database outage must not fail the poll. */
    private void recordLogin(SwitchRecord sw, LoginInfo login) {
        if (login == null || login.method() == null) {
            return;
        }
        metrics.sshLogins.labelValues(login.method(), login.enable() == null ? "none" : login.enable()).inc();
        try {
            inventory.recordLogin(sw.id(), login.method(), login.inShellLogin(), login.enable(), login.legacyCrypto());
        } catch (RuntimeException e) {
            // The next session records it again.
        }
    }

    private CliSession takeIdle(PerSwitch ps) {
        while (true) {
            Idle idle;
            synchronized (ps) {
                idle = ps.idle.poll();
            }
            if (idle == null) {
                return null;
            }
            idleTotal.decrementAndGet();
            if (idle.cli().isAlive()) {
                return idle.cli();
            }
            discard(idle.cli());
        }
    }

    /** Spaces commands to one switch; called by the session before each command. */
    private void pace(PerSwitch ps) {
        if (commandGapNanos <= 0) {
            return;
        }
        long wait;
        synchronized (ps) {
            long now = System.nanoTime();
            long at = Math.max(now, ps.nextCommandNanos);
            ps.nextCommandNanos = at + commandGapNanos;
            wait = at - now;
        }
        if (wait > 0) {
            try {
                TimeUnit.NANOSECONDS.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void evictIdle() {
        long now = System.nanoTime();
        for (PerSwitch ps : switches.values()) {
            while (true) {
                Idle oldest;
                synchronized (ps) {
                    oldest = ps.idle.peekLast();
                    if (oldest == null || now - oldest.since() < idleNanos) {
                        break;
                    }
                    ps.idle.pollLast();
                    idleTotal.decrementAndGet();
                }
                discard(oldest.cli());
            }
        }
    }

    private void discard(CliSession cli) {
        cli.close();
        metrics.sessionsOpen.dec();
    }

    private static boolean acquire(Semaphore s, long waitMs) throws IOException {
        try {
            return s.tryAcquire(waitMs, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while waiting for an SSH session");
        }
    }

    /** Sessions idle in the pool now, for tests and metrics. */
    public int idleCount() {
        int n = 0;
        for (PerSwitch ps : switches.values()) {
            synchronized (ps) {
                n += ps.idle.size();
            }
        }
        return n;
    }

    @Override
    public void close() {
        closed = true;
        evictor.shutdownNow();
        for (PerSwitch ps : switches.values()) {
            while (true) {
                Idle idle;
                synchronized (ps) {
                    idle = ps.idle.poll();
                }
                if (idle == null) {
                    break;
                }
                discard(idle.cli());
            }
        }
    }
}
