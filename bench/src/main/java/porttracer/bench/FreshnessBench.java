package porttracer.bench;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import porttracer.app.PortTracer;
import porttracer.domain.MacAddress;
import porttracer.domain.Platform;
import porttracer.events.EventListeners;
import porttracer.search.Role;
import porttracer.search.Users;
import porttracer.sim.Fleet;
import porttracer.sim.FleetSpec;
import porttracer.sim.SimSwitch;
import porttracer.sim.SimulatorOptions;
import porttracer.sim.SimulatorServer;
import porttracer.sim.SwitchEvents;
import porttracer.store.PollStatusStore;

/**
 * Plug-to-trace time: hosts plugged into random edge ports of a simulated fleet at random times, and the
 * time until the API first answers the new edge location. In the same run, half the access switches
 * report plugs (SNMP trap or syslog, as a Dell switch would) and the other half stay silent, so that
 * event-driven polls and the interval's scheduled polls are measured side by side on one collector.
 */
final class FreshnessBench {

    private FreshnessBench() {
    }

    /** One plugged host: when, where, and whether its switch reported it. */
    private record Plug(MacAddress mac, String switchName, String port, boolean events, long pluggedNanos) {
    }

    static void run(Opts opts) throws Exception {
        int sites = opts.getInt("sites", 3);
        Opts.Timing timing = opts.timing();
        int plugs = opts.getInt("plugs", 40);
        int window = opts.getInt("window", 240);
        // Unset: the shipped default, so that the bench measures what users run.
        String debounceOpt = opts.get("debounce", null);
        long seed = opts.getInt("seed", 16);
        // Each site: 2 floors of 5 access switches (OS6 and OS10 mixed) and an OS9 distribution switch.
        FleetSpec spec = new FleetSpec(seed, sites, 2, 5, 4, List.of(Platform.OS6, Platform.OS10, Platform.OS9), Platform.OS9);
        Fleet fleet = Fleet.generate(spec);
        Report report = new Report("freshness");
        report.put("switches", fleet.switches().size()).put("latency_ms", timing.latencyMs()).put("interval_s", timing.interval())
                .put("plugs", plugs).put("window_s", window);
        String sources;
        try (SwitchEvents names = new SwitchEvents(fleet, null, SwitchEvents.TrapVersion.V2C, "public", null,
                SwitchEvents.SyslogTransport.UDP)) {
            sources = names.sourcesSetting();
        }
        Map<String, String> overrides = new java.util.HashMap<>(Map.of("poll.interval", Integer.toString(timing.interval()),
                "trap.listen", "127.0.0.1:0", "syslog.listen", "127.0.0.1:0", "events.sources", sources));
        if (debounceOpt != null) {
            overrides.put("events.debounce-seconds", debounceOpt);
        }
        var settings = Env.settings(overrides);
        report.put("debounce_s", settings.getInt("events.debounce-seconds")).put("load", Report.loadLine());
        Env.resetDatabase(settings);
        try (SimulatorServer sim = SimulatorServer.start(fleet,
                SimulatorOptions.defaults().withCommandLatency(Duration.ofMillis(timing.latencyMs())));
             PortTracer pt = new PortTracer(settings)) {
            int cred = pt.inventory().credential("simulator", "admin", "admin");
            for (SimSwitch sw : fleet.switches()) {
                Env.register(pt.inventory(), cred, sw, sw.name(), "site" + sw.site(), sim.host(), sim.port(sw.name()));
            }
            new Users(pt.db().dataSource()).put("bench", "bench-freshness", Role.NETADMIN);
            long t0 = System.nanoTime();
            pt.startCollector();
            int api = pt.startApi("127.0.0.1", 0).port();
            pt.collector().pollAllNow();
            awaitFirstCycle(pt, fleet.switches().size());
            Report.say("freshness: %d switches, first cycle in %.1f s; plugging %d hosts over %d s (interval %d s, "
                    + "latency %d ms)", fleet.switches().size(), (System.nanoTime() - t0) / 1e9, plugs, window, timing.interval(), timing.latencyMs());
            EventListeners ev = pt.events();
            InetSocketAddress trapTo = new InetSocketAddress("127.0.0.1", ev.trapPort().orElseThrow());
            InetSocketAddress syslogTo = new InetSocketAddress("127.0.0.1", ev.syslogUdpPort().orElseThrow());
            List<SimSwitch> access = fleet.switches().stream().filter(s -> s.role() == porttracer.sim.Role.ACCESS).toList();
            Random random = new Random(seed);
            Map<Plug, Long> traced = new ConcurrentHashMap<>();
            List<Plug> all = new ArrayList<>();
            try (SwitchEvents byTrap = new SwitchEvents(fleet, trapTo, SwitchEvents.TrapVersion.V2C, "public", null,
                    SwitchEvents.SyslogTransport.UDP);
                 SwitchEvents bySyslog = new SwitchEvents(fleet, null, SwitchEvents.TrapVersion.V2C, "public", syslogTo,
                         SwitchEvents.SyslogTransport.UDP)) {
                long[] at = new long[plugs];
                for (int i = 0; i < plugs; i++) {
                    at[i] = (long) (random.nextDouble() * window * 1e9);
                }
                java.util.Arrays.sort(at);
                Set<String> used = new HashSet<>();
                long start = System.nanoTime();
                Thread prober = new Thread(() -> probe(api, all, traced), "freshness-prober");
                prober.setDaemon(true);
                prober.start();
                for (int i = 0; i < plugs; i++) {
                    long wait = start + at[i] - System.nanoTime();
                    if (wait > 0) {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    }
                    // Even access switches report their link changes; odd ones are silent.
                    int k;
                    SimSwitch sw;
                    String port;
                    do {
                        k = random.nextInt(access.size());
                        sw = access.get(k);
                        port = sw.edgePorts().get(random.nextInt(sw.edgePorts().size()));
                    } while (!used.add(sw.name() + " " + port) || occupied(fleet, sw.name(), port));
                    boolean events = k % 2 == 0;
                    MacAddress mac = MacAddress.parse(String.format("02:16:%02x:00:%02x:%02x", seed & 0xff, i >> 8, i & 0xff));
                    int vlan = sw.accessVlan(port);
                    Plug plug = new Plug(mac, sw.name(), port, events, System.nanoTime());
                    if (!events) {
                        fleet.addHost(mac, vlan, sw.name(), port);
                    } else if (i % 2 == 0) {
                        byTrap.plug(mac, vlan, sw.name(), port);
                    } else {
                        bySyslog.plug(mac, vlan, sw.name(), port);
                    }
                    synchronized (all) {
                        all.add(plug);
                    }
                }
                // The last silent plug may wait a whole timing.interval(), plus a poll.
                long deadline = System.nanoTime() + (timing.interval() + 60L) * 1_000_000_000L;
                while (traced.size() < plugs && System.nanoTime() < deadline) {
                    Thread.sleep(500);
                }
                prober.interrupt();
            }
            List<Double> eventsS = new ArrayList<>();
            List<Double> intervalS = new ArrayList<>();
            int missing = 0;
            for (Plug p : all) {
                Long t = traced.get(p);
                if (t == null) {
                    missing++;
                    continue;
                }
                (p.events() ? eventsS : intervalS).add((t - p.pluggedNanos()) / 1e9);
            }
            eventsS.sort(null);
            intervalS.sort(null);
            report.put("plugs_events", eventsS.size()).put("plugs_interval", intervalS.size()).put("never_traced", missing)
                    .put("plug_to_trace_max_s_events", max(eventsS)).put("plug_to_trace_max_s_interval", max(intervalS))
                    .put("traps_accepted", ev.metrics().count("trap", porttracer.events.EventMetrics.Result.ACCEPTED))
                    .put("syslog_accepted", ev.metrics().count("syslog", porttracer.events.EventMetrics.Result.ACCEPTED))
                    .put("event_polls_scheduled", ev.metrics().polls("scheduled"))
                    .put("event_polls_debounced", ev.metrics().polls("debounced"))
                    .put("load_end", Report.loadLine())
                    .put("plug_to_trace_p50_s_events", pct(eventsS, 50)).put("plug_to_trace_p99_s_events", pct(eventsS, 99))
                    .put("plug_to_trace_p50_s_interval", pct(intervalS, 50))
                    .put("plug_to_trace_p99_s_interval", pct(intervalS, 99));
            Report.say("  events:   %d plugs, p50 %.1f s, p99 %.1f s (goal p99 <= 15 s)", eventsS.size(), pct(eventsS, 50), pct(eventsS, 99));
            Report.say("  interval: %d plugs, p50 %.1f s, p99 %.1f s (about half the %d s interval expected)",
                    intervalS.size(), pct(intervalS, 50), pct(intervalS, 99), timing.interval());
            Env.deleteIndices(pt.elastic());
        }
        report.finish();
    }

