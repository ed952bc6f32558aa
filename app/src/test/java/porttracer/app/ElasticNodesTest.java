package porttracer.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.Test;
import porttracer.index.Elastic;

/** PORTTRACER_ES_URL with several nodes: requests spread over them, a dead one is skipped; replicas are a setting. */
class ElasticNodesTest {

    @Test
    void aDeadNodeAmongTheUrlsIsSkipped() throws Exception {
        var settings = TestEnv.settings(Map.of());
        String live = settings.get("es.url").split(",")[0].strip();
        String urls = "http://127.0.0.1:" + closedPort() + "," + live;
        try (Elastic es = new Elastic(urls, settings.get("es.index-prefix"), 0)) {
            try {
                es.ensureLayout();
                // Round-robin sends some of these to the dead node first: each must still be answered.
                for (int i = 0; i < 20; i++) {
                    String id = Integer.toString(i);
                    es.client().index(x -> x.index(es.current()).id(id).withJson(new StringReader("{\"mac\":\"" + id + "\"}")));
                    assertThat(es.client().get(g -> g.index(es.current()).id(id), Map.class).found()).isTrue();
                }
                assertThat(es.isReachable()).isTrue();
            } finally {
                TestEnv.deleteIndices(es);
            }
        }
    }

    @Test
    void replicasOfTheTemplatesAreASetting() throws Exception {
        var settings = TestEnv.settings(Map.of("es.replicas", "1"));
        try (Elastic es = new Elastic(settings.get("es.url"), settings.get("es.index-prefix"),
                settings.getInt("es.replicas"))) {
            try {
                es.ensureLayout();
                var template = es.client().indices().getIndexTemplate(t -> t.name(es.events()))
                        .indexTemplates().get(0).indexTemplate().template().settings();
                assertThat(template.index() == null ? template.numberOfReplicas() : template.index().numberOfReplicas())
                        .isEqualTo("1");
                var current = es.client().indices().getSettings(s -> s.index(es.currentIndex()))
                        .result().get(es.currentIndex()).settings().index();
                assertThat(current.numberOfReplicas()).isEqualTo("1");
            } finally {
                TestEnv.deleteIndices(es);
            }
        }
    }

    @Test
    void badUrlsAreRefusedWithTheirName() {
        assertThatThrownBy(() -> new Elastic("http://127.0.0.1:9200, 127.0.0.1:9201", "x", 0))
                .hasMessageContaining("127.0.0.1:9201").hasMessageContaining("PORTTRACER_ES_URL");
        assertThatThrownBy(() -> new Elastic(" , ", "x", 0)).hasMessageContaining("no Elasticsearch node");
        assertThatThrownBy(() -> new Elastic("http://127.0.0.1:9200", "x", -1)).hasMessageContaining("PORTTRACER_ES_REPLICAS");
    }

    private static int closedPort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
