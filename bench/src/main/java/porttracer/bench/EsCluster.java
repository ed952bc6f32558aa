package porttracer.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * An Elasticsearch cluster of several processes on loopback, from the distribution scripts/services.sh installs
 * (run as its unprivileged user when this runs as root), each with its own data folder and heap; nodes can be
 * killed (SIGKILL, as a crash) and started again on the same data.
 */
final class EsCluster implements AutoCloseable {

    record Node(String name, int http, int transport, Path dir) {
        String url() {
            return "http://127.0.0.1:" + http;
        }
    }

    private final Path home;
    private final Path root;
    private final int heapMb;
    private final List<Node> nodes = new ArrayList<>();

    private EsCluster(Path home, Path root, int heapMb) {
        this.home = home;
        this.root = root;
        this.heapMb = heapMb;
    }

    static EsCluster start(int count, int baseHttp, int heapMb, String clusterName) throws Exception {
        Path home = Path.of(sh(List.of("bash", "scripts/services.sh", "es-install")).strip().lines().reduce((a, b) -> b).orElseThrow());
        Path root = Path.of(".local", "escluster-" + baseHttp).toAbsolutePath();
        Env.deleteTree(root);
        EsCluster c = new EsCluster(home, root, heapMb);
        String seeds = Stream.iterate(0, i -> i + 1).limit(count).map(i -> "127.0.0.1:" + (baseHttp + 100 + i))
                .collect(Collectors.joining(","));
        String masters = Stream.iterate(1, i -> i + 1).limit(count).map(i -> "n" + i).collect(Collectors.joining(","));
        for (int i = 0; i < count; i++) {
            Node n = new Node("n" + (i + 1), baseHttp + i, baseHttp + 100 + i, root.resolve("n" + (i + 1)));
            Files.createDirectories(n.dir().resolve("data"));
            Files.createDirectories(n.dir().resolve("logs"));
            Files.writeString(n.dir().resolve("args"), String.join("\n", List.of("-E", "cluster.name=" + clusterName,
                    "-E", "node.name=" + n.name(), "-E", "network.host=127.0.0.1", "-E", "http.port=" + n.http(),
                    "-E", "transport.port=" + n.transport(), "-E", "discovery.seed_hosts=" + seeds,
                    "-E", "cluster.initial_master_nodes=" + masters, "-E", "xpack.security.enabled=false",
                    "-E", "path.data=" + n.dir().resolve("data"), "-E", "path.logs=" + n.dir().resolve("logs"),
                    "-E", "cluster.routing.allocation.disk.threshold_enabled=false")));
            c.nodes.add(n);
        }
        if (isRoot()) {
            sh(List.of("chown", "-R", esUser(), root.toString()));
        }
        // Every node must find the others to elect a master: start them at once.
        ExecutorService pool = Executors.newFixedThreadPool(count);
        List<Future<?>> starts = new ArrayList<>();
        for (Node n : c.nodes) {
            starts.add(pool.submit(() -> {
                c.startNode(n);
                return null;
            }));
        }
        for (Future<?> f : starts) {
            f.get();
        }
        pool.shutdown();
        return c;
    }

    List<Node> nodes() {
        return nodes;
    }

    /** The node URLs, comma-separated, as PORTTRACER_ES_URL takes them. */
    String urls() {
        return nodes.stream().map(Node::url).collect(Collectors.joining(","));
    }

    /** Starts (or restarts) one node on its data folder and waits until its HTTP port answers. */
    void startNode(Node n) throws Exception {
        List<String> cmd = new ArrayList<>();
        if (isRoot()) {
            cmd.addAll(List.of("runuser", "-u", esUser(), "--"));
        }
        cmd.addAll(List.of("env", "ES_JAVA_HOME=" + System.getProperty("java.home"),
                "ES_JAVA_OPTS=-Xms" + heapMb + "m -Xmx" + heapMb + "m", home.resolve("bin/elasticsearch").toString(),
                "-d", "-p", n.dir().resolve("es.pid").toString()));
        cmd.addAll(Files.readAllLines(n.dir().resolve("args")));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(n.dir().resolve("startup.out").toFile())).start();
        if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IOException("Elasticsearch node " + n.name() + " did not start; see " + n.dir().resolve("startup.out"));
        }
    }

    /** SIGKILL, as a crash or a pulled plug: no shard is handed over first. */
    void kill(Node n) throws Exception {
        long pid = Long.parseLong(Files.readString(n.dir().resolve("es.pid")).strip());
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        for (int i = 0; i < 300 && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false); i++) {
            Thread.sleep(100);
        }
    }

    Node byName(String name) {
        return nodes.stream().filter(n -> n.name().equals(name)).findFirst().orElseThrow();
    }

    /** Asks the first node that answers. */
    JsonNode get(String path) throws Exception {
        Exception last = null;
        for (Node n : nodes) {
            try {
                return EsStats.get(n.url(), path);
            } catch (Exception e) {
                last = e;
            }
        }
        throw last;
    }

    String master() throws Exception {
        return get("/_cat/master?format=json").path(0).path("node").asText();
    }

    /** The cluster's health status ("green", "yellow", "red"), or "unreachable". */
    String status() {
        try {
            return get("/_cluster/health?timeout=2s").path("status").asText("unreachable");
        } catch (Exception e) {
            return "unreachable";
        }
    }

    /** Seconds until the cluster reports {@code status} (at most {@code maxSeconds}); -1 if it did not. */
    double awaitStatus(String status, int maxSeconds) throws Exception {
        long t0 = System.nanoTime();
        while ((System.nanoTime() - t0) / 1e9 < maxSeconds) {
            if (status().equals(status)) {
                return Report.round((System.nanoTime() - t0) / 1e9, 1);
            }
            Thread.sleep(500);
        }
        return -1;
    }

    @Override
    public void close() {
        for (Node n : nodes) {
            try {
                long pid = Long.parseLong(Files.readString(n.dir().resolve("es.pid")).strip());
                ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
                for (int i = 0; i < 300 && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false); i++) {
                    Thread.sleep(100);
                }
                ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
            } catch (Exception e) {
                System.err.println("could not stop Elasticsearch node " + n.name() + ": " + e);
            }
        }
        try {
            Env.deleteTree(root);
        } catch (IOException e) {
            System.err.println("could not delete " + root + ": " + e);
        }
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static String esUser() {
        return System.getenv().getOrDefault("PORTTRACER_ES_USER", "porttracer-es");
    }

    private static String sh(List<String> cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException(String.join(" ", cmd) + " failed");
        }
        return out;
    }

}
