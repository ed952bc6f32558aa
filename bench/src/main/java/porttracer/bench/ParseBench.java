package porttracer.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import porttracer.domain.MacEntry;
import porttracer.domain.Platform;
import porttracer.parse.ParseResult;
import porttracer.parse.Parsers;

/**
 * MAC-table lines parsed per second on one core, per platform: JMH throughput (one thread, wall clock)
 * and, in this process, lines per second of the parsing thread's own CPU time, which other processes'
 * load on the machine does not distort.
 */
final class ParseBench {

    static final double TARGET = 1_000_000;

    private ParseBench() {
    }

    static void run(Opts opts) throws Exception {
        int lines = opts.getInt("lines", 200_000);
        List<String> platforms = List.of(opts.get("platforms", "os10,os9,os6,powerconnect").split(","));
        Report report = new Report("parse");
        report.put("lines_per_capture", lines).put("load", Report.loadLine());
        Report.say("parse: MAC-table captures of %,d rows scaled from %s", lines, Captures.fixtures().toAbsolutePath().normalize());
        Map<String, Map<String, Object>> per = new LinkedHashMap<>();

        // 1. CPU-time measurement in this process (warm-up, then timed rounds on this thread).
        ThreadMXBean tmx = ManagementFactory.getThreadMXBean();
        long cpuMillis = opts.getLong("cpu-ms", 3_000);
        for (String id : platforms) {
            Platform p = Platform.of(id);
            String capture = Captures.scaled(p, lines);
            ParseResult<MacEntry> check = Parsers.macTable(capture);
            if (check.rows().size() != lines) {
                throw new IllegalStateException(id + ": parsed " + check.rows().size() + " of " + lines + " rows");
            }
            long warmEnd = System.nanoTime() + 2_000_000_000L;
            while (System.nanoTime() < warmEnd) {
                Parsers.macTable(capture);
            }
            long c0 = tmx.getCurrentThreadCpuTime();
            long w0 = System.nanoTime();
            long parsed = 0;
            while (tmx.getCurrentThreadCpuTime() - c0 < cpuMillis * 1_000_000L) {
                parsed += Parsers.macTable(capture).rows().size();
            }
            double cpuS = (tmx.getCurrentThreadCpuTime() - c0) / 1e9;
            double wallS = (System.nanoTime() - w0) / 1e9;
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("platform", id);
            m.put("fixture", Captures.fixture(p).getFileName().toString());
            m.put("bytes_per_line", Report.round(capture.length() / (double) lines, 1));
            m.put("lines_per_cpu_second", Math.round(parsed / cpuS));
            m.put("lines_per_wall_second_inprocess", Math.round(parsed / wallS));
            per.put(id, m);
            Report.say("  %-12s %,12d lines/s of thread CPU time  (%,d lines/s wall clock, cpu/wall %.2f)", id,
                    Math.round(parsed / cpuS), Math.round(parsed / wallS), cpuS / wallS);
        }

        // 2. JMH (forked JVM, one thread): the wall-clock throughput.
        if (opts.getBool("jmh", true)) {
            ChainedOptionsBuilder b = new OptionsBuilder().include(ParseJmh.class.getName() + ".macTable")
                    .param("platform", platforms.toArray(String[]::new)).param("lines", Integer.toString(lines))
                    .forks(opts.getInt("forks", 1)).threads(1)
                    .warmupIterations(opts.getInt("warmup", 3)).warmupTime(TimeValue.seconds(opts.getInt("warmup-s", 2)))
                    .measurementIterations(opts.getInt("iterations", 5))
                    .measurementTime(TimeValue.seconds(opts.getInt("measure-s", 2)))
                    .jvmArgsAppend("-Xmx1g", "-Dporttracer.fixtures=" + Captures.fixtures().toAbsolutePath())
                    .shouldDoGC(true);
            Collection<RunResult> results = new Runner(b.build()).run();
            Report.say("JMH (1 thread, ops = one capture of %,d rows):", lines);
            for (RunResult r : results) {
                String id = r.getParams().getParam("platform");
                double ops = r.getPrimaryResult().getScore();
                double err = r.getPrimaryResult().getScoreError();
                Map<String, Object> m = per.get(id);
                m.put("lines_per_second", Math.round(ops * lines));
                m.put("lines_per_second_error", Double.isNaN(err) ? null : Math.round(err * lines));
                Report.say("  %-12s %,12d lines/s  (± %,d, 99.9%% CI)", id, Math.round(ops * lines),
                        Double.isNaN(err) ? 0 : Math.round(err * lines));
            }
        }
        List<Object> list = new ArrayList<>(per.values());
        long worst = Long.MAX_VALUE;
        for (Map<String, Object> m : per.values()) {
            Object v = m.getOrDefault("lines_per_second", m.get("lines_per_cpu_second"));
            worst = Math.min(worst, ((Number) v).longValue());
            m.put("target_lines_per_second", (long) TARGET);
            m.put("met", ((Number) v).longValue() >= TARGET);
        }
        report.put("platforms", list).put("worst_lines_per_second", worst).put("target_met", worst >= TARGET);
        Report.say("worst platform: %,d lines/s/core vs target %,d: %s", worst, (long) TARGET,
                worst >= TARGET ? "met" : "MISSED by " + Report.round(TARGET / worst, 2) + "x");
        report.put("load_end", Report.loadLine());
        report.finish();
    }
}
