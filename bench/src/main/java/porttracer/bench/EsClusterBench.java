package porttracer.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.quartz.impl.matchers.GroupMatcher;
import porttracer.app.PortTracer;
import porttracer.domain.Platform;
import porttracer.search.Role;
import porttracer.search.Users;
import porttracer.sim.Fleet;
import porttracer.sim.FleetSpec;
import porttracer.sim.SimHost;
import porttracer.sim.SimSwitch;
import porttracer.sim.SimulatorOptions;
import porttracer.sim.SimulatorServer;
import porttracer.store.PollStatusStore;

/**
 * A three-node Elasticsearch cluster on loopback (replicas 1) loses its master node (SIGKILL) during a poll
 * cycle that carries host moves: trace latency before, while the node is down, while it recovers and after;
 * whether every move event the collector produced reached the events index, whether the spool was needed,
 * whether every host is traced to where it now is, and how long the cluster takes to return to green.
 */
final class EsClusterBench {

    private EsClusterBench() {
    }

    /** One trace: when it was sent, how long it took, whether the API answered (200 or 404). */
    private record Trace(long atNanos, long nanos, boolean answered) {
    }

    static void run(Opts opts) throws Exception {
        int nodes = opts.getInt("nodes", 3);
        int basePort = opts.getInt("base-port", 9411);
        int heapMb = opts.getInt("heap-mb", 512);
        PollFleet.Shape shape = PollFleet.Shape.of(opts.getInt("switches", 44), opts.getInt("macs-per-switch", 100));
        Opts.Timing timing = opts.timing();
        int threads = opts.getInt("threads", 4);
        double churn = Double.parseDouble(opts.get("churn", "0.1"));
        Report report = new Report("escluster");
        report.put("es_nodes", nodes).put("es_heap_mb", heapMb).put("replicas", 1).put("switches", shape.switches())
                .put("macs_per_switch", shape.hostsPerAccess() * PollFleet.ACCESS_PER_SITE).put("latency_ms", timing.latencyMs())
                .put("poll_threads", threads).put("churn", churn).put("load", Report.loadLine());
        long c0 = System.nanoTime();
        try (EsCluster cluster = EsCluster.start(nodes, basePort, heapMb, "porttracer-bench-escluster-" + basePort)) {
            double formed = cluster.awaitStatus("green", 300);
            Report.say("escluster: %d nodes (%s) green after %.1f s, master %s", nodes, cluster.urls(),
                    (System.nanoTime() - c0) / 1e9, cluster.master());
            report.put("cluster_start_s", Report.round((System.nanoTime() - c0) / 1e9, 1)).put("cluster_green_wait_s", formed);
            var settings = Env.settings(Map.of("es.url", cluster.urls(), "es.replicas", "1", "node.id", "bench-escluster",
                    "poll.interval", Integer.toString(timing.interval()), "poll.threads", Integer.toString(threads),
                    "ssh.max-sessions", Integer.toString(threads + 10)));
            Env.resetDatabase(settings);
            FleetSpec spec = new FleetSpec(16, shape.sites(), 1, PollFleet.ACCESS_PER_SITE, shape.hostsPerAccess(),
                    List.of(Platform.OS6, Platform.OS10), Platform.OS10);
            Fleet fleet = Fleet.generate(spec);
            try (SimulatorServer sim = SimulatorServer.start(fleet,
                    SimulatorOptions.defaults().withCommandLatency(Duration.ofMillis(timing.latencyMs())));
                 PortTracer pt = new PortTracer(settings)) {
                pt.elastic().ensureLayout();
                int cred = pt.inventory().credential("simulator", "admin", "admin");
                for (SimSwitch sw : fleet.switches()) {
                    Env.register(pt.inventory(), cred, sw, sw.name(), "site" + sw.site(), sim.host(), sim.port(sw.name()));
                }
                new Users(pt.db().dataSource()).put("bench", "bench-escluster", Role.NETADMIN);
                pt.startCollector();
                // Cycles are fired by hand; the phased triggers would only add polls at random moments.
                pt.collector().scheduler().pauseTriggers(GroupMatcher.triggerGroupEquals(ScheduleProbe.SLOTS));
                int api = pt.startApi("127.0.0.1", 0).port();
                PollStatusStore status = new PollStatusStore(pt.db().dataSource());
                report.put("cycle_1_s", cycle(pt, status, fleet.switches().size(), null, null));
                Report.say("  first cycle (index empty) done; cluster %s", cluster.status());
                cluster.awaitStatus("green", 120);

                List<Trace> traces = new ArrayList<>();
                AtomicBoolean stop = new AtomicBoolean();
                List<SimHost> hosts = fleet.hosts();
                Thread tracer = new Thread(() -> trace(api, hosts, traces, stop), "escluster-tracer");
                tracer.setDaemon(true);
                tracer.start();
                Thread.sleep(30_000);
                long killAt;
                long downUntil;
                long greenAt;
                Map<String, Object> failover = new LinkedHashMap<>();
                double events0 = CollectorProbe.counter(pt.registry(), "porttracer_mac_events", null, null);
                long eventDocs0 = count(cluster, pt.elastic().prefix() + "-events*");
                double failed0 = pollsNotOk(pt);
                fleet.churn(17, churn);
                String master = cluster.master();
                EsCluster.Node victim = cluster.byName(master);
                long[] killed = new long[1];
                List<String> timeline = new ArrayList<>();
                Thread watcher = new Thread(() -> watch(cluster, killed, timeline, stop), "escluster-status");
                watcher.setDaemon(true);
                watcher.start();
                double[] spoolMax = new double[1];
                Report.say("  %.0f%% of hosts moved; second cycle fired; the master %s is killed once a third of the "
                        + "switches are polled", churn * 100, master);
                double cycle2 = cycle(pt, status, fleet.switches().size(), () -> {
                    killed[0] = System.nanoTime();
                    cluster.kill(victim);
                    Report.say("  killed %s (SIGKILL); cluster %s", victim.name(), cluster.status());
                }, spoolMax);
                killAt = killed[0];
                failover.put("killed_node", victim.name() + " (master)");
                failover.put("cycle_2_s", cycle2);
                failover.put("status_after_kill", cluster.status());
                Thread.sleep(10_000);
                downUntil = System.nanoTime();
                cluster.startNode(victim);
                double green = cluster.awaitStatus("green", 600);
                greenAt = System.nanoTime();
                failover.put("node_down_s", Report.round((downUntil - killAt) / 1e9, 1));
                failover.put("green_after_restart_s", green);
                Report.say("  %s restarted after %.1f s down; green %.1f s later", victim.name(), (downUntil - killAt) / 1e9, green);
                Thread.sleep(30_000);
                stop.set(true);
                tracer.join(30_000);
                watcher.join(10_000);
                synchronized (timeline) {
                    failover.put("status_timeline", List.copyOf(timeline));
                }

                pt.elastic().client().indices().refresh(r -> r.index(pt.elastic().prefix() + "-*"));
                long events = (long) (CollectorProbe.counter(pt.registry(), "porttracer_mac_events", null, null) - events0);
                long eventDocs = count(cluster, pt.elastic().prefix() + "-events*") - eventDocs0;
                failover.put("move_events_produced", events);
                failover.put("move_event_documents", eventDocs);
                failover.put("events_lost", events - eventDocs);
                failover.put("polls_not_ok", (long) (pollsNotOk(pt) - failed0));
                failover.put("spool_snapshots_max", (long) spoolMax[0]);
                failover.put("spool_files_after", spoolFiles(settings.get("spool.dir"), pt.elastic().prefix()));
                failover.put("hosts_traced_wrong", wrongLocations(api, fleet.hosts()));
                report.put("failover", failover);
                synchronized (traces) {
                    report.put("traces_before", phase(traces, 0, killAt));
                    report.put("traces_node_down", phase(traces, killAt, downUntil));
                    report.put("traces_recovering", phase(traces, downUntil, greenAt));
                    report.put("traces_after", phase(traces, greenAt, Long.MAX_VALUE));
                }
                Env.deleteIndices(pt.elastic());
            }
        }
        report.put("load_end", Report.loadLine());
        report.finish();
    }

