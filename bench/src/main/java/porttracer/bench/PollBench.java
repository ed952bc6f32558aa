package porttracer.bench;

import java.io.File;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.quartz.impl.matchers.GroupMatcher;
import porttracer.app.PortTracer;
import porttracer.config.Settings;
import porttracer.domain.Platform;
import porttracer.sim.Fleet;
import porttracer.sim.FleetSpec;
import porttracer.sim.SimSwitch;
import porttracer.sim.SimulatorOptions;
import porttracer.sim.SimulatorServer;
import porttracer.store.PollStatusStore;
import porttracer.store.SwitchStatus;

/**
 * Poll cycles of a simulated fleet (the simulator in its own processes, SimulatorMain) by the collector in
 * this process (Quartz, SessionPool, Poller, LocationIndex): cycle time against the interval, polls/s,
 * sessions in flight, CPU, heap, and Elasticsearch writes per poll on an unchanged fleet. Then, with a
 * smaller fleet run in this process so that hosts can be churned, writes per poll when 1% of hosts changed.
 */
final class PollBench {

    private PollBench() {
    }

    /** When false, each cycle waits until the pool has closed its idle sessions, as it has between two real polls. */
    private static boolean reuseSessions;
    /** Connections of each of a node's two PostgreSQL pools (0: the settings' own), for a shared server's limit. */
    private static int dbPool;
    /** Where each cycle's JFR recording goes (null: none). */
    private static java.nio.file.Path jfrDir;

    static void run(Opts opts) throws Exception {
        int requested = opts.getInt("switches", 1000);
        int macsPerSwitch = opts.getInt("macs-per-switch", 500);
        Opts.Timing timing = opts.timing();
        int cycles = opts.getInt("cycles", 2);
        int movedSwitches = opts.getInt("moved-switches", 110);
        String mode = opts.get("mode", "burst");
        int nodes = opts.getInt("nodes", 1);
        if (nodes > 2 || nodes == 2 && !mode.equals("scheduled")) {
            throw new IllegalArgumentException("--nodes 2 runs with --mode scheduled; more than two nodes are not built");
        }
        reuseSessions = opts.getBool("reuse-sessions", false);
        dbPool = opts.getInt("db-pool", 0);
        jfrDir = opts.has("jfr") ? java.nio.file.Path.of(opts.get("jfr", ".")) : null;
        PollFleet.Shape shape = PollFleet.Shape.of(requested, macsPerSwitch);
        double needed = shape.commandsPerPoll() * (timing.latencyMs() / 1000.0) * shape.switches() / timing.interval();
        int threads = opts.getInt("threads", Math.max(20, (int) Math.ceil(2 * needed)));
        int processes = opts.getInt("sim-processes", (int) Math.ceil(shape.switches() / (double) PollFleet.SWITCHES_PER_PROCESS));
        Report report = new Report("poll");
        report.put("switches", shape.switches()).put("sites", shape.sites()).put("macs_per_switch",
                        shape.hostsPerAccess() * PollFleet.ACCESS_PER_SITE).put("latency_ms", timing.latencyMs()).put("interval_s", timing.interval())
                .put("commands_per_poll", Report.round(shape.commandsPerPoll(), 2))
                .put("threads_needed", Report.round(needed, 1)).put("poll_threads", threads).put("mode", mode).put("nodes", nodes)
                .put("sim_processes", processes).put("collector_max_heap_mb", Runtime.getRuntime().maxMemory() >> 20)
                .put("load", Report.loadLine());
        Report.say("poll: %,d switches (%d sites x %d), %d MACs each, %d ms per command, interval %d s; "
                        + "threads needed = %.2f commands x %.1f s x %,d / %d s = %.1f -> %d poll threads; collector -Xmx %d MB",
                shape.switches(), shape.sites(), PollFleet.SWITCHES_PER_SITE, shape.hostsPerAccess() * PollFleet.ACCESS_PER_SITE, timing.latencyMs(),
                timing.interval(), shape.commandsPerPoll(), timing.latencyMs() / 1000.0, shape.switches(), timing.interval(), needed, threads,
                Runtime.getRuntime().maxMemory() >> 20);

        if (movedSwitches > 0) {
            report.put("churn", churnVariant(movedSwitches, macsPerSwitch, timing.latencyMs(), timing.interval()));
        }
        report.put("cycles", mainRun(shape, timing.latencyMs(), timing.interval(), threads, processes, cycles, mode, nodes));
        report.put("load_end", Report.loadLine());
        report.finish();
    }

