package porttracer.config;

import java.nio.file.Path;

/**
 * What is this node's own: its id in the cluster (empty: host name and a random suffix), its state directory
 * (credential key by default), the spool where results wait for Elasticsearch and how many may wait, the
 * IEEE registry's folder, and the collector-only metrics port (0: off).
 */
public record NodeConfig(String id, Path stateDir, Path spoolDir, int spoolMaxEntries, Path ouiDir, int metricsPort) {

    public static NodeConfig from(Settings s) {
        String state = s.text("state.dir");
        if (state.isEmpty()) {
            throw new StartupException("PORTTRACER_STATE_DIR is empty: set the node's state directory");
        }
        return new NodeConfig(s.text("node.id"), Path.of(state), Path.of(s.text("spool.dir")),
                s.intAtLeast("spool.max-entries", 1), Path.of(s.text("oui.dir")), s.intAtLeast("metrics.port", 0));
    }
}
