package porttracer.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.Map;
import org.junit.jupiter.api.Test;
import porttracer.index.Elastic;

/** An index made by an older release gets the fields added since when the layout is ensured again. */
class IndexLayoutTest {

    @Test
    void olderIndicesGainNewFields() throws Exception {
        var settings = TestEnv.settings(Map.of());
        try (Elastic es = new Elastic(settings.get("es.url"), settings.get("es.index-prefix"))) {
            try {
                // As an older release left it: strict, and without the port details of today.
                es.client().indices().create(c -> c.index(es.currentIndex()).aliases(es.current(), a -> a.isWriteIndex(true))
                        .withJson(new StringReader("{\"mappings\":{\"dynamic\":\"strict\",\"properties\":{"
                                + "\"mac\":{\"type\":\"keyword\"},\"sightings\":{\"properties\":{"
                                + "\"port\":{\"type\":\"keyword\"}}}}}}")));
                es.ensureLayout();
                var mapping = es.client().indices().getMapping(m -> m.index(es.currentIndex()))
                        .result().get(es.currentIndex()).mappings().properties();
                assertThat(mapping.get("sightings").object().properties())
                        .containsKeys("description", "mode", "portRole", "allowedVlans");
                es.client().index(i -> i.index(es.current()).id("1").withJson(new StringReader(
                        "{\"mac\":\"00:00:00:00:00:01\",\"sightings\":[{\"port\":\"Gi1/0/1\",\"description\":\"printer\"}]}")));
            } finally {
                TestEnv.deleteIndices(es);
            }
            // Cleanup really removes them (Elasticsearch refuses wildcard deletes by default).
            assertThat(es.client().indices().get(g -> g.index(es.prefix() + "-*").allowNoIndices(true)).result())
                    .isEmpty();
        }
    }
}
