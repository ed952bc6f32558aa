package porttracer.bench;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import net.schmizz.sshj.transport.verification.PromiscuousVerifier;
import porttracer.app.PortTracer;
import porttracer.collect.CliSession;
import porttracer.collect.LiveVerifier;
import porttracer.collect.Metrics;
import porttracer.collect.SessionPool;
import porttracer.config.Settings;
import porttracer.domain.Platform;
import porttracer.index.LocationIndex;
import porttracer.sim.Fleet;
import porttracer.sim.FleetSpec;
import porttracer.sim.SimHost;
import porttracer.sim.SimSwitch;
import porttracer.sim.SimulatorOptions;
import porttracer.sim.SimulatorServer;
import porttracer.store.Credentials;
import porttracer.store.PollOutcome;
import porttracer.store.SwitchRecord;

/**
 * Live re-verification of one MAC (LiveVerifier: session, lookup command, parse, index update) through a
 * warm pooled session and through a fresh SSH connection, against the simulator with a set command latency,
 * next to one bare command on an open session.
 */
final class ReverifyBench {

    static final double TARGET_RATIO = 1.2;

    private ReverifyBench() {
    }

    static void run(Opts opts) throws Exception {
        int latencyMs = opts.getInt("latency-ms", 1000);
        int repeats = opts.getInt("repeats", 5);
        String platformId = opts.get("platform", "os6");
        Report report = new Report("reverify");
        report.put("latency_ms", latencyMs).put("repeats", repeats).put("load", Report.loadLine());
        Settings settings = Env.settings(Map.of());
        Env.resetDatabase(settings);
        Platform platform = Platform.of(platformId);
        FleetSpec spec = new FleetSpec(7, 1, 1, 2, 12, java.util.List.of(platform), Platform.OS10);
        try (SimulatorServer sim = SimulatorServer.start(Fleet.generate(spec),
                SimulatorOptions.defaults().withCommandLatency(Duration.ofMillis(latencyMs)));
             PortTracer pt = new PortTracer(settings)) {
            Env.resetDatabase(settings);
            int cred = pt.inventory().credential("simulator", "admin", "admin");
            SimSwitch access = sim.fleet().switches().stream().filter(s -> s.role() == porttracer.sim.Role.ACCESS)
                    .findFirst().orElseThrow();
            int id = Env.register(pt.inventory(), cred, access, access.name(), "site1", sim.host(), sim.port(access.name()));
            SwitchRecord sw = pt.inventory().switchById(id).orElseThrow();
            SimHost host = sim.fleet().hosts().stream().filter(h -> h.switchName().equals(access.name())).findFirst()
                    .orElseThrow();
            String lookup = dialectMacTable(platform) + " address " + notation(platform, host);
            Report.say("reverify: %s (%s), MAC %s on %s, simulator command latency %d ms, %d repeats",
                    access.name(), platform.id(), host.mac(), host.port(), latencyMs, repeats);

            // A bare command on an open session: what one command costs on this simulator.
            long[] command = new long[repeats];
            try (CliSession cli = CliSession.open(sim.host(), sim.port(access.name()), new Credentials("admin", "admin"),
                    new PromiscuousVerifier(), Duration.ofSeconds(10), Duration.ofSeconds(30))) {
                cli.disablePaging(pagingOff(platform));
                cli.run(lookup);
                for (int i = 0; i < repeats; i++) {
                    long t0 = System.nanoTime();
                    cli.run(lookup);
                    command[i] = System.nanoTime() - t0;
                }
            }

            // Warm: the API's LiveVerifier through the shared pool, whose session is already open.
            LiveVerifier verifier = pt.liveVerifier();
            LiveVerifier.Result first = verifier.verify(sw, host.mac());
            check(first);
            long[] warm = new long[repeats];
            for (int i = 0; i < repeats; i++) {
                long t0 = System.nanoTime();
                check(verifier.verify(sw, host.mac()));
                warm[i] = System.nanoTime() - t0;
            }

            // Cold: the same LiveVerifier over a pool with no idle session: SSH connect, login, paging off, lookup.
            LocationIndex index = new LocationIndex(pt.elastic(), null);
            long[] cold = new long[repeats];
            for (int i = 0; i < repeats; i++) {
                try (SessionPool fresh = new SessionPool(porttracer.config.SshConfig.from(settings), pt.inventory(), new Metrics(new PrometheusRegistry()))) {
                    LiveVerifier v = new LiveVerifier(pt.inventory(), fresh, index);
                    long t0 = System.nanoTime();
                    check(v.verify(sw, host.mac()));
                    cold[i] = System.nanoTime() - t0;
                }
            }
            double commandMs = median(command);
            double warmMs = median(warm);
            double coldMs = median(cold);
            double ratio = Report.round(warmMs / commandMs, 3);
            Report.say("  bare command (open session) median %8.1f ms   all %s", commandMs, ms(command));
            Report.say("  warm re-verify (pooled)     median %8.1f ms   all %s", warmMs, ms(warm));
            Report.say("  cold re-verify (new SSH)    median %8.1f ms   all %s", coldMs, ms(cold));
            Report.say("  warm / command = %.3f (target <= %.1f: %s); cold / warm = %.2f", ratio, TARGET_RATIO,
                    ratio <= TARGET_RATIO ? "met" : "MISSED", coldMs / warmMs);
            report.put("platform", platform.id()).put("command_ms", commandMs).put("warm_ms", warmMs)
                    .put("cold_ms", coldMs).put("warm_to_command_ratio", ratio)
                    .put("cold_to_warm_ratio", Report.round(coldMs / warmMs, 3))
                    .put("warm_overhead_ms", Report.round(warmMs - commandMs, 1))
                    .put("cold_overhead_ms", Report.round(coldMs - commandMs, 1))
                    .put("target_ratio", TARGET_RATIO).put("target_met", ratio <= TARGET_RATIO)
                    .put("load_end", Report.loadLine());
            Env.deleteIndices(pt.elastic());
        }
        report.finish();
    }

    private static void check(LiveVerifier.Result r) {
        if (r.outcome() != PollOutcome.OK || r.sightings().isEmpty()) {
            throw new IllegalStateException("live lookup failed: " + r.outcome() + " " + r.error() + " " + r.sightings());
        }
    }

    /** The spellings of porttracer.collect.Dialect (package-private there). */
    static String dialectMacTable(Platform p) {
        return p == Platform.OS9 ? "show mac-address-table" : "show mac address-table";
    }

    static String pagingOff(Platform p) {
        return p == Platform.POWERCONNECT ? "terminal datadump" : "terminal length 0";
    }

    static String notation(Platform p, SimHost h) {
        return p == Platform.OS6 ? h.mac().dotted() : h.mac().toString();
    }

    static double median(long[] nanos) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        return Report.round(s[s.length / 2] / 1e6, 1);
    }

    private static String ms(long[] nanos) {
        StringBuilder b = new StringBuilder();
        for (long n : nanos) {
            b.append(b.length() == 0 ? "" : " ").append(Math.round(n / 1e6));
        }
        return b.toString();
    }
}
