package porttracer.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import porttracer.search.Role;
import porttracer.search.Users;
import porttracer.sim.SimHost;
import porttracer.sim.SimSwitch;

/**
 * The inventory completions over the API and CSV import: a site's poll interval and credential, a floor's
 * name, and a switch's routing flag, which turns ARP collection (and so the hosts' IPs) on and off.
 */
class InventorySettingsTest {

    @Test
    void siteDefaultsFloorRenameAndTheRoutingFlagOverJsonAndCsv(@TempDir Path dir) throws Exception {
        try (TestFleet f = TestFleet.start(TestFleet.smallSpec(17), dir, Map.of())) {
            new Users(f.pt.db().dataSource()).put("superadmin", "superadmin", Role.SUPERADMIN);
            int port = f.pt.startApi("127.0.0.1", 0).port();
            SimSwitch dist = f.sim.fleet().switches().stream()
                    .filter(s -> s.role() == porttracer.sim.Role.DISTRIBUTION).findFirst().orElseThrow();
            int distId = f.ids.get(dist.name());

            // Routing off by CSV import: the first poll reads no ARP table, so hosts have no IP.
            String csv = "name,host,sshPort,platform,site,routing\r\n" + dist.name() + "," + f.sim.host() + ","
                    + f.sim.port(dist.name()) + "," + dist.platform().id() + ",site1,false\r\n";
            // A value that is neither true nor false refuses the file: nothing is imported.
            ApiCall.Reply refused = ApiCall.to(port, "POST", "/api/v1/switches/import").as("superadmin")
                    .body("text/csv", csv + "no-such-switch,10.0.0.1,22,os6,site1,maybe\r\n").send();
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.json().get("errors").toString()).contains("\"line\":3").contains("not maybe");
            assertThat(routing(port, distId)).isTrue();
            JsonNode imported = ApiCall.to(port, "POST", "/api/v1/switches/import").as("superadmin")
                    .body("text/csv", csv).send().json();
            assertThat(imported.get("updated").asInt()).isEqualTo(1);
            assertThat(imported.get("errors")).isEmpty();
            assertThat(f.pt.inventory().switchById(distId).orElseThrow().collectArp()).isFalse();
            assertThat(routing(port, distId)).isFalse();
            f.pt.startCollector();
            f.pollAll(Duration.ofSeconds(120));
            SimHost host = f.sim.fleet().hosts().get(0);
            String ip = f.sim.fleet().ipOf(host.mac()).orElseThrow();
            assertThat(trace(port, host).get("ips").toString()).doesNotContain(ip);

            // Routing on over JSON: the next poll reads the ARP table.
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("name", dist.name());
            body.put("host", f.sim.host());
            body.put("sshPort", f.sim.port(dist.name()));
            body.put("platform", dist.platform().id());
            body.put("site", "site1");
            body.put("routing", true);
            assertThat(ApiCall.to(port, "PUT", "/api/v1/switches/" + distId).as("superadmin").json(body).send().status())
                    .isEqualTo(204);
            assertThat(routing(port, distId)).isTrue();
            body.put("routing", "sometimes");
            assertThat(ApiCall.to(port, "PUT", "/api/v1/switches/" + distId).as("superadmin").json(body).send().status())
                    .isEqualTo(400);
            f.pollAll(Duration.ofSeconds(120));
            f.pt.elastic().client().indices().refresh(r -> r.index(f.pt.elastic().current()));
            assertThat(trace(port, host).get("ips").toString()).contains(ip);

            // A site's poll interval and credential apply to its switches without their own.
            JsonNode site = site(port, "site1");
            int siteId = site.get("id").asInt();
            Map<String, Object> defaults = Map.of("pollIntervalSeconds", 120, "username", "noc",
                    "password", TestEnv.plantedSecret());
            assertThat(ApiCall.to(port, "PUT", "/api/v1/sites/" + siteId).as("superadmin").json(defaults).send().status())
                    .isEqualTo(204);
            site = site(port, "site1");
            assertThat(site.get("pollIntervalSeconds").asInt()).isEqualTo(120);
            assertThat(site.get("credential").asText()).isEqualTo("site:site1");
            assertThat(site.toString()).doesNotContain(TestEnv.plantedSecret());
            JsonNode switches = ApiCall.get(port, "/api/v1/switches").as("superadmin").send().json();
            switches.forEach(sw -> assertThat(sw.get("pollIntervalSeconds").asInt()).as(sw.get("name").asText()).isEqualTo(120));
            assertThat(ApiCall.to(port, "PUT", "/api/v1/sites/" + siteId).as("superadmin")
                    .json(Map.of("pollIntervalSeconds", 5)).send().status()).isEqualTo(400);
            assertThat(ApiCall.to(port, "PUT", "/api/v1/sites/" + siteId).as("superadmin")
                    .json(Map.of("credential", "nobody-has-this")).send().status()).isEqualTo(400);
            assertThat(ApiCall.to(port, "PUT", "/api/v1/sites/99999").as("superadmin")
                    .json(Map.of("name", "x")).send().status()).isEqualTo(404);
            // Renaming alone still works as before, and keeps the defaults.
            assertThat(ApiCall.to(port, "PUT", "/api/v1/sites/" + siteId).as("superadmin")
                    .json(Map.of("name", "campus")).send().status()).isEqualTo(204);
            assertThat(site(port, "campus").get("pollIntervalSeconds").asInt()).isEqualTo(120);

            // Sites by CSV: one new, one updated (empty cells leave its settings), one refused (and not created).
            String sites = "name,pollIntervalSeconds,credential\r\nsite9,600,site:site1\r\ncampus,,\r\nbad,5,\r\n";
            JsonNode result = ApiCall.to(port, "POST", "/api/v1/sites/import").as("superadmin")
                    .body("text/csv", sites).send().json();
            assertThat(result.get("created").asInt()).isEqualTo(1);
            assertThat(result.get("updated").asInt()).isEqualTo(1);
            assertThat(result.get("errors").toString()).contains("\"line\":4").contains("pollIntervalSeconds");
            assertThat(site(port, "site9").get("pollIntervalSeconds").asInt()).isEqualTo(600);
            assertThat(site(port, "site9").get("credential").asText()).isEqualTo("site:site1");
            assertThat(site(port, "campus").get("pollIntervalSeconds").asInt()).isEqualTo(120);
            assertThat(ApiCall.get(port, "/api/v1/sites").as("superadmin").send().text()).doesNotContain("\"bad\"");
            assertThat(ApiCall.to(port, "POST", "/api/v1/sites/import").as("superadmin")
                    .body("text/plain", sites).send().status()).isEqualTo(415);

            // Floor rename: switches on it show the new name.
            JsonNode floor = site(port, "campus").get("floors").get(0);
            String oldName = floor.get("name").asText();
            int floorId = floor.get("id").asInt();
            assertThat(ApiCall.to(port, "PUT", "/api/v1/floors/" + floorId).as("superadmin")
                    .json(Map.of("name", "ground floor")).send().status()).isEqualTo(204);
            JsonNode after = ApiCall.get(port, "/api/v1/switches").as("superadmin").send().json();
            long renamed = 0;
            for (JsonNode sw : after) {
                assertThat(sw.path("floor").asText()).isNotEqualTo(oldName);
                renamed += "ground floor".equals(sw.path("floor").asText()) ? 1 : 0;
            }
            assertThat(renamed).isPositive();
            String other = null;
            for (JsonNode fl : site(port, "campus").get("floors")) {
                other = fl.get("id").asInt() == floorId ? other : fl.get("name").asText();
            }
            assertThat(other).isNotNull();
            assertThat(ApiCall.to(port, "PUT", "/api/v1/floors/" + floorId).as("superadmin")
                    .json(Map.of("name", other)).send().status()).isEqualTo(409);
            assertThat(ApiCall.to(port, "PUT", "/api/v1/floors/99999").as("superadmin")
                    .json(Map.of("name", "x")).send().status()).isEqualTo(404);
            assertThat(ApiCall.to(port, "PUT", "/api/v1/floors/" + floorId).as("netadmin")
                    .json(Map.of("name", "x")).send().status()).isEqualTo(403);
        }
    }

    private static JsonNode trace(int port, SimHost host) throws Exception {
        return ApiCall.get(port, "/api/v1/trace?mac=" + host.mac()).as("netadmin").send().json();
    }

    private static boolean routing(int port, int id) throws Exception {
        for (JsonNode sw : ApiCall.get(port, "/api/v1/switches").as("netadmin").send().json()) {
            if (sw.get("id").asInt() == id) {
                return sw.get("routing").asBoolean();
            }
        }
        throw new AssertionError("no switch " + id);
    }

    private static JsonNode site(int port, String name) throws Exception {
        for (JsonNode s : ApiCall.get(port, "/api/v1/sites").as("superadmin").send().json()) {
            if (s.get("name").asText().equals(name)) {
                return s;
            }
        }
        throw new AssertionError("no site " + name);
    }
}
