package porttracer.bench;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import porttracer.app.PortTracer;
import porttracer.config.Settings;

/**
 * A second collector node for the two-node poll benchmark: its own JVM (-Xmx512m, as the launcher gives a
 * collector), configured only by the environment, on the same PostgreSQL (Quartz cluster) and Elasticsearch.
 * Prints "started" once its scheduler runs, then polls until killed or its standard input closes.
 */
public final class CollectorNode {

    private CollectorNode() {
    }

    public static void main(String[] args) throws Exception {
        try (PortTracer pt = new PortTracer(Settings.load())) {
            pt.startCollector();
            System.out.println("started");
            System.out.flush();
            while (System.in.read() >= 0) {
                // Runs until the benchmark closes this stream or kills the process.
            }
        }
    }

    /** Starts a node with {@code settings}' values for {@code keys} (in its environment) and node id {@code node}. */
    static Process launch(Settings settings, List<String> keys, String node, File log) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                CollectorNode.class.getName()).redirectError(log);
        Map<String, String> env = pb.environment();
        for (String k : keys) {
            env.put(Settings.envName(k), settings.get(k));
        }
        env.put(Settings.envName("node.id"), node);
        Process p = pb.start();
        BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line = r.readLine();
        if (!"started".equals(line)) {
            p.destroyForcibly();
            throw new IllegalStateException("collector node " + node + " did not start; see " + log);
        }
        return p;
    }
}
