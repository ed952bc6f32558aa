package porttracer.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import net.schmizz.sshj.transport.verification.PromiscuousVerifier;
import porttracer.app.PortTracer;
import porttracer.collect.CliSession;
import porttracer.index.Snapshot;
import porttracer.config.Settings;
import porttracer.domain.MacAddress;
import porttracer.domain.MacEntry;
import porttracer.domain.Platform;
import porttracer.domain.PortName;
import porttracer.domain.Sighting;
import porttracer.index.LocationIndex;
import porttracer.search.Role;
import porttracer.search.Users;
import porttracer.sim.Fleet;
import porttracer.sim.FleetSpec;
import porttracer.sim.SimHost;
import porttracer.sim.SimSwitch;
import porttracer.sim.SimulatorOptions;
import porttracer.sim.SimulatorServer;
import porttracer.store.Credentials;
import porttracer.store.PollOutcome;
import porttracer.store.PollRecord;
import porttracer.store.PollStatusStore;
import porttracer.store.SwitchRecord;

/**
 * Trace latency over HTTP against the real API with N MACs loaded through LocationIndex.apply, and, in the
 * same run, the old way: SSH into every switch of a simulated floor, one after the other, and ask each
 * {@code show mac address-table address <mac>}.
 */
final class TraceBench {

    static final double TARGET_P99_MS = 10;
    static final double TARGET_RATIO = 500;
    static final int MACS_PER_SWITCH = 500;
    static final long SYNTHETIC_BASE = 0x020000000000L; // locally administered, unicast

    private TraceBench() {
    }