    /** Fires every switch's poll and waits until each has a record started after; runs {@code atThird} once a third is done. */
    private static double cycle(PortTracer pt, PollStatusStore status, int switches, Failure atThird, double[] spoolMax)
            throws Exception {
        Instant since = Instant.now();
        long t0 = System.nanoTime();
        pt.collector().pollAllNow();
        boolean fired = atThird == null;
        while (true) {
            long done = status.all().values().stream().filter(s -> s.lastPollAt() != null && !s.lastPollAt().isBefore(since)).count();
            if (spoolMax != null) {
                spoolMax[0] = Math.max(spoolMax[0], CollectorProbe.gauge(pt.registry(), "porttracer_spool_snapshots"));
            }
            if (!fired && done >= switches / 3) {
                fired = true;
                atThird.run();
            }
            if (done >= switches) {
                return Report.round((System.nanoTime() - t0) / 1e9, 1);
            }
            if ((System.nanoTime() - t0) / 1e9 > 1800) {
                throw new IllegalStateException("a poll cycle took more than 30 minutes: " + done + " of " + switches);
            }
            Thread.sleep(250);
        }
    }

    private interface Failure {
        void run() throws Exception;
    }

    private static double pollsNotOk(PortTracer pt) {
        return CollectorProbe.counter(pt.registry(), "porttracer_polls", null, null)
                - CollectorProbe.counter(pt.registry(), "porttracer_polls", "outcome", "ok");
    }

