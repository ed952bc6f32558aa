package porttracer.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * docker-compose as production would run it: Elasticsearch security on with passwords from the environment,
 * Kibana as kibana_system, PortTracer as its least-privilege user, ports on loopback only, the dashboards import
 * authenticated, the spool on a volume and the IEEE registry in the image.
 */
class ComposeSecurityTest {

    private static final Path ROOT = Repo.root();

    private static JsonNode services() throws Exception {
        return new YAMLMapper().readTree(ROOT.resolve("docker-compose.yml").toFile()).path("services");
    }

    @Test
    void elasticsearchRequiresLoginsAndEveryClientHasItsOwn() throws Exception {
        JsonNode s = services();
        JsonNode es = s.at("/elasticsearch/environment");
        assertThat(es.path("xpack.security.enabled").asText()).isEqualTo("true");
        assertThat(es.path("ELASTIC_PASSWORD").asText()).startsWith("${ELASTIC_PASSWORD:?");
        assertThat(s.at("/elasticsearch/volumes").toString()).contains("./deploy/elasticsearch/roles.yml:/usr/share/elasticsearch/config/roles.yml");
        assertThat(s.at("/elasticsearch/healthcheck/test").toString()).contains("elastic:$$ELASTIC_PASSWORD");

        assertThat(s.at("/kibana/environment/ELASTICSEARCH_USERNAME").asText()).isEqualTo("kibana_system");
        assertThat(s.at("/kibana/environment/ELASTICSEARCH_PASSWORD").asText()).startsWith("${KIBANA_PASSWORD:?");
        assertThat(s.at("/kibana/depends_on/es-setup/condition").asText()).isEqualTo("service_completed_successfully");
        assertThat(s.at("/es-setup/entrypoint").toString()).contains("/setup/setup.sh");
        assertThat(Files.readString(ROOT.resolve("deploy/elasticsearch/setup.sh")))
                .contains("/_security/user/kibana_system/_password").contains("/_security/user/porttracer")
                .contains("\\\"roles\\\":[\\\"porttracer\\\"]");

        for (String role : new String[] {"collector", "api"}) {
            JsonNode env = s.path(role).path("environment");
            assertThat(env.path("PORTTRACER_ES_USERNAME").asText()).as(role).isEqualTo("porttracer");
            assertThat(env.path("PORTTRACER_ES_PASSWORD").asText()).as(role).startsWith("${PORTTRACER_ES_PASSWORD:?");
        }
        // The API starts after the collector, which waits for the users to exist.
        assertThat(s.at("/collector/depends_on/es-setup/condition").asText()).isEqualTo("service_completed_successfully");
        assertThat(s.at("/api/depends_on/collector/condition").asText()).isEqualTo("service_healthy");
        JsonNode importer = s.at("/dashboards-import/environment");
        assertThat(importer.path("KIBANA_USER").asText()).isEqualTo("elastic");
        assertThat(importer.path("KIBANA_PASSWORD").asText()).startsWith("${ELASTIC_PASSWORD:?");
    }

    @Test
    void everyPublishedPortIsOnLoopback() throws Exception {
        services().fields().forEachRemaining(svc -> svc.getValue().path("ports").forEach(p ->
                assertThat(p.asText()).as(svc.getKey() + " publishes " + p.asText()).startsWith("127.0.0.1:")));
        assertThat(Files.readString(ROOT.resolve("docker-compose.yml"))).contains("to expose one");
    }

    @Test
    void theImageHasTheVendorRegistryAndTheSpoolOnTheStateVolume() throws Exception {
        String dockerfile = Files.readString(ROOT.resolve("Dockerfile"));
        assertThat(dockerfile).containsPattern("apt-get install[^\\n]*ieee-data")
                .contains("PORTTRACER_SPOOL_DIR=/var/lib/porttracer/spool").contains("VOLUME /var/lib/porttracer");
        assertThat(services().at("/collector/environment/PORTTRACER_SPOOL_DIR").asText()).isEqualTo("/var/lib/porttracer/spool");
    }
}
