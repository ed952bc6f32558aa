package porttracer.bench;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import porttracer.app.PortTracer;
import porttracer.domain.Platform;

/** The poll benchmark's fleet: its shape, the simulator processes that serve it, and its registration. */
final class PollFleet {

    static final int ACCESS_PER_SITE = 10;
    static final int SWITCHES_PER_SITE = ACCESS_PER_SITE + 1;
    /** Simulated switches per simulator process: keeps each process under its open-descriptor limit (RESULTS.md, 4). */
    static final int SWITCHES_PER_PROCESS = 3_000;

    private PollFleet() {
    }

    record Shape(int sites, int switches, int hostsPerAccess, double commandsPerPoll) {
        static Shape of(int switches, int macsPerSwitch) {
            int sites = Math.max(1, (int) Math.ceil(switches / (double) SWITCHES_PER_SITE));
            // Every switch of a site sees every host of the site (access uplinks, distribution downlinks).
            int hosts = Math.max(1, macsPerSwitch / ACCESS_PER_SITE);
            // Access: paging off, MAC table, LLDP, interfaces; the distribution switch also reads ARP.
            double cmds = (ACCESS_PER_SITE * 4.0 + 5.0) / SWITCHES_PER_SITE;
            return new Shape(sites, sites * SWITCHES_PER_SITE, hosts, cmds);
        }
    }

    static List<String[]> startSimulators(Shape shape, int latencyMs, int processes, List<Process> sims)
            throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        String cp = System.getProperty("java.class.path");
        List<String[]> endpoints = new ArrayList<>();
        List<BufferedReader> readers = new ArrayList<>();
        List<Integer> expected = new ArrayList<>();
        int left = shape.sites();
        for (int k = 0; k < processes; k++) {
            int sites = left / (processes - k);
            left -= sites;
            File log = new File(".local/state/bench-sim-" + k + ".log");
            log.getParentFile().mkdirs();
            ProcessBuilder pb = new ProcessBuilder(java, "-Xmx3g", "-Xss512k", "-XX:+UseSerialGC", "-cp", cp,
                    "porttracer.sim.SimulatorMain", "--seed", Integer.toString(100 + k), "--sites", Integer.toString(sites),
                    "--floors", "1", "--switches", Integer.toString(ACCESS_PER_SITE), "--hosts",
                    Integer.toString(shape.hostsPerAccess()), "--platforms", "os6,os10", "--distribution", "os10",
                    "--latency-ms", Integer.toString(latencyMs), "--max-sessions", "4")
                    .redirectError(log);
            Process p = pb.start();
            sims.add(p);
            readers.add(new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)));
            expected.add(sites * SWITCHES_PER_SITE);
        }
        for (int k = 0; k < processes; k++) {
            for (int i = 0; i < expected.get(k); i++) {
                String line = readers.get(k).readLine();
                if (line == null) {
                    throw new IllegalStateException("simulator process " + k + " ended; see .local/state/bench-sim-" + k + ".log");
                }
                String[] f = line.split(" ");
                endpoints.add(new String[] {"p" + k + "-" + f[0], f[1], f[2], f[3], "p" + k});
            }
        }
        return endpoints;
    }

    static void register(PortTracer pt, List<String[]> endpoints) throws Exception {
        int cred = pt.inventory().credential("simulator", "admin", "admin");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> jobs = new ArrayList<>();
        for (String[] e : endpoints) {
            jobs.add(pool.submit(() -> {
                String name = e[0];
                String simName = name.substring(name.indexOf('-') + 1);
                String site = e[4] + "-" + simName.substring(0, simName.indexOf('-'));
                int siteId = pt.inventory().site(site);
                boolean dist = simName.endsWith("-dist");
                Integer floor = dist ? null : pt.inventory().floor(siteId, "floor1");
                int id = pt.inventory().putSwitch(name, e[2], Integer.parseInt(e[3]), Platform.of(e[1]),
                        dist ? "S5248F-ON" : e[1].equals("os6") ? "N3248TE-ON" : "S4148T-ON", siteId, floor, cred);
                if (dist) {
                    pt.inventory().setCollectArp(id, true);
                }
                return null;
            }));
        }
        for (Future<?> f : jobs) {
            f.get();
        }
        pool.shutdown();
    }
}
