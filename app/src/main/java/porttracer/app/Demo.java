package porttracer.app;

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
        long t0 = System.nanoTime();
        FleetSpec spec = new FleetSpec(42, 3, 2, 4, 8, List.of(Platform.OS6, Platform.OS10), Platform.OS6);
        SimulatorServer sim = SimulatorServer.start(Fleet.generate(spec),
                SimulatorOptions.defaults().withHostKeyDir(stateDir.resolve("sim-host-keys")), DemoLogins::of);
        PortTracer pt = new PortTracer(settings);
        PortTracer.registerJvmMetrics(pt.registry());
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nstopping PortTracer demo");
            pt.close();
            sim.close();
            stop.countDown();
        }, "demo-shutdown"));

        Map<String, Integer> ids = SimulatedFleet.register(pt.inventory(), sim, "admin", "admin");
        DemoLogins.register(pt.inventory(), ids, sim.fleet().switches(), "admin", "admin");
        var users = new porttracer.search.Users(pt.db().dataSource());
        users.put("netadmin", "netadmin", Role.NETADMIN);
        users.put("oss", "oss", Role.OSS);
        users.put("superadmin", "superadmin", Role.SUPERADMIN);

        var collector = pt.startCollector();
        collector.pollAllNow();
        String host = settings.get("api.host");
        int port = settings.getInt("api.port");
        pt.startApi(host, port);
        awaitFirstCycle(pt, ids.size(), Duration.ofSeconds(90));

        double secs = (System.nanoTime() - t0) / 1e9;
        System.out.printf("%nPortTracer demo is up in %.1f s: %d simulated switches polled.%n", secs, ids.size());
        System.out.printf("  API and web:  http://%s:%d/   (users netadmin/netadmin, oss/oss)%n", host, port);
        System.out.printf("  Health:       curl http://%s:%d/health%n", host, port);
        if (!settings.get("ldap.url").isBlank()) {
            System.out.printf("  Directory:    users of %s sign in too, as <name>@ldap%n", settings.get("ldap.url"));
        }
        if (!settings.get("audit.syslog").isBlank()) {
            System.out.printf("  Audit:        also sent to syslog at %s%n", settings.get("audit.syslog"));
        }
        System.out.println("  Try a trace:");
        List<SimHost> hosts = sim.fleet().hosts();
        for (int i = 0; i < Math.min(3, hosts.size()); i++) {
            SimHost h = hosts.get(i * Math.max(1, hosts.size() / 3));
            System.out.printf("    curl -u netadmin:netadmin 'http://%s:%d/api/v1/trace?mac=%s'   # %s %s%n",
                    host, port, h.mac().dotted(), h.switchName(), h.port());
        }
        String first = sim.fleet().switches().get(0).name();
        System.out.printf("  Ask a switch yourself: ssh -p %d admin@127.0.0.1   (password admin; %s)%n",
                sim.port(first), first);
        System.out.println("  Switches log in as real Dell fleets do (keyboard-interactive only, enable password '"
                + DemoLogins.ENABLE_PASSWORD + "', in-shell login, legacy algorithms, platform auto): see \"login\" in");
        System.out.printf("    curl -u netadmin:netadmin http://%s:%d/api/v1/switches%n", host, port);
        System.out.println("Ctrl-C stops the demo.");
        stop.await();
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