    static void run(Opts opts) throws Exception {
        int macs = opts.getInt("macs", 200_000);
        int floorSwitches = opts.getInt("floor-switches", 10);
        int latencyMs = opts.getInt("latency-ms", 1000);
        int liveMacs = opts.getInt("live-macs", 3);
        int seconds = opts.getInt("seconds", 10);
        List<Integer> clientLevels = opts.getInts("clients", "1,8,32");
        int loadThreads = opts.getInt("load-threads", 3);
        Report report = new Report("trace");
        report.put("macs", macs).put("floor_switches", floorSwitches).put("latency_ms", latencyMs)
                .put("load", Report.loadLine());
        // --reuse true: keep the MACs a previous run of the same size left in the index (the load takes minutes).
        boolean reuse = opts.getBool("reuse", false);
        Settings settings = Env.settings(Map.of());
        if (!reuse) {
            Env.resetDatabase(settings);
        }
        FleetSpec floorSpec = new FleetSpec(11, 1, 1, floorSwitches, 24, List.of(Platform.OS6, Platform.OS10), Platform.OS10);
        try (SimulatorServer sim = SimulatorServer.start(Fleet.generate(floorSpec),
                SimulatorOptions.defaults().withCommandLatency(Duration.ofMillis(latencyMs)));
             PortTracer pt = new PortTracer(settings)) {
            if (!reuse) {
                Env.resetDatabase(settings);
                Env.deleteIndices(pt.elastic());
                pt.elastic().ensureLayout();
            }
            new Users(pt.db().dataSource()).put("netadmin", "netadmin", Role.NETADMIN);
            int cred = pt.inventory().credential("simulator", "admin", "admin");
            LocationIndex index = new LocationIndex(pt.elastic(), null);
            PollStatusStore status = new PollStatusStore(pt.db().dataSource());
            Instant now = Instant.now();

            // 1. The floor: real simulated switches, their ground-truth tables folded in like a poll would.
            Fleet fleet = sim.fleet();
            List<SwitchRecord> floor = new ArrayList<>();
            int floorMacs = 0;
            for (SimSwitch s : fleet.switches()) {
                int id = Env.register(pt.inventory(), cred, s, s.name(), "site1", sim.host(), sim.port(s.name()));
                SwitchRecord rec = pt.inventory().switchById(id).orElseThrow();
                Set<String> uplinks = fleet.uplinkPorts(s.name());
                List<Sighting> rows = new ArrayList<>();
                for (MacEntry e : fleet.macTable(s.name())) {
                    boolean edge = !uplinks.contains(e.port());
                    rows.add(new Sighting(e.mac(), e.vlan(), e.port(), PortName.keyOf(e.port()), edge,
                            edge ? "bench: ground truth edge" : "bench: ground truth uplink"));
                }
                if (!reuse) {
                    index.apply(new Snapshot(rec, now, rows, 0));
                }
                status.record(new PollRecord(id, now, 100, PollOutcome.OK, null, rows.size(), 0, "bench"));
                if (s.role() == porttracer.sim.Role.ACCESS) {
                    floor.add(rec);
                }
            }
            List<SimHost> hosts = fleet.hosts();
            floorMacs = hosts.size();

            // 2. Synthetic switches, 500 MACs each, registered in the inventory, applied by several threads.
            int synthetic = Math.max(0, macs - floorMacs);
            if (reuse) {
                pt.elastic().client().indices().refresh(r -> r.index(pt.elastic().current()));
                long have = pt.elastic().client().count(c -> c.index(pt.elastic().current())).count();
                if (have != macs) {
                    throw new IllegalStateException("--reuse: the index holds " + have + " MACs, not " + macs);
                }
                Report.say("trace: reusing the %,d MACs already indexed by an earlier run (load not measured again)", have);
            }
            int switches = (synthetic + MACS_PER_SWITCH - 1) / MACS_PER_SWITCH;
            int toLoad = reuse ? 0 : switches;
            Report.say("trace: loading %,d MACs (%,d on the simulated floor, %,d synthetic on %,d switches) "
                    + "through LocationIndex.apply with %d threads", macs, floorMacs, synthetic, switches, loadThreads);
            long l0 = System.nanoTime();
            AtomicInteger next = new AtomicInteger();
            AtomicLong written = new AtomicLong();
            ExecutorService pool = Executors.newFixedThreadPool(loadThreads);
            List<Future<?>> jobs = new ArrayList<>();
            int site = pt.inventory().site("bench-synthetic");
            for (int t = 0; t < loadThreads; t++) {
                jobs.add(pool.submit(() -> {
                    PollStatusStore st = new PollStatusStore(pt.db().dataSource());
                    for (int sw; (sw = next.getAndIncrement()) < toLoad; ) {
                        int id = pt.inventory().putSwitch("synthetic-" + sw, "10." + (100 + sw / 65536) + "."
                                + (sw / 256 % 256) + "." + (sw % 256), 22, Platform.OS6, "N3248TE-ON", site, null, cred);
                        SwitchRecord rec = pt.inventory().switchById(id).orElseThrow();
                        int from = sw * MACS_PER_SWITCH;
                        int to = Math.min(synthetic, from + MACS_PER_SWITCH);
                        List<Sighting> rows = new ArrayList<>(to - from);
                        for (int k = from; k < to; k++) {
                            String port = "Gi1/0/" + (k % 48 + 1);
                            rows.add(new Sighting(MacAddress.of(SYNTHETIC_BASE + k), 10 + (k % 3) * 10, port,
                                    PortName.keyOf(port), true, "bench: synthetic edge"));
                        }
                        Instant at = Instant.now();
                        written.addAndGet(index.apply(new Snapshot(rec, at, rows, 0)).docsWritten());
                        st.record(new PollRecord(id, at, 100, PollOutcome.OK, null, rows.size(), 0, "bench"));
                        if (sw % 200 == 199) {
                            double s = (System.nanoTime() - l0) / 1e9;
                            Report.say("  loaded %,d switches, %,d MACs, %.0f MACs/s", sw + 1, written.get(),
                                    written.get() / s);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : jobs) {
                f.get();
            }
            pool.shutdown();
            double loadS = (System.nanoTime() - l0) / 1e9;
            pt.elastic().client().indices().refresh(r -> r.index(pt.elastic().current()));
            long docs = pt.elastic().client().count(c -> c.index(pt.elastic().current())).count();
            Report.say("  loaded in %.1f s (%.0f MAC documents/s); %,d documents in %s", loadS, written.get() / loadS,
                    docs, pt.elastic().current());
            report.put("reused_index", reuse);
            report.put("synthetic_switches", switches).put("load_seconds", reuse ? null : Report.round(loadS, 1))
                    .put("load_docs_per_second", Math.round(written.get() / loadS)).put("docs_indexed", docs)
                    .put("es", EsStats.summary(settings.get("es.url"), pt.elastic().prefix()));

            // In service every switch is polled every interval. A load longer than stale.intervals intervals (the
            // 5 M one) would leave the first switches' data stale, and traces would then re-check them live
            // (SSH to addresses no switch answers): record one fresh good poll per switch, as its next poll would.
            long f0 = System.nanoTime();
            Instant fresh = Instant.now();
            int refreshed = 0;
            for (SwitchRecord sw : pt.inventory().switches()) {
                status.record(new PollRecord(sw.id(), fresh, 100, PollOutcome.OK, null, MACS_PER_SWITCH, 0, "bench"));
                refreshed++;
            }
            Report.say("  recorded a fresh good poll for %,d switches in %.1f s", refreshed, (System.nanoTime() - f0) / 1e9);

            // What the API's switch directory reloads (inventory and poll status), off the request path since the fix.
            long[] refresh = new long[5];
            for (int i = 0; i < refresh.length; i++) {
                long d0 = System.nanoTime();
                pt.inventory().switches();
                status.all();
                refresh[i] = System.nanoTime() - d0;
            }
            double refreshMs = ReverifyBench.median(refresh);
            Report.say("  switch directory reload (inventory + poll status of %,d switches): median %.1f ms",
                    switches + fleet.switches().size(), refreshMs);
            report.put("directory_reload_ms", refreshMs);

            // 3. Traces over HTTP against the real API.
            pt.startApi("127.0.0.1", 0);
            String base = "http://127.0.0.1:" + pt.api().port() + "/api/v1/trace?mac=";
            long[] floorValues = hosts.stream().mapToLong(h -> h.mac().value()).toArray();
            HttpLoad.MacPicker picker = (rnd) -> {
                int i = rnd.nextInt(macs);
                return i < floorValues.length ? floorValues[i] : SYNTHETIC_BASE + (i - floorValues.length);
            };
            String auth = porttracer.config.HttpBasic.header("netadmin", "netadmin");
            String esBase = settings.get("es.url").split(",")[0].strip() + "/" + pt.elastic().current() + "/_doc/";
            int runs = opts.getInt("runs", 3);
            // The floor under any API in this JVM: a bare Javalin route that sends a real trace answer and does nothing
            // else. Floor + bare get is about the best an API relaying one get could do on this machine.
            byte[] sampleAnswer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base
                    + MacAddress.of(floorValues[0]).bare())).header("Authorization", auth).build(),
                    HttpResponse.BodyHandlers.ofByteArray()).body();
            io.javalin.Javalin floorApp = io.javalin.Javalin.create(c -> c.showJavalinBanner = false)
                    .get("/floor", ctx -> ctx.contentType("application/json").result(sampleAnswer)).start("127.0.0.1", 0);
            String floorBase = "http://127.0.0.1:" + floorApp.port() + "/floor?mac=";
            // Both sides warmed until steady, then every level run several times, API and bare get interleaved.
            double warmApi = SteadyLoad.warmUp(base, picker, 8, auth);
            double warmEs = SteadyLoad.warmUp(esBase, picker, 8, null);
            double warmFloor = SteadyLoad.warmUp(floorBase, picker, 8, null);
            Report.say("  warm-up until steady (+/-%.0f%%): API %.1f s, Elasticsearch %.1f s, bare Javalin route %.1f s",
                    SteadyLoad.STEADY_PCT, warmApi, warmEs, warmFloor);
            report.put("warmup_s_api", warmApi).put("warmup_s_es", warmEs).put("warmup_s_floor", warmFloor)
                    .put("runs_per_level", runs).put("answer_bytes", sampleAnswer.length);
            List<Map<String, Object>> floors = new ArrayList<>();
            List<Map<String, Object>> levels = new ArrayList<>();
            List<Map<String, Object>> esLevels = new ArrayList<>();
            List<Map<String, Object>> ratios = new ArrayList<>();
            HttpLoad.Result one = null;
            HttpLoad.Result at32 = null;
            for (int c : clientLevels) {
                long[] cpu0 = ApiCpu.sample();
                SteadyLoad.Level api = SteadyLoad.level(base, picker, c, seconds, auth, runs);
                long[] cpu1 = ApiCpu.sample();
                SteadyLoad.Level es = SteadyLoad.level(esBase, picker, c, seconds, null, runs);
                SteadyLoad.Level bareRoute = SteadyLoad.level(floorBase, picker, c, seconds, null, runs);
                HttpLoad.Result r = api.median();
                if (c == 1) {
                    one = r;
                }
                at32 = r;
                Map<String, Object> m = api.figures();
                Map<String, Object> e = es.figures();
                long traces = api.runs().stream().mapToLong(HttpLoad.Result::count).sum();
                // Jetty request threads and the ES client's I/O dispatchers of this JVM, per answered trace.
                m.put("api_cpu_us_per_trace", traces == 0 ? null : Report.round((cpu1[0] - cpu0[0]) / 1e3 / traces, 1));
                m.put("api_cpu_threads", cpu1[1]);
                Report.say("  %2d clients, API: %7.0f/s (%.0f..%.0f)  p50 %6.2f ms (%.2f..%.2f)  p99 %6.2f ms (%.2f..%.2f)  errors %s",
                        c, m.get("throughput_per_s"), m.get("throughput_per_s_min"), m.get("throughput_per_s_max"),
                        m.get("p50_ms"), m.get("p50_ms_min"), m.get("p50_ms_max"), m.get("p99_ms"), m.get("p99_ms_min"),
                        m.get("p99_ms_max"), m.get("errors"));
                Report.say("  %2d clients, ES:  %7.0f/s (%.0f..%.0f)  p50 %6.2f ms (%.2f..%.2f)  p99 %6.2f ms (%.2f..%.2f)",
                        c, e.get("throughput_per_s"), e.get("throughput_per_s_min"), e.get("throughput_per_s_max"),
                        e.get("p50_ms"), e.get("p50_ms_min"), e.get("p50_ms_max"), e.get("p99_ms"), e.get("p99_ms_min"),
                        e.get("p99_ms_max"));
                // Goal: API p50 and p99 <= 1.5x the bare get at 1 and 8 clients, throughput >= 60% of it at 32.
                Map<String, Object> ratio = new LinkedHashMap<>();
                ratio.put("clients", c);
                ratio.put("p50_api_over_es", Report.round(api.medianOf(x -> x.p(50)) / es.medianOf(x -> x.p(50)), 2));
                ratio.put("p99_api_over_es", Report.round(api.medianOf(x -> x.p(99)) / es.medianOf(x -> x.p(99)), 2));
                ratio.put("throughput_api_over_es", Report.round(api.medianOf(HttpLoad.Result::throughput)
                        / es.medianOf(HttpLoad.Result::throughput), 2));
                Map<String, Object> fl = bareRoute.figures();
                Report.say("  %2d clients, bare Javalin route: %7.0f/s  p50 %6.2f ms  p99 %6.2f ms", c,
                        fl.get("throughput_per_s"), fl.get("p50_ms"), fl.get("p99_ms"));
                floors.add(fl);
                ratio.put("p50_floor_plus_es_over_es", Report.round((bareRoute.medianOf(x -> x.p(50)) + es.medianOf(x -> x.p(50)))
                        / es.medianOf(x -> x.p(50)), 2));
                // Both on the same two cores, one after the other per request: the throughput of relaying with no work.
                double relay = 1 / (1 / bareRoute.medianOf(HttpLoad.Result::throughput) + 1 / es.medianOf(HttpLoad.Result::throughput));
                ratio.put("throughput_floor_relay_over_es", Report.round(relay / es.medianOf(HttpLoad.Result::throughput), 2));
                Report.say("  %2d clients, API / ES: p50 %.2fx, p99 %.2fx, throughput %.2f; API CPU %s us per trace "
                        + "(%d threads); a relay doing nothing would be p50 %.2fx, throughput %.2f", c,
                        ratio.get("p50_api_over_es"), ratio.get("p99_api_over_es"), ratio.get("throughput_api_over_es"),
                        m.get("api_cpu_us_per_trace"), cpu1[1], ratio.get("p50_floor_plus_es_over_es"),
                        ratio.get("throughput_floor_relay_over_es"));
                levels.add(m);
                esLevels.add(e);
                ratios.add(ratio);
            }
            report.put("http", levels);
            report.put("es_direct", esLevels);
            report.put("bare_javalin_route", floors);
            floorApp.stop();
            report.put("api_over_es", ratios);

            // And the API's own Elasticsearch call, in this process, with no HTTP server in front: one client.
            {
                var es = pt.elastic().client();
                String current = pt.elastic().current();
                SplittableRandom r = new SplittableRandom(77);
                long[] lat = new long[1 << 20];
                int n = 0;
                long end = System.nanoTime() + Math.max(3, seconds / 2) * 1_000_000_000L;
                while (System.nanoTime() < end && n < lat.length) {
                    String id = MacAddress.of(picker.pick(r)).bare();
                    long t0 = System.nanoTime();
                    es.get(g -> g.index(current).id(id), porttracer.index.LocationDoc.class);
                    lat[n++] = System.nanoTime() - t0;
                }
                long[] sorted = Report.sorted(lat, n);
                Report.say("  ES Java client in process (the API's get), 1 client: %,d gets  p50 %6.2f ms  p99 %6.2f ms",
                        n, Report.pctMs(sorted, 50), Report.pctMs(sorted, 99));
                report.put("es_java_client_1", Map.of("requests", n, "p50_ms", Report.pctMs(sorted, 50),
                        "p99_ms", Report.pctMs(sorted, 99), "p999_ms", Report.pctMs(sorted, 99.9)));
            }

            // 4. The old way, in the same run: SSH into each switch of the floor in turn.
            List<Long> live = new ArrayList<>();
            SplittableRandom rnd = new SplittableRandom(5);
            for (int k = 0; k < liveMacs; k++) {
                SimHost h = hosts.get(rnd.nextInt(hosts.size()));
                long t0 = System.nanoTime();
                int found = 0;
                for (SwitchRecord sw : floor) {
                    try (CliSession cli = CliSession.open(sw.host(), sw.sshPort(), new Credentials("admin", "admin"),
                            new PromiscuousVerifier(), Duration.ofSeconds(10), Duration.ofSeconds(60))) {
                        cli.disablePaging(ReverifyBench.pagingOff(sw.platform()));
                        String out = cli.run(ReverifyBench.dialectMacTable(sw.platform()) + " address "
                                + (sw.platform() == Platform.OS6 ? h.mac().dotted() : h.mac().toString()));
                        if (out.toLowerCase().contains(h.mac().toString()) || out.contains(h.mac().dotted())) {
                            found++;
                        }
                    }
                }
                long ns = System.nanoTime() - t0;
                live.add(ns);
                Report.say("  live floor trace of %s: %,.0f ms over %d switches (sequential; seen on %d)", h.mac(),
                        ns / 1e6, floor.size(), found);
            }
            live.sort(null);
            double liveMedianMs = Report.round(live.get(live.size() / 2) / 1e6, 1);
            double p50 = one != null ? one.p(50) : at32.p(50);
            double p99 = one != null ? one.p(99) : at32.p(99);
            double worstP99 = levels.stream().mapToDouble(m -> (Double) m.get("p99_ms")).max().orElse(Double.NaN);
            double ratio = Report.round(liveMedianMs / p50, 0);
            double ratioP99 = Report.round(liveMedianMs / worstP99, 0);
            Report.say("live floor trace median %,.0f ms (sequential SSH to %d switches, %d ms per command);"
                    + " indexed trace p50 %.2f ms, p99 %.2f ms (1 client)", liveMedianMs, floor.size(), latencyMs, p50, p99);
            Report.say("ratio live / indexed: %,.0fx at p50 (1 client), %,.0fx against the worst p99 of any level"
                    + " (target >= %.0fx: %s)", ratio, ratioP99, TARGET_RATIO, ratioP99 >= TARGET_RATIO ? "met" : "MISSED");
            Report.say("p99 target <= %.0f ms at 5 M MACs: worst p99 here %.2f ms at %,d MACs: %s", TARGET_P99_MS,
                    worstP99, macs, worstP99 <= TARGET_P99_MS ? "met" : "MISSED by " + Report.round(worstP99 / TARGET_P99_MS, 2) + "x");
            report.put("live_trace_ms_median", liveMedianMs)
                    .put("live_trace_ms_all", live.stream().map(n -> Report.round(n / 1e6, 0)).toList())
                    .put("live_trace_sequential", true).put("p50_ms_1_client", p50).put("p99_ms_1_client", p99)
                    .put("worst_p99_ms", worstP99).put("ratio_live_to_p50", ratio).put("ratio_live_to_worst_p99", ratioP99)
                    .put("target_p99_ms", TARGET_P99_MS).put("target_ratio", TARGET_RATIO)
                    .put("p99_target_met", worstP99 <= TARGET_P99_MS).put("ratio_target_met", ratioP99 >= TARGET_RATIO)
                    .put("load_end", Report.loadLine());
            if (!opts.getBool("keep", false)) {
                Env.deleteIndices(pt.elastic());
            }
        }
        report.finish();
    }
}
