package porttracer.app;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Another Elasticsearch version than the shared one, started by scripts/services.sh (which fetches it from Maven
 * Central's integ-test-zip) on free loopback ports with a JDK of its own, and stopped and removed by {@link #close}.
 */
final class LocalElasticsearch implements AutoCloseable {

    private final String version;
    private final int port;
    private final Path javaHome;
    private final Path data;

    private LocalElasticsearch(String version, int port, Path javaHome) {
        this.version = version;
        this.port = port;
        this.javaHome = javaHome;
        this.data = Repo.root().resolve(".local/es-data-" + version + "-" + port);
    }

    /** Starts {@code version} on a free port with {@code javaHome}; waits until the cluster is up. */
    static LocalElasticsearch start(String version, Path javaHome) throws IOException, InterruptedException {
        LocalElasticsearch es = new LocalElasticsearch(version, freePortPair(), javaHome);
        try {
            es.services("es-up", 20);
        } catch (IOException | RuntimeException | InterruptedException e) {
            es.close();
            throw e;
        }
        return es;
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    int port() {
        return port;
    }

    /** The newest JDK of at least {@code major} under /usr/lib/jvm (from each one's {@code release} file). */
    static Optional<Path> jdk(int major) throws IOException {
        Path jvm = Path.of("/usr/lib/jvm");
        if (!Files.isDirectory(jvm)) {
            return Optional.empty();
        }
        try (Stream<Path> dirs = Files.list(jvm)) {
            return dirs.filter(d -> Files.isExecutable(d.resolve("bin/java")) && javaMajor(d) >= major)
                    .max(Comparator.comparingInt(LocalElasticsearch::javaMajor));
        }
    }

    private static int javaMajor(Path home) {
        try {
            for (String line : Files.readAllLines(home.resolve("release"))) {
                if (line.startsWith("JAVA_VERSION=")) {
                    String v = line.substring("JAVA_VERSION=".length()).replace("\"", "");
                    String major = v.startsWith("1.") ? v.substring(2) : v;
                    return Integer.parseInt(major.split("[.+-]")[0]);
                }
            }
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
        return 0;
    }

    /** scripts/services.sh binds HTTP on the port and transport on the port + 100: both must be free. */
    private static int freePortPair() throws IOException {
        InetAddress lo = InetAddress.getLoopbackAddress();
        for (int attempt = 0; attempt < 100; attempt++) {
            try (ServerSocket http = new ServerSocket(0, 1, lo)) {
                int p = http.getLocalPort();
                if (p + 100 > 65_535) {
                    continue;
                }
                try (ServerSocket transport = new ServerSocket(p + 100, 1, lo)) {
                    return p;
                } catch (IOException taken) {
                    // try another pair
                }
            }
        }
        throw new IOException("no free pair of loopback ports (p, p + 100) in 100 attempts");
    }

    private void services(String command, int minutes) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("bash", Repo.root().resolve("scripts/services.sh").toString(), command)
                .redirectErrorStream(true);
        pb.environment().put("PORTTRACER_ES_VERSION", version);
        pb.environment().put("PORTTRACER_ES_PORT", Integer.toString(port));
        pb.environment().put("PORTTRACER_ES_JAVA_HOME", javaHome.toString());
        pb.environment().put("PORTTRACER_ES_HEAP", "512m");
        // A loaded 2-core machine can take minutes to start a cluster.
        pb.environment().put("PORTTRACER_ES_START_SECONDS", "480");
        pb.environment().put("PORTTRACER_ES_DATA", data.toString());
        Path log = Files.createTempFile("services-" + command, ".log");
        pb.redirectOutput(log.toFile());
        Process p = pb.start();
        if (!p.waitFor(minutes, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IOException("scripts/services.sh " + command + " (Elasticsearch " + version + " on :" + port
                    + ") did not finish within " + minutes + " min: " + Files.readString(log));
        }
        String out = Files.readString(log);
        Files.deleteIfExists(log);
        System.out.print(out);
        if (p.exitValue() != 0) {
            throw new IOException("scripts/services.sh " + command + " (Elasticsearch " + version + " on :" + port
                    + ") exited " + p.exitValue() + ": " + out);
        }
    }

    @Override
    public void close() {
        try {
            services("es-down", 2);
        } catch (IOException | InterruptedException e) {
            System.err.println("stopping Elasticsearch " + version + " on :" + port + ": " + e);
        }
        if (!Files.exists(data)) {
            return;
        }
        try (Stream<Path> files = Files.walk(data)) {
            for (Path f : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(f);
            }
        } catch (IOException e) {
            System.err.println("removing " + data + ": " + e);
        }
    }

    @Override
    public String toString() {
        return "Elasticsearch " + version + " at " + url() + " on " + javaHome;
    }
}
