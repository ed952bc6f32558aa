package porttracer.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import porttracer.domain.MacAddress;

/** Closed-loop HTTP clients, each on its own keep-alive connection (java.net.http, HTTP/1.1). */
final class HttpLoad {

    /** Which MAC the next request asks for. */
    interface MacPicker {
        long pick(SplittableRandom rnd);
    }

    record Result(long[] sortedNanos, long errors, double seconds) {
        long count() {
            return sortedNanos.length;
        }

        double throughput() {
            return sortedNanos.length / seconds;
        }

        double p(double pct) {
            return Report.pctMs(sortedNanos, pct);
        }

        /** The figures every level reports, in the order the JSON line shows them. */
        Map<String, Object> figures(int clients) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("clients", clients);
            m.put("requests", count());
            m.put("throughput_per_s", Math.round(throughput()));
            m.put("p50_ms", p(50));
            m.put("p99_ms", p(99));
            m.put("p999_ms", p(99.9));
            return m;
        }
    }

    static Result run(String base, MacPicker picker, int clients, int seconds) throws Exception {
        return run(base, picker, clients, seconds,
                porttracer.config.HttpBasic.header("netadmin", "netadmin"));
    }

    static Result run(String base, MacPicker picker, int clients, int seconds, String auth) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        AtomicLong errors = new AtomicLong();
        List<Future<long[]>> futures = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            int seed = c;
            futures.add(pool.submit(() -> {
                HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(5)).build();
                SplittableRandom rnd = new SplittableRandom(1000 + seed);
                long[] lat = new long[1 << 16];
                int n = 0;
                while (System.nanoTime() < end) {
                    MacAddress mac = MacAddress.of(picker.pick(rnd));
                    HttpRequest.Builder rb = HttpRequest.newBuilder(URI.create(base + mac.bare()))
                            .timeout(Duration.ofSeconds(30)).GET();
                    if (auth != null) {
                        rb.header("Authorization", auth);
                    }
                    HttpRequest req = rb.build();
                    long s = System.nanoTime();
                    HttpResponse<byte[]> resp = http.send(req, HttpResponse.BodyHandlers.ofByteArray());
                    long d = System.nanoTime() - s;
                    if (resp.statusCode() != 200) {
                        errors.incrementAndGet();
                        continue;
                    }
                    if (n == lat.length) {
                        lat = java.util.Arrays.copyOf(lat, n * 2);
                    }
                    lat[n++] = d;
                }
                return java.util.Arrays.copyOf(lat, n);
            }));
        }
        List<long[]> parts = new ArrayList<>();
        int total = 0;
        for (Future<long[]> f : futures) {
            long[] a = f.get();
            parts.add(a);
            total += a.length;
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        pool.shutdown();
        long[] all = new long[total];
        int at = 0;
        for (long[] a : parts) {
            System.arraycopy(a, 0, all, at, a.length);
            at += a.length;
        }
        java.util.Arrays.sort(all);
        return new Result(all, errors.get(), secs);
    }
}