    private static boolean occupied(Fleet fleet, String sw, String port) {
        return fleet.hosts().stream().anyMatch(h -> h.switchName().equals(sw) && h.port().equals(port));
    }

    private static void awaitFirstCycle(PortTracer pt, int switches) throws InterruptedException {
        PollStatusStore status = new PollStatusStore(pt.db().dataSource());
        long deadline = System.nanoTime() + 600_000_000_000L;
        while (status.all().size() < switches) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the first poll cycle did not finish within 10 minutes");
            }
            Thread.sleep(500);
        }
    }

    /** Asks the API for every plugged, not yet traced host every 250 ms, as a user retrying would. */
    private static void probe(int api, List<Plug> all, Map<Plug, Long> traced) {
        HttpClient http = HttpClient.newHttpClient();
        ObjectMapper json = new ObjectMapper();
        String auth = porttracer.config.HttpBasic.header("bench", "bench-freshness");
        while (!Thread.currentThread().isInterrupted()) {
            List<Plug> pending;
            synchronized (all) {
                pending = all.stream().filter(p -> !traced.containsKey(p)).toList();
            }
            for (Plug p : pending) {
                try {
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api
                            + "/api/v1/trace?mac=" + p.mac())).header("Authorization", auth).build(),
                            HttpResponse.BodyHandlers.ofString());
                    long now = System.nanoTime();
                    if (r.statusCode() == 200) {
                        JsonNode loc = json.readTree(r.body()).path("locations").path(0);
                        if (loc.path("edge").asBoolean() && loc.path("switch").path("name").asText().equals(p.switchName())
                                && loc.path("port").asText().equals(p.port())) {
                            traced.put(p, now);
                        }
                    }
                } catch (InterruptedException e) {
                    return;
                } catch (Exception e) {
                    // Not answerable yet: asked again next round.
                }
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static double pct(List<Double> sorted, double p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return Report.round(sorted.get(Math.max(0, Math.min(sorted.size() - 1, i))), 2);
    }

    private static double max(List<Double> sorted) {
        return sorted.isEmpty() ? Double.NaN : Report.round(sorted.get(sorted.size() - 1), 2);
    }
}