    private static long count(EsCluster cluster, String index) throws Exception {
        return cluster.get("/" + index + "/_count?allow_no_indices=true").path("count").asLong();
    }

    private static long spoolFiles(String dir, String prefix) throws Exception {
        Path p = Path.of(dir).resolve(prefix);
        if (!Files.isDirectory(p)) {
            return 0;
        }
        try (Stream<Path> s = Files.walk(p)) {
            return s.filter(Files::isRegularFile).count();
        }
    }

    private static String auth() {
        return porttracer.config.HttpBasic.header("bench", "bench-escluster");
    }

    /** Two clients tracing random hosts of the fleet without pause until told to stop. */
    private static void trace(int api, List<SimHost> hosts, List<Trace> out, AtomicBoolean stop) {
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < 2; c++) {
            int seed = c;
            Thread t = new Thread(() -> {
                HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
                SplittableRandom rnd = new SplittableRandom(seed);
                while (!stop.get()) {
                    SimHost h = hosts.get(rnd.nextInt(hosts.size()));
                    long s = System.nanoTime();
                    boolean ok;
                    try {
                        HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api
                                        + "/api/v1/trace?mac=" + h.mac())).timeout(Duration.ofSeconds(30))
                                .header("Authorization", auth()).build(), HttpResponse.BodyHandlers.discarding());
                        ok = r.statusCode() == 200 || r.statusCode() == 404;
                    } catch (Exception e) {
                        ok = false;
                    }
                    synchronized (out) {
                        out.add(new Trace(s, System.nanoTime() - s, ok));
                    }
                }
            }, "escluster-trace-" + c);
            t.start();
            clients.add(t);
        }
        for (Thread t : clients) {
            try {
                t.join();
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** The cluster's health every second; each change is kept as "seconds since the kill: status". */
    private static void watch(EsCluster cluster, long[] killed, List<String> timeline, AtomicBoolean stop) {
        String last = "";
        while (!stop.get()) {
            String now = cluster.status();
            if (!now.equals(last)) {
                double since = killed[0] == 0 ? Double.NaN : (System.nanoTime() - killed[0]) / 1e9;
                synchronized (timeline) {
                    timeline.add((killed[0] == 0 ? "before the kill" : String.format("%+.1f s", since)) + ": " + now);
                }
                last = now;
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static Map<String, Object> phase(List<Trace> traces, long from, long to) {
        List<Trace> in = traces.stream().filter(t -> t.atNanos() >= from && t.atNanos() < to).toList();
        long[] ok = Report.sorted(in.stream().filter(Trace::answered).mapToLong(Trace::nanos).toArray(),
                (int) in.stream().filter(Trace::answered).count());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("traces", in.size());
        m.put("errors", in.size() - ok.length);
        m.put("p50_ms", Report.pctMs(ok, 50));
        m.put("p99_ms", Report.pctMs(ok, 99));
        m.put("max_ms", Report.pctMs(ok, 100));
        Report.say("    traces [%s]: %s", to == Long.MAX_VALUE ? "after" : "phase", m);
        return m;
    }

    /** Hosts whose trace does not answer their current switch and port as the first, edge location. */
    private static long wrongLocations(int api, List<SimHost> hosts) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        long wrong = 0;
        for (SimHost h : hosts) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api
                    + "/api/v1/trace?mac=" + h.mac())).header("Authorization", auth()).build(), HttpResponse.BodyHandlers.ofString());
            var loc = r.statusCode() == 200 ? json.readTree(r.body()).path("locations").path(0) : null;
            if (loc == null || !loc.path("edge").asBoolean() || !loc.path("switch").path("name").asText().equals(h.switchName())
                    || !loc.path("port").asText().equals(h.port())) {
                wrong++;
            }
        }
        return wrong;
    }
}
