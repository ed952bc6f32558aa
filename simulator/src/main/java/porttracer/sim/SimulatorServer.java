package porttracer.sim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** A fleet served over SSH on 127.0.0.1: one SSH server per switch. */
public final class SimulatorServer implements AutoCloseable {

    private final Fleet fleet;
    private final Map<String, SwitchEndpoint> endpoints = new LinkedHashMap<>();
    private final ExecutorService executor;
    private final SharedIo io = new SharedIo();

    private SimulatorServer(Fleet fleet) {
        this.fleet = fleet;
        AtomicInteger threads = new AtomicInteger();
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "sim-cli-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    public static SimulatorServer start(Fleet fleet, SimulatorOptions opts) throws IOException {
        return start(fleet, opts, sw -> SwitchLogin.standard());
    }

    /** {@code logins}: how each switch lets a client in (auth methods, in-shell login, enable, legacy algorithms, MOTD). */
    public static SimulatorServer start(Fleet fleet, SimulatorOptions opts,
                                        java.util.function.Function<SimSwitch, SwitchLogin> logins) throws IOException {
        if (opts.hostKeyDir() != null) {
            Files.createDirectories(opts.hostKeyDir());
        }
        SimulatorServer server = new SimulatorServer(fleet);
        try {
            List<SimSwitch> switches = fleet.switches();
            for (int i = 0; i < switches.size(); i++) {
                SimSwitch sw = switches.get(i);
                int port = opts.basePort() == 0 ? 0 : opts.basePort() + i;
                SwitchEndpoint endpoint = new SwitchEndpoint(fleet, sw, opts, logins.apply(sw), port, server.executor,
                        server.io);
                server.endpoints.put(sw.name(), endpoint);
                endpoint.start();
            }
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    public Fleet fleet() {
        return fleet;
    }

    public String host() {
        return "127.0.0.1";
    }

    /** The TCP port the switch's SSH server listens on. */
    public int port(String switchName) {
        return endpoint(switchName).port();
    }

    /** The switch's fault switches; changes apply to sessions already open. */
    public SwitchFaults faults(String switchName) {
        return endpoint(switchName).faults();
    }

    /** The command lines the switch received, oldest first (the latest {@value CommandLog#CAPACITY}). */
    public List<String> commands(String switchName) {
        return endpoint(switchName).commands().lines();
    }

    /** SSH sessions open to all switches now. */
    public int openSessions() {
        return endpoints.values().stream().mapToInt(SwitchEndpoint::openSessions).sum();
    }

    /** SSH sessions open to one switch now. */
    public int openSessions(String switchName) {
        return endpoint(switchName).openSessions();
    }

    /** Every switch's received command lines. */
    public Map<String, List<String>> allCommands() {
        Map<String, List<String>> all = new LinkedHashMap<>();
        endpoints.forEach((name, e) -> all.put(name, e.commands().lines()));
        return all;
    }

    private SwitchEndpoint endpoint(String switchName) {
        SwitchEndpoint endpoint = endpoints.get(switchName);
        if (endpoint == null) {
            throw new IllegalArgumentException("no switch named " + switchName);
        }
        return endpoint;
    }

    @Override
    public void close() {
        UncheckedIOException failure = null;
        for (SwitchEndpoint endpoint : endpoints.values()) {
            try {
                endpoint.close();
            } catch (IOException e) {
                failure = new UncheckedIOException("stopping a switch's SSH server failed", e);
            }
        }
        executor.shutdownNow();
        io.close();
        if (failure != null) {
            throw failure;
        }
    }
}
