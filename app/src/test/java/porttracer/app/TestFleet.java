package porttracer.app;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import porttracer.config.Settings;
import porttracer.domain.Platform;
import porttracer.search.Role;
import porttracer.search.Users;
import porttracer.sim.Fleet;
import porttracer.sim.FleetSpec;
import porttracer.sim.SimulatorOptions;
import porttracer.sim.SimulatorServer;
import porttracer.store.PollStatusStore;
import porttracer.store.SwitchStatus;

/** A simulated fleet registered in a fresh inventory, and a PortTracer node over it, for tests. */
final class TestFleet implements AutoCloseable {

    final SimulatorServer sim;
    final PortTracer pt;
    final Map<String, Integer> ids;
    final Settings settings;

    private TestFleet(SimulatorServer sim, PortTracer pt, Map<String, Integer> ids, Settings settings) {
        this.sim = sim;
        this.pt = pt;
        this.ids = ids;
        this.settings = settings;
    }

    static TestFleet start(FleetSpec spec, Path dir, Map<String, String> settings) throws Exception {
        return start(spec, dir, settings, Duration.ZERO);
    }

    /** {@code latency}: how long each simulated switch takes to answer a command. */
    static TestFleet start(FleetSpec spec, Path dir, Map<String, String> settings, Duration latency) throws Exception {
        return start(Fleet.generate(spec), dir, settings, o -> o.withCommandLatency(latency));
    }

    /** {@code options}: how the simulator serves the fleet (latency, session cap...), from the defaults. */
    static TestFleet start(Fleet fleet, Path dir, Map<String, String> settings,
                           java.util.function.UnaryOperator<SimulatorOptions> options) throws Exception {
        return start(fleet, dir, settings, options, sw -> porttracer.sim.SwitchLogin.standard());
    }

    /** {@code logins}: how each simulated switch lets a client in (auth methods, enable, in-shell login...). */
    static TestFleet start(Fleet fleet, Path dir, Map<String, String> settings,
                           java.util.function.UnaryOperator<SimulatorOptions> options,
                           java.util.function.Function<porttracer.sim.SimSwitch, porttracer.sim.SwitchLogin> logins)
            throws Exception {
        Map<String, String> s = new HashMap<>(settings);
        s.putIfAbsent("spool.dir", dir.resolve("spool").toString());
        Settings cfg = TestEnv.settings(s);
        Scratch.resetDatabase(cfg);
        SimulatorServer sim = SimulatorServer.start(fleet,
                options.apply(SimulatorOptions.defaults().withHostKeyDir(dir.resolve("keys"))
                        .withCredentials("admin", TestEnv.plantedSecret())), logins);
        PortTracer pt = new PortTracer(cfg);
        Map<String, Integer> ids = SimulatedFleet.register(pt.inventory(), sim, "admin", TestEnv.plantedSecret());
        Users users = new Users(pt.db().dataSource());
        users.put("netadmin", "netadmin", Role.NETADMIN);
        users.put("oss", "oss", Role.OSS);
        return new TestFleet(sim, pt, ids, cfg);
    }

    static FleetSpec smallSpec(long seed) {
        return new FleetSpec(seed, 1, 2, 3, 5, List.of(Platform.OS6, Platform.OS10), Platform.OS6);
    }

    /** Polls every switch once through Quartz and waits until all have a poll record after now. */
    Instant pollAll(Duration limit) throws Exception {
        Instant since = Instant.now();
        pt.collector().pollAllNow();
        awaitPolls(since, limit);
        return since;
    }

    /** Starts the collector, polls every switch once within {@code limit}, then serves the API on a free port. */
    Http pollAllAndServe(Duration limit) throws Exception {
        pt.startCollector();
        pollAll(limit);
        return new Http(pt.startApi("127.0.0.1", 0).port());
    }

    /** For an {@code @AfterAll}: closes the fleet if the {@code @BeforeAll} got as far as starting it. */
    static void closeIfStarted(TestFleet f) {
        if (f != null) {
            f.close();
        }
    }

    Map<Integer, SwitchStatus> awaitPolls(Instant since, Duration limit) throws InterruptedException {
        PollStatusStore status = new PollStatusStore(pt.db().dataSource());
        Instant deadline = Instant.now().plus(limit);
        Map<Integer, SwitchStatus> all = Map.of();
        while (Instant.now().isBefore(deadline)) {
            all = status.all();
            long done = all.values().stream().filter(s -> !s.lastPollAt().isBefore(since)).count();
            if (done >= ids.size()) {
                return all;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("not every switch was polled within " + limit + ": " + all);
    }

    /** An access port of {@code switchName} in {@code vlan} with no host on it, where a host can be plugged. */
    String freePort(String switchName, int vlan) {
        java.util.Set<String> used = new java.util.HashSet<>();
        sim.fleet().hosts().stream().filter(h -> h.switchName().equals(switchName)).forEach(h -> used.add(h.port()));
        return sim.fleet().ports(switchName).stream()
                .filter(p -> "access".equals(p.mode()) && p.pvid() != null && p.pvid() == vlan)
                .map(p -> p.port().raw()).filter(p -> !used.contains(p))
                .reduce((a, b) -> b).orElseThrow(() -> new AssertionError("no free VLAN " + vlan + " port on " + switchName));
    }

    /** Waits, within {@code limit}, until the on-disk spool has replayed everything into Elasticsearch. */
    void awaitSpoolEmpty(Duration limit) throws java.io.IOException, InterruptedException {
        Instant deadline = Instant.now().plus(limit);
        while (pt.feed().spooled() > 0 && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
        }
    }

    SwitchStatus status(String switchName) {
        return new PollStatusStore(pt.db().dataSource()).all().get(ids.get(switchName));
    }

    @Override
    public void close() {
        TestEnv.deleteIndices(pt.elastic());
        pt.close();
        sim.close();
    }
}
