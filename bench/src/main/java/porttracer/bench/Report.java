package porttracer.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** Summary lines on standard output, then the figures as one JSON object on the last line. */
final class Report {

    private final Map<String, Object> figures = new LinkedHashMap<>();

    Report(String bench) {
        figures.put("bench", bench);
        figures.put("date", Instant.now().toString());
        figures.put("cores", Runtime.getRuntime().availableProcessors());
        figures.put("load_average_start", loadAverage());
    }

    Report put(String key, Object value) {
        figures.put(key, value);
        return this;
    }

    static void say(String format, Object... args) {
        System.out.printf(format + "%n", args);
        System.out.flush();
    }

    static double loadAverage() {
        return round(ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), 2);
    }

    /** Other processes' load, read from /proc/loadavg (1, 5, 15 minutes). */
    static String loadLine() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "?";
        }
    }

    static double round(double v, int digits) {
        double f = Math.pow(10, digits);
        return Math.round(v * f) / f;
    }

    /** Percentile of sorted nanosecond samples, in milliseconds. */
    static double pctMs(long[] sortedNanos, double p) {
        if (sortedNanos.length == 0) {
            return Double.NaN;
        }
        int i = (int) Math.ceil(p / 100.0 * sortedNanos.length) - 1;
        return round(sortedNanos[Math.max(0, Math.min(sortedNanos.length - 1, i))] / 1e6, 3);
    }

    static long[] sorted(long[] a, int n) {
        long[] c = Arrays.copyOf(a, n);
        Arrays.sort(c);
        return c;
    }

    void finish() throws IOException {
        figures.put("load_average_end", loadAverage());
        System.out.flush();
        System.out.println(new ObjectMapper().disable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(figures));
        System.out.flush();
    }
}