    private static Settings settings(String node, int interval, int threads) {
        Settings s = Env.settings(Map.of("poll.interval", Integer.toString(interval), "poll.threads", Integer.toString(threads),
                "ssh.max-sessions", Integer.toString(threads + 10), "db.pool-size", "20", "node.id", node,
                "ssh.command-timeout", "60"));
        return dbPool > 0 ? s.with("db.pool-size", Integer.toString(dbPool)).with("db.scheduler-pool-size",
                Integer.toString(dbPool)) : s;
    }

    /** The fleet in its own processes; the collector here polls it cycle after cycle. */
    private static List<Map<String, Object>> mainRun(PollFleet.Shape shape, int latencyMs, int interval, int threads,
                                                     int processes, int cycles, String mode, int nodes)
            throws Exception {
        Settings settings = settings("bench-poll", interval, threads);
        Env.resetDatabase(settings);
        Env.emptySpool(settings);
        List<Process> sims = new ArrayList<>();
        List<Map<String, Object>> out = new ArrayList<>();
        Process second = null;
        try {
            long s0 = System.nanoTime();
            List<String[]> endpoints = PollFleet.startSimulators(shape, latencyMs, processes, sims);
            Report.say("  %d simulator process(es) serving %,d switches over SSH in %.1f s", processes, endpoints.size(),
                    (System.nanoTime() - s0) / 1e9);
            try (PortTracer pt = new PortTracer(settings)) {
                Env.resetDatabase(settings);
                Env.deleteIndices(pt.elastic());
                pt.elastic().ensureLayout();
                long r0 = System.nanoTime();
                PollFleet.register(pt, endpoints);
                Report.say("  registered in %.1f s", (System.nanoTime() - r0) / 1e9);
                long q0 = System.nanoTime();
                // Scheduled mode: the phased triggers are placed from this moment on, one per switch per interval.
                Instant windowStart = Instant.now();
                pt.startCollector();
                ScheduleProbe lags = ScheduleProbe.attach(pt.collector());
                if (!mode.equals("scheduled")) {
                    // Cycles are fired by hand (all switches at once); the phased triggers would only add duplicates.
                    pt.collector().scheduler().pauseTriggers(GroupMatcher.triggerGroupEquals(ScheduleProbe.SLOTS));
                }
                Report.say("  collector started, %,d Quartz triggers in %.1f s", shape.switches(), (System.nanoTime() - q0) / 1e9);
                if (nodes == 2) {
                    // The same settings (database, indices, credential key, threads) but its own node id and spool.
                    second = CollectorNode.launch(settings.with("spool.dir", settings.get("spool.dir") + "-2"), List.of("db.url",
                            "es.url", "es.index-prefix", "secret.key", "poll.interval", "poll.threads", "ssh.max-sessions",
                            "db.pool-size", "db.scheduler-pool-size", "ssh.command-timeout", "spool.dir"), "bench-poll-2",
                            new File(".local/state/bench-node-2.log"));
                    Report.say("  second collector node (own JVM, -Xmx512m) started after %.1f s", (System.nanoTime() - q0) / 1e9);
                }
                PollStatusStore status = new PollStatusStore(pt.db().dataSource());
                boolean scheduled = mode.equals("scheduled");
                for (int c = 1; c <= cycles; c++) {
                    Instant since = scheduled ? windowStart.plusSeconds((long) (c - 1) * interval) : Instant.now();
                    Map<String, Object> fig = cycle(pt, status, sims, shape.switches(), since, interval, !scheduled,
                            c == 1 ? "first (index empty)" : "unchanged fleet");
                    fig.put("cycle", c);
                    out.add(fig);
                }
                if (scheduled) {
                    windows(pt, lags, shape.switches(), windowStart, interval, cycles, out);
                }
                if (second != null) {
                    out.add(afterKill(pt, lags, second, shape.switches(), windowStart.plusSeconds((long) cycles * interval),
                            interval));
                }
                if (scheduled) {
                    Map<String, Object> gaps = PollWindows.spacing(pt.settings().get("es.url"), pt.elastic().prefix(), interval);
                    Report.say("  time between two polls of one switch, whole run, every node: %s", gaps);
                    out.add(Map.of("label", "spacing of each switch's polls", "spacing", gaps));
                }
                Env.deleteIndices(pt.elastic());
            }
        } finally {
            if (second != null) {
                second.destroyForcibly();
            }
            for (Process p : sims) {
                p.destroy();
            }
            for (Process p : sims) {
                p.waitFor(10, TimeUnit.SECONDS);
            }
        }
        return out;
    }

