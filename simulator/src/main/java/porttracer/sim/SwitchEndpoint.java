package porttracer.sim;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.sshd.common.SshConstants;
import org.apache.sshd.common.session.SessionListener;
import org.apache.sshd.core.CoreModuleProperties;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;

/** The SSH server of one simulated switch. */
final class SwitchEndpoint implements AutoCloseable {

    private final SimSwitch sw;
    private final SwitchFaults faults = new SwitchFaults();
    private final CommandLog commands = new CommandLog();
    private final AtomicInteger sessions = new AtomicInteger();
    private final SshServer sshd;

    SwitchEndpoint(Fleet fleet, SimSwitch sw, SimulatorOptions opts, int port, ExecutorService executor, SharedIo io) {
        this(fleet, sw, opts, SwitchLogin.standard(), port, executor, io);
    }

    SwitchEndpoint(Fleet fleet, SimSwitch sw, SimulatorOptions opts, SwitchLogin login, int port, ExecutorService executor,
                   SharedIo io) {
        this.sw = sw;
        sshd = SshServer.setUpDefaultServer();
        sshd.setHost("127.0.0.1");
        sshd.setPort(port);
        sshd.setIoServiceFactoryFactory(io.factories());
        sshd.setScheduledExecutorService(io.timers(), false);
        // A switch waits as long as it takes for a slow reader to open the window; it does not drop the session.
        CoreModuleProperties.WAIT_FOR_SPACE_TIMEOUT.set(sshd, java.time.Duration.ofMinutes(10));
        Path keyDir = opts.hostKeyDir();
        SimpleGeneratorHostKeyProvider keys = keyDir == null
                ? new SimpleGeneratorHostKeyProvider()
                : new SimpleGeneratorHostKeyProvider(keyDir.resolve(sw.name() + ".hostkey"));
        // ECDSA P-256 as most switches ship: MINA's default P-521 makes every handshake cost far more
        // than a real switch's would, which skews polling benchmarks.
        keys.setAlgorithm("EC");
        keys.setKeySize(256);
        sshd.setKeyPairProvider(keys);
        LoginSetup.apply(sshd, login, opts.username(), keyDir == null ? null : keyDir.resolve(sw.name() + ".rsa.hostkey"));
        sshd.setPasswordAuthenticator((user, password, session) -> !faults.rejectAuth()
                && opts.username().equals(user) && opts.password().equals(password));
        SwitchView view = new SwitchView(fleet, sw);
        ShellGate gate = new ShellGate(login, opts, sw.platform());
        sshd.setShellFactory(channel ->
                new CliChannel(newSession(view), faults, opts.commandLatency(), executor, null, commands, gate));
        sshd.setCommandFactory((channel, command) ->
                new CliChannel(newSession(view), faults, opts.commandLatency(), executor, command, commands, gate));
        sshd.addSessionListener(sessionCap(opts.maxSessionsPerSwitch()));
    }

    private static Session newSession(SwitchView view) {
        return new Session(view, Dialect.of(view.sw().platform()));
    }

    private SessionListener sessionCap(int max) {
        // Sessions are admitted in the order they connect; one over the cap is told so once its keys
        // are established (a disconnect message needs them). Deciding at key exchange instead would
        // let a later connection evict one that was still handshaking.
        org.apache.sshd.common.AttributeRepository.AttributeKey<Boolean> overCap =
                new org.apache.sshd.common.AttributeRepository.AttributeKey<>();
        return new SessionListener() {
            @Override
            public void sessionCreated(org.apache.sshd.common.session.Session session) {
                if (sessions.incrementAndGet() > max) {
                    session.setAttribute(overCap, Boolean.TRUE);
                }
            }

            @Override
            public void sessionEvent(org.apache.sshd.common.session.Session session, Event event) {
                if (event == Event.KeyEstablished && session.getAttribute(overCap) != null) {
                    try {
                        session.disconnect(SshConstants.SSH2_DISCONNECT_TOO_MANY_CONNECTIONS,
                                "Too many sessions: " + sw.name() + " allows " + max + " at a time");
                    } catch (IOException e) {
                        session.close(true);
                    }
                }
            }

            @Override
            public void sessionClosed(org.apache.sshd.common.session.Session session) {
                sessions.decrementAndGet();
            }
        };
    }

    void start() throws IOException {
        sshd.start();
    }

    int port() {
        return sshd.getPort();
    }

    SwitchFaults faults() {
        return faults;
    }

    int openSessions() {
        return sessions.get();
    }

    CommandLog commands() {
        return commands;
    }

    @Override
    public void close() throws IOException {
        sshd.stop(true);
    }
}
