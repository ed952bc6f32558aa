package porttracer.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Load levels measured so that one run's JIT state does not decide a verdict: a warm-up that lasts until
 * throughput is steady (two consecutive slices within {@value #STEADY_PCT}%), then each level run
 * {@code runs} times and reported as the median run with the spread (min and max) of every figure.
 */
final class SteadyLoad {

    static final double STEADY_PCT = 5;
    private static final int SLICE_S = 3;
    private static final int MAX_WARMUP_S = 90;

    private SteadyLoad() {
    }

    /** Warm-up at {@code clients} until steady (or {@value #MAX_WARMUP_S} s); returns the seconds it took. */
    static double warmUp(String base, HttpLoad.MacPicker picker, int clients, String auth) throws Exception {
        long t0 = System.nanoTime();
        double last = -1;
        while ((System.nanoTime() - t0) / 1e9 < MAX_WARMUP_S) {
            double now = HttpLoad.run(base, picker, clients, SLICE_S, auth).throughput();
            if (last > 0 && Math.abs(now - last) <= last * STEADY_PCT / 100) {
                break;
            }
            last = now;
        }
        return Report.round((System.nanoTime() - t0) / 1e9, 1);
    }

    /** Several runs of one level. */
    record Level(int clients, List<HttpLoad.Result> runs) {

        /** The run of median throughput: the one whose figures are reported first. */
        HttpLoad.Result median() {
            List<HttpLoad.Result> byThroughput = new ArrayList<>(runs);
            byThroughput.sort((a, b) -> Double.compare(a.throughput(), b.throughput()));
            return byThroughput.get(byThroughput.size() / 2);
        }

        double medianOf(java.util.function.ToDoubleFunction<HttpLoad.Result> f) {
            double[] v = runs.stream().mapToDouble(f).sorted().toArray();
            return v[v.length / 2];
        }

        Map<String, Object> figures() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("clients", clients);
            m.put("runs", runs.size());
            m.put("requests", runs.stream().mapToLong(HttpLoad.Result::count).sum());
            m.put("errors", runs.stream().mapToLong(HttpLoad.Result::errors).sum());
            put(m, "throughput_per_s", HttpLoad.Result::throughput, 0);
            put(m, "p50_ms", r -> r.p(50), 3);
            put(m, "p99_ms", r -> r.p(99), 3);
            put(m, "p999_ms", r -> r.p(99.9), 3);
            return m;
        }

        private void put(Map<String, Object> m, String key, java.util.function.ToDoubleFunction<HttpLoad.Result> f,
                         int digits) {
            double[] v = runs.stream().mapToDouble(f).sorted().toArray();
            m.put(key, Report.round(v[v.length / 2], digits));
            m.put(key + "_min", Report.round(v[0], digits));
            m.put(key + "_max", Report.round(v[v.length - 1], digits));
        }
    }

    static Level level(String base, HttpLoad.MacPicker picker, int clients, int seconds, String auth, int runs)
            throws Exception {
        List<HttpLoad.Result> results = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            results.add(HttpLoad.run(base, picker, clients, seconds, auth));
        }
        return new Level(clients, results);
    }
}
