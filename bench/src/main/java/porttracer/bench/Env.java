package porttracer.bench;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import porttracer.config.Settings;
import porttracer.index.Elastic;
import porttracer.sim.SimSwitch;
import porttracer.store.Inventory;

/** The benchmark's own database and index prefix (./porttracer bench sets them), emptied before each run. */
final class Env {

    private Env() {
    }

    static Settings settings(Map<String, String> extra) {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Map<String, String> o = new HashMap<>();
        o.put("db.url", System.getenv().getOrDefault("PORTTRACER_DB_URL",
                "jdbc:postgresql://127.0.0.1:5432/porttracer_bench"));
        o.put("es.index-prefix", System.getenv().getOrDefault("PORTTRACER_ES_INDEX_PREFIX", "porttracer-bench"));
        o.put("secret.key", Base64.getEncoder().encodeToString(key));
        o.put("api.port", "0");
        o.put("spool.dir", ".local/state/bench-spool");
        o.put("node.id", "bench");
        o.putAll(extra);
        return Settings.load(System.getenv(), o);
    }

    static void resetDatabase(Settings s) throws Exception {
        porttracer.app.Scratch.resetDatabase(s);
    }

    /**
     * Empties the bench's spool folders (this node's and a second node's): records a previous run spooled as its
     * client closed would otherwise be replayed into this run's fresh indices (bench/RESULTS.md 5b, run 3).
     */
    static void emptySpool(Settings s) throws java.io.IOException {
        deleteTree(java.nio.file.Path.of(s.get("spool.dir")));
        deleteTree(java.nio.file.Path.of(s.get("spool.dir") + "-2"));
    }

    /** Deletes a folder and everything in it (nothing when it does not exist). */
    static void deleteTree(java.nio.file.Path dir) throws java.io.IOException {
        if (!java.nio.file.Files.exists(dir)) {
            return;
        }
        try (var files = java.nio.file.Files.walk(dir)) {
            for (java.nio.file.Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                java.nio.file.Files.delete(p);
            }
        }
    }

    static void deleteIndices(Elastic elastic) {
        try {
            porttracer.app.Scratch.deleteIndices(elastic);
        } catch (Exception e) {
            System.err.println("could not delete the bench indices: " + e.getMessage());
        }
    }

    /** Registers a simulated switch listening on {@code host:port} as an administrator would; returns its id. */
    static int register(Inventory inventory, int credential, SimSwitch sw, String name, String siteName, String host,
                        int port) {
        int site = inventory.site(siteName);
        Integer floor = sw.floor() == null ? null : inventory.floor(site, "floor" + sw.floor());
        int id = inventory.putSwitch(name, host, port, sw.platform(), sw.model(), site, floor, credential);
        if (sw.role() == porttracer.sim.Role.DISTRIBUTION) {
            inventory.setCollectArp(id, true);
        }
        return id;
    }
}