    /** One cycle: every switch polled once (fired at once in burst mode), with what it cost. */
    private static Map<String, Object> cycle(PortTracer pt, PollStatusStore status, List<Process> sims, int switches,
                                             Instant since, int interval, boolean burst, String label) throws Exception {
        String esUrl = pt.settings().get("es.url");
        String prefix = pt.elastic().prefix();
        Map<String, Long> es0 = EsStats.indexTotals(esUrl, prefix);
        double polls0 = CollectorProbe.counter(pt.registry(), "porttracer_polls", null, null);
        double ok0 = CollectorProbe.counter(pt.registry(), "porttracer_polls", "outcome", "ok");
        double docs0 = CollectorProbe.counter(pt.registry(), "porttracer_macs_indexed", null, null);
        if (!reuseSessions && burst) {
            // With a 300 s interval and a 60 s idle timeout every real poll opens a new SSH session: do the same.
            long w0 = System.nanoTime();
            while (CollectorProbe.gauge(pt.registry(), "porttracer_ssh_sessions_open") > 0
                    && System.nanoTime() - w0 < 180_000_000_000L) {
                Thread.sleep(1000);
            }
        }
        jdk.jfr.Recording jfr = null;
        if (jfrDir != null) {
            jfr = new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("profile"));
            jfr.start();
        }
        double simCpu0 = simCpu(sims);
        long t0 = System.nanoTime();
        Map<String, Object> fig = new LinkedHashMap<>();
        try (CollectorProbe probe = new CollectorProbe(pt.registry())) {
            if (burst) {
                pt.collector().pollAllNow();
            }
            long firedS = System.nanoTime();
            // Scheduled: a window still unfinished at twice the interval is reported as such, so later windows keep their time.
            Instant deadline = burst ? Instant.now().plus(Duration.ofSeconds(Math.max(3L * interval, 1800)))
                    : since.plusSeconds(2L * interval);
            long done = 0;
            Instant lastStart = since;
            long lastReport = System.nanoTime();
            while (Instant.now().isBefore(deadline)) {
                Map<Integer, SwitchStatus> all = status.all();
                done = all.values().stream().filter(s -> s.lastPollAt() != null && !s.lastPollAt().isBefore(since)).count();
                lastStart = all.values().stream().map(SwitchStatus::lastPollAt).filter(t -> t != null && !t.isBefore(since))
                        .max(Instant::compareTo).orElse(since);
                if (done >= switches) {
                    break;
                }
                if (System.nanoTime() - lastReport > 30_000_000_000L) {
                    lastReport = System.nanoTime();
                    Report.say("    ... %,d of %,d polled after %.0f s, sessions in use %.0f, heap %d MB, load %s", done,
                            switches, (System.nanoTime() - t0) / 1e9, CollectorProbe.gauge(pt.registry(),
                                    "porttracer_ssh_sessions_in_use"), probe.maxHeapUsedMb(), Report.loadLine());
                }
                Thread.sleep(500);
            }
            // Scheduled: until the last switch's poll started (its status is written only when it ends, ~5 s later).
            double secs = burst ? (System.nanoTime() - t0) / 1e9
                    : Duration.between(since, done >= switches ? lastStart : Instant.now()).toMillis() / 1000.0;
            double ended = burst ? secs : Duration.between(since, Instant.now()).toMillis() / 1000.0;
            double cpu = probe.cpuSeconds();
            double wall = probe.wallSeconds();
            if (jfr != null) {
                jfr.stop();
                java.nio.file.Files.createDirectories(jfrDir);
                java.nio.file.Path file = jfrDir.resolve("poll-" + switches + "-" + label.replaceAll("[^a-z0-9]+", "-") + ".jfr");
                jfr.dump(file);
                jfr.close();
                fig.put("jfr", file.toString());
            }
            Thread.sleep(1500); // the last polls' records reach Elasticsearch
            Map<String, Long> es1 = EsStats.indexTotals(esUrl, prefix);
            double polls = CollectorProbe.counter(pt.registry(), "porttracer_polls", null, null) - polls0;
            double ok = CollectorProbe.counter(pt.registry(), "porttracer_polls", "outcome", "ok") - ok0;
            double docs = CollectorProbe.counter(pt.registry(), "porttracer_macs_indexed", null, null) - docs0;
            long current = es1.get("current") - es0.get("current");
            long events = es1.get("events") - es0.get("events");
            long pollDocs = es1.get("polls") - es0.get("polls");
            double simCpu = simCpu(sims) - simCpu0;
            fig.put("label", label);
            fig.put("completed", done >= switches);
            fig.put("switches_polled", done);
            fig.put("cycle_seconds", Report.round(secs, 1));
            fig.put("last_poll_ended_s", Report.round(ended, 1));
            fig.put("fire_seconds", Report.round((firedS - t0) / 1e9, 1));
            fig.put("interval_s", interval);
            fig.put("cycle_to_interval", Report.round(secs / interval, 3));
            fig.put("polls", (long) polls);
            fig.put("polls_ok", (long) ok);
            fig.put("polls_per_second", Report.round(polls / secs, 2));
            fig.put("sessions_in_use_max", (long) probe.maxSessionsInUse());
            fig.put("sessions_in_use_mean", Report.round(probe.meanSessionsInUse(), 1));
            fig.put("collector_cpu_seconds", Report.round(cpu, 1));
            fig.put("collector_cpu_cores", Report.round(cpu / wall, 3));
            fig.put("collector_cpu_ms_per_poll", Report.round(cpu * 1000 / Math.max(1, polls), 1));
            fig.put("simulator_cpu_seconds", Report.round(simCpu, 1));
            fig.put("heap_max_sampled_mb", probe.maxHeapUsedMb());
            fig.put("heap_pools_peak_mb", CollectorProbe.heapPeakMb());
            fig.put("heap_max_mb", Runtime.getRuntime().maxMemory() >> 20);
            fig.put("heap_after_last_gc_mb", CollectorProbe.heapAfterGcMb());
            fig.put("collector_threads", java.lang.management.ManagementFactory.getThreadMXBean().getThreadCount());
            fig.put("es_current_writes", current);
            fig.put("es_event_writes", events);
            fig.put("es_poll_record_writes", pollDocs);
            fig.put("es_current_writes_per_poll", Report.round(current / Math.max(1, polls), 3));
            fig.put("es_writes_per_poll", Report.round((current + events + pollDocs) / Math.max(1, polls), 3));
            fig.put("macs_indexed_counter", (long) docs);
            Report.say("  cycle (%s): %,d/%,d switches in %.1f s (%.2f of the %d s interval), %.1f polls/s, %,d ok; "
                            + "sessions in use max %d mean %.1f; collector CPU %.1f s (%.2f cores, %.1f ms/poll), simulator "
                            + "CPU %.1f s; heap max %d MB (pools peak %d MB of %d, after last GC %d MB); ES writes: %,d MAC docs (%.3f/poll), %,d "
                            + "events, %,d poll records -> %.3f writes/poll", label, done, switches, secs, secs / interval,
                    interval, polls / secs, (long) ok, (long) probe.maxSessionsInUse(), probe.meanSessionsInUse(), cpu,
                    cpu / wall, cpu * 1000 / Math.max(1, polls), simCpu, probe.maxHeapUsedMb(), CollectorProbe.heapPeakMb(),
                    Runtime.getRuntime().maxMemory() >> 20, CollectorProbe.heapAfterGcMb(), current, current / Math.max(1, polls), events, pollDocs,
                    (current + events + pollDocs) / Math.max(1, polls));
        }
        return fig;
    }

    /**
     * Scheduled mode, once the cycles are over: per interval window, from the poll records, how many switches
     * were polled, missed or polled twice, and from Quartz how late the polls started.
     */
    private static void windows(PortTracer pt, ScheduleProbe lags, int switches, Instant start, int interval, int cycles,
                                List<Map<String, Object>> out) throws Exception {
        Thread.sleep(3000); // the last poll records reach Elasticsearch
        pt.elastic().client().indices().refresh(r -> r.index(pt.elastic().prefix() + "-polls*"));
        for (int c = 1; c <= cycles; c++) {
            Instant from = start.plusSeconds((long) (c - 1) * interval);
            Instant to = from.plusSeconds(interval);
            Map<String, Object> w = new LinkedHashMap<>(PollWindows.count(pt.settings().get("es.url"), pt.elastic().prefix(),
                    from, to, switches));
            w.putAll(lags.window(from, to));
            out.get(c - 1).put("window", w);
            Report.say("  window %d [%s, %s): %s", c, from, to, w);
        }
    }

    /**
     * Two nodes: the second is killed (SIGKILL) at {@code at}, and the next interval shows how far the survivor
     * gets alone: switches polled, missed, lag and misfires, and whether its poll threads were all busy.
     */
    private static Map<String, Object> afterKill(PortTracer pt, ScheduleProbe lags, Process second, int switches, Instant at,
                                                 int interval) throws Exception {
        long wait = java.time.Duration.between(Instant.now(), at).toMillis();
        if (wait > 0) {
            Thread.sleep(wait);
        }
        Instant killed = Instant.now();
        second.destroyForcibly();
        Report.say("  second node killed at %s; the survivor alone for one interval", killed);
        Map<String, Object> fig = new LinkedHashMap<>();
        try (CollectorProbe probe = new CollectorProbe(pt.registry())) {
            Thread.sleep(interval * 1000L);
            fig.put("sessions_in_use_max", (long) probe.maxSessionsInUse());
            fig.put("sessions_in_use_mean", Report.round(probe.meanSessionsInUse(), 1));
            fig.put("collector_cpu_cores", Report.round(probe.cpuSeconds() / probe.wallSeconds(), 3));
            fig.put("heap_max_sampled_mb", probe.maxHeapUsedMb());
        }
        Thread.sleep(3000);
        pt.elastic().client().indices().refresh(r -> r.index(pt.elastic().prefix() + "-polls*"));
        Instant end = killed.plusSeconds(interval);
        fig.put("label", "after the second node was killed");
        fig.put("killed_at", killed.toString());
        fig.putAll(PollWindows.count(pt.settings().get("es.url"), pt.elastic().prefix(), killed, end, switches));
        fig.putAll(lags.window(killed, end));
        Report.say("  alone [%s, %s): %s", killed, end, fig);
        return fig;
    }

    private static double simCpu(List<Process> sims) {
        double s = 0;
        for (Process p : sims) {
            s += p.info().totalCpuDuration().map(d -> d.toMillis() / 1000.0).orElse(0.0);
        }
        return s;
    }

    /**
     * The 1% variant: the simulator in this process (it has no control channel), so that
     * {@link Fleet#churn} can replace 1% of the hosts between two cycles.
     */
    private static Map<String, Object> churnVariant(int switches, int macsPerSwitch, int latencyMs, int interval)
            throws Exception {
        PollFleet.Shape shape = PollFleet.Shape.of(switches, macsPerSwitch);
        int threads = Math.max(20, shape.switches() / 3);
        Settings settings = settings("bench-churn", interval, threads);
        Env.resetDatabase(settings);
        Map<String, Object> out = new LinkedHashMap<>();
        FleetSpec spec = new FleetSpec(77, shape.sites(), 1, PollFleet.ACCESS_PER_SITE, shape.hostsPerAccess(),
                List.of(Platform.OS6, Platform.OS10), Platform.OS10);
        Report.say("churn variant: %,d switches in this process (%d ms per command), %d poll threads", shape.switches(),
                latencyMs, threads);
        try (SimulatorServer sim = SimulatorServer.start(Fleet.generate(spec),
                SimulatorOptions.defaults().withCommandLatency(Duration.ofMillis(latencyMs)));
             PortTracer pt = new PortTracer(settings)) {
            Env.resetDatabase(settings);
            Env.deleteIndices(pt.elastic());
            pt.elastic().ensureLayout();
            List<String[]> endpoints = new ArrayList<>();
            for (SimSwitch s : sim.fleet().switches()) {
                endpoints.add(new String[] {"c-" + s.name(), s.platform().id(), sim.host(), Integer.toString(sim.port(s.name())), "c"});
            }
            PollFleet.register(pt, endpoints);
            pt.startCollector();
            pt.collector().scheduler().pauseTriggers(GroupMatcher.triggerGroupEquals(ScheduleProbe.SLOTS));
            PollStatusStore status = new PollStatusStore(pt.db().dataSource());
            List<Process> none = List.of();
            out.put("switches", shape.switches());
            out.put("first", cycle(pt, status, none, shape.switches(), Instant.now(), interval, true, "churn: first"));
            out.put("unchanged", cycle(pt, status, none, shape.switches(), Instant.now(), interval, true, "churn: unchanged"));
            int hosts = sim.fleet().hosts().size();
            sim.fleet().churn(3, 0.01);
            int changed = (int) Math.round(hosts * 0.01);
            Report.say("  churn: %d of %,d hosts removed and %d new ones plugged into random edge ports", changed, hosts,
                    changed);
            Map<String, Object> moved = cycle(pt, status, none, shape.switches(), Instant.now(), interval, true,
                    "churn: 1% of hosts changed");
            moved.put("hosts", hosts);
            moved.put("hosts_removed", changed);
            moved.put("hosts_added", changed);
            out.put("one_percent_changed", moved);
            Env.deleteIndices(pt.elastic());
        }
        return out;
    }
}
