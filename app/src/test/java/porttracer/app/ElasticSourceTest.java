package porttracer.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.util.Map;
import org.junit.jupiter.api.Test;
import porttracer.index.Elastic;
import porttracer.index.LocationDoc;

/**
 * The trace's lean read: a document as the typed client reads it, none when missing, an error for a missing index,
 * a dead node skipped.
 */
class ElasticSourceTest {

    private static int freePort() throws IOException {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    void readsADocumentNoneWhenMissingAndRefusesAMissingIndex() throws Exception {
        var settings = TestEnv.settings(Map.of());
        try (Elastic es = new Elastic(settings.get("es.url"), settings.get("es.index-prefix"))) {
            try {
                es.ensureLayout();
                es.client().index(i -> i.index(es.current()).id("0200000000aa").refresh(
                        co.elastic.clients.elasticsearch._types.Refresh.True).withJson(new StringReader(
                        "{\"mac\":\"02:00:00:00:00:aa\",\"macBare\":\"0200000000aa\",\"present\":true,"
                                + "\"sightings\":[{\"switchId\":7,\"port\":\"Gi1/0/5\",\"vlan\":10}]}")));
                LocationDoc lean = es.source(es.current(), "0200000000aa", LocationDoc.class);
                LocationDoc typed = es.client().get(g -> g.index(es.current()).id("0200000000aa"), LocationDoc.class).source();
                assertThat(lean).isEqualTo(typed);
                assertThat(lean.mac()).isEqualTo("02:00:00:00:00:aa");
                assertThat(lean.sightings()).hasSize(1);
                assertThat(lean.sightings().get(0).port()).isEqualTo("Gi1/0/5");

                assertThat(es.source(es.current(), "0200000000ab", LocationDoc.class)).isNull();
                assertThatThrownBy(() -> es.source(es.prefix() + "-no-such-index", "0200000000aa", LocationDoc.class))
                        .isInstanceOf(IOException.class).hasMessageContaining("index_not_found_exception");

                // A node that does not answer is skipped, on every read, whichever node the reads start from.
                String dead = "http://127.0.0.1:" + freePort();
                try (Elastic two = new Elastic(dead + "," + settings.get("es.url"), es.prefix())) {
                    for (int i = 0; i < 6; i++) {
                        assertThat(two.source(two.current(), "0200000000aa", LocationDoc.class)).isEqualTo(lean);
                    }
                }
                try (Elastic none = new Elastic(dead, es.prefix())) {
                    assertThatThrownBy(() -> none.source(none.current(), "0200000000aa", LocationDoc.class))
                            .isInstanceOf(IOException.class);
                }
            } finally {
                TestEnv.deleteIndices(es);
            }
        }
    }
}
