package porttracer.app;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import porttracer.config.Settings;
import porttracer.domain.Platform;
import porttracer.search.Role;
import porttracer.sim.Fleet;
import porttracer.sim.FleetSpec;
import porttracer.sim.SimHost;
import porttracer.sim.SimulatorOptions;
import porttracer.sim.SimulatorServer;
import porttracer.store.PollStatusStore;

/**
 * The laptop demo: a simulated fleet on loopback, registered in the inventory, polled by the
 * collector, answered by the API on 127.0.0.1:8080. Ctrl-C stops everything.
 */
final class Demo {

    private Demo() {
    }

    static void run(Settings settings, Path stateDir) throws Exception {
        Running demo = start(settings, stateDir, System.out);
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nstopping PortTracer demo");
            demo.close();
            stop.countDown();
        }, "demo-shutdown"));
        System.out.println("Ctrl-C stops the demo.");
        stop.await();
    }

    /** A demo that is up: its simulator and node, and the example traces it printed (each answered 200). */
    record Running(SimulatorServer sim, PortTracer pt, List<String> examples) implements AutoCloseable {
        @Override
        public void close() {
            pt.close();
            sim.close();
        }
    }

    /**
     * Starts the demo on its own database and index prefix ({@link DemoSettings}), emptied first: whatever an
     * earlier demo pinned (another clone's simulator keys, a deleted .local) cannot refuse this fleet.
     */
    static Running start(Settings settings, Path stateDir, PrintStream out) throws Exception {
        long t0 = System.nanoTime();
        Scratch.resetDatabase(settings);
        porttracer.config.EsConfig es = porttracer.config.EsConfig.from(settings);
        try (porttracer.index.Elastic old = new porttracer.index.Elastic(porttracer.index.EsAccess.of(es), es.indexPrefix())) {
            if (old.isReachable()) {
                Scratch.deleteIndices(old);
            }
        }
        FleetSpec spec = new FleetSpec(42, 3, 2, 4, 8, List.of(Platform.OS6, Platform.OS10), Platform.OS6);
        SimulatorServer sim = SimulatorServer.start(Fleet.generate(spec),
                SimulatorOptions.defaults().withHostKeyDir(stateDir.resolve("sim-host-keys")), DemoLogins::of);
        PortTracer pt;
        try {
            pt = new PortTracer(settings);
        } catch (RuntimeException e) {
            sim.close();
            throw e;
        }
        PortTracer.registerJvmMetrics(pt.registry());

        Map<String, Integer> ids = SimulatedFleet.register(pt.inventory(), sim, "admin", "admin");
        DemoLogins.register(pt.inventory(), ids, sim.fleet().switches(), "admin", "admin");
        var users = new porttracer.search.Users(pt.db().dataSource());
        users.put("netadmin", "netadmin", Role.NETADMIN);
        users.put("oss", "oss", Role.OSS);
        users.put("superadmin", "superadmin", Role.SUPERADMIN);

        var collector = pt.startCollector();
        collector.pollAllNow();
        String host = settings.get("api.host");
        int port = pt.startApi(host, settings.getInt("api.port")).port();
        // Returns as soon as every switch has a poll; the limit only bounds a very loaded machine.
        awaitFirstCycle(pt, ids.size(), Duration.ofSeconds(180));

        List<SimHost> hosts = sim.fleet().hosts();
        List<String> candidates = new java.util.ArrayList<>();
        for (int i = 0; i < Math.min(3, hosts.size()); i++) {
            candidates.add(hosts.get(i * Math.max(1, hosts.size() / 3)).mac().dotted());
        }
        List<String> answered = DemoTraces.answered(host, port, candidates, Duration.ofSeconds(120));
        double secs = (System.nanoTime() - t0) / 1e9;
        out.printf("%nPortTracer demo is up in %.1f s: %d simulated switches polled.%n", secs, ids.size());
        out.printf("  Database %s, index prefix %s (the demo's own; emptied at each start)%n",
                settings.get("db.url"), settings.get("es.index-prefix"));
        out.printf("  API and web:  http://%s:%d/   (users netadmin/netadmin, oss/oss)%n", host, port);
        out.printf("  Health:       curl http://%s:%d/health%n", host, port);
        if (answered.isEmpty()) {
            out.println("  No example trace answers yet: see /api/v1/switches for each switch's last poll.");
        } else {
            out.println("  Try a trace:");
        }
        for (String mac : answered) {
            out.printf("    curl -u netadmin:netadmin 'http://%s:%d/api/v1/trace?mac=%s'%n", host, port, mac);
        }
        String first = sim.fleet().switches().get(0).name();
        out.printf("  Ask a switch yourself: ssh -p %d admin@127.0.0.1   (password admin; %s)%n",
                sim.port(first), first);
        out.println("  Switches log in as real Dell fleets do (keyboard-interactive only, enable password '"
                + DemoLogins.ENABLE_PASSWORD + "', in-shell login, legacy algorithms, platform auto): see \"login\" in");
        out.printf("    curl -u netadmin:netadmin http://%s:%d/api/v1/switches%n", host, port);
        if (!settings.get("ldap.url").isBlank()) {
            out.printf("  Directory:    users of %s sign in too, as <name>@ldap%n", settings.get("ldap.url"));
        }
        if (!settings.get("audit.syslog").isBlank()) {
            out.printf("  Audit:        also sent to syslog at %s%n", settings.get("audit.syslog"));
        }
        return new Running(sim, pt, answered);
    }

    private static void awaitFirstCycle(PortTracer pt, int switches, Duration limit) throws InterruptedException {
        PollStatusStore status = new PollStatusStore(pt.db().dataSource());
        Instant deadline = Instant.now().plus(limit);
        while (Instant.now().isBefore(deadline)) {
            long polled = status.all().values().stream().filter(s -> s.lastPollAt() != null).count();
            if (polled >= switches) {
                return;
            }
            Thread.sleep(250);
        }
    }
}
