package porttracer.app;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.core.SearchResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two collector nodes on one database share the fleet through Quartz's clustered job store: each
 * switch is polled once per interval, never twice, and when one node dies the other polls all.
 */
class ClusterTest {

    private static final int INTERVAL = 6;

    @Test
    void twoNodesPollEachSwitchOncePerIntervalAndOneTakesOverWhenTheOtherDies(@TempDir Path dir) throws Exception {
        try (TestFleet f = TestFleet.start(TestFleet.smallSpec(41), dir,
                Map.of("poll.interval", Integer.toString(INTERVAL), "node.id", "node-b"))) {
            // node-a is a real second process, so that it can be killed as a crash kills it.
            Process a = startNode(f, "node-a", dir);
            try {
                f.pt.startCollector();
                Thread.sleep(4L * INTERVAL * 1000);
                Instant killedAt = Instant.now();
                a.destroyForcibly().waitFor();
                // Quartz notices the dead node after its check-in lapses (about 2 x 5 s), then
                // node-b fires everything; allow for that plus one interval.
                Thread.sleep((3L * INTERVAL + 12) * 1000);

                Map<String, List<Poll>> bySwitch = polls(f);
                assertThat(bySwitch.keySet()).hasSize(f.ids.size());
                Set<String> nodesBefore = new HashSet<>();
                for (var e : bySwitch.entrySet()) {
                    List<Poll> p = e.getValue();
                    for (int i = 1; i < p.size(); i++) {
                        long gapMs = p.get(i).at.toEpochMilli() - p.get(i - 1).at.toEpochMilli();
                        assertThat(gapMs).as("gap between polls of " + e.getKey()).isGreaterThan(INTERVAL * 1000L / 2);
                    }
                    p.stream().filter(x -> x.at.isBefore(killedAt)).forEach(x -> nodesBefore.add(x.node));
                    // After node-a died, node-b polled this switch within one interval (plus slack).
                    List<Poll> after = p.stream().filter(x -> x.at.isAfter(killedAt.plusSeconds(INTERVAL + 12))).toList();
                    assertThat(after).as("polls of " + e.getKey() + " after node-a died").isNotEmpty();
                    assertThat(after).allMatch(x -> x.node.equals("node-b"));
                }
                assertThat(nodesBefore).as("both nodes did work while both ran").containsExactlyInAnyOrder("node-a", "node-b");
            } finally {
                a.destroyForcibly().waitFor();
            }
        }
    }

    /** A collector-only node in its own JVM on the same database, index prefix and credential key. */
    private static Process startNode(TestFleet f, String node, Path dir) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "porttracer.app.Main", "collector");
        Map<String, String> env = pb.environment();
        for (String key : List.of("db.url", "db.user", "db.password", "es.url", "es.index-prefix", "secret.key",
                "poll.interval")) {
            env.put(porttracer.config.Settings.envName(key), f.settings.get(key));
        }
        env.put("PORTTRACER_NODE_ID", node);
        env.put("PORTTRACER_SPOOL_DIR", dir.resolve("spool-" + node).toString());
        pb.redirectErrorStream(true).redirectOutput(dir.resolve(node + ".log").toFile());
        return pb.start();
    }

    private record Poll(Instant at, String node) {
    }

    private static Map<String, List<Poll>> polls(TestFleet f) throws Exception {
        var es = f.pt.elastic();
        es.client().indices().refresh(r -> r.index(es.polls()));
        SearchResponse<JsonNode> r = es.client().search(s -> s.index(es.polls()).size(10_000)
                .sort(o -> o.field(x -> x.field("@timestamp"))), JsonNode.class);
        Map<String, List<Poll>> out = new HashMap<>();
        for (var h : r.hits().hits()) {
            JsonNode d = h.source();
            out.computeIfAbsent(d.get("switch").asText(), k -> new ArrayList<>())
                    .add(new Poll(Instant.parse(d.get("@timestamp").asText()), d.get("node").asText()));
        }
        return out;
    }
}
