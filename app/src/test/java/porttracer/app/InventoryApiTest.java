package porttracer.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Sites, floors, switches, CSV import, port overrides and host keys: superadmin only. */
class InventoryApiTest extends ApiScenario {

    @Test
    void inventoryIsForSuperadminsOnly() throws Exception {
        for (String user : List.of("oss", "netadmin")) {
            assertThat(f.get("/api/v1/sites").as(user).send().status()).isEqualTo(403);
            assertThat(f.call("POST", "/api/v1/sites").as(user).json(Map.of("name", "x")).send().status()).isEqualTo(403);
        }
        assertThat(f.get("/api/v1/sites").as("superadmin").send().status()).isEqualTo(200);
    }

    @Test
    void superadminManagesSitesFloorsSwitchesOverridesAndHostKeys() throws Exception {
        int site = post("/api/v1/sites", "superadmin", Map.of("name", "hq")).json().get("id").asInt();
        assertThat(post("/api/v1/sites", "superadmin", Map.of("name", "hq")).status()).isEqualTo(409);
        int floor = post("/api/v1/sites/" + site + "/floors", "superadmin", Map.of("name", "ground")).json().get("id").asInt();
        ApiCall.Reply created = post("/api/v1/switches", "superadmin", Map.of("name", "hq-sw1", "host", "127.0.0.2",
                "sshPort", "2222", "platform", "os6", "site", "hq", "floor", "ground", "username", "admin",
                "password", TestEnv.plantedSecret()));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        int sw = created.json().get("id").asInt();
        assertThat(f.call("PUT", "/api/v1/switches/" + sw).as("superadmin").json(Map.of("name", "hq-sw1", "host",
                "127.0.0.3", "platform", "os10", "site", "hq", "enabled", "false")).send().status()).isEqualTo(204);
        String csv = "name,host,sshPort,platform,site,floor,credential\n"
                + "hq-sw2,127.0.0.4,22,os9,hq,ground,simulator\n"
                + "\"hq-sw1\",127.0.0.3,22,os10,hq,,\n"
                + "hq-sw3,127.0.0.5,22,ios,hq,,\n"
                + "hq-sw4,127.0.0.4,22,os9,hq,ground,simulator\n";
        JsonNode imported = f.call("POST", "/api/v1/switches/import").as("superadmin").body("text/csv", csv).send().json();
        assertThat(imported.get("created").asInt()).isEqualTo(1);
        assertThat(imported.get("updated").asInt()).isEqualTo(1);
        assertThat(imported.get("errors").get(0).get("line").asInt()).isEqualTo(4);
        // A line the database refuses (hq-sw2's address) is that line's error; the others still apply.
        assertThat(imported.get("errors").get(1).get("line").asInt()).isEqualTo(5);
        assertThat(imported.get("errors").get(1).get("error").asText()).contains("127.0.0.4:22 already exists");
        String listing = f.get("/api/v1/switches").as("superadmin").send().text();
        assertThat(listing).contains("hq-sw1", "hq-sw2", "127.0.0.3").doesNotContain(TestEnv.plantedSecret(), "password");

        assertThat(f.call("PUT", "/api/v1/switches/" + sw + "/overrides").as("superadmin")
                .json(Map.of("port", "Gi1/0/7", "role", "uplink", "note", "to a desk switch")).send().status()).isEqualTo(204);
        assertThat(f.call("PUT", "/api/v1/switches/" + sw + "/overrides").as("superadmin")
                .json(Map.of("port", "Gi1/0/7", "role", "sideways")).send().status()).isEqualTo(400);
        assertThat(f.get("/api/v1/switches/" + sw + "/overrides").as("superadmin").send().json().get(0).get("role").asText())
                .isEqualTo("uplink");
        assertThat(f.call("DELETE", "/api/v1/switches/" + sw + "/overrides?port=Gi1/0/7").as("superadmin").send().status())
                .isEqualTo(204);
        assertThat(f.call("PUT", "/api/v1/switches/" + sw + "/host-key").as("superadmin")
                .json(Map.of("hostKey", "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHhv")).send().status()).isEqualTo(204);
        assertThat(f.pt.inventory().pinnedHostKey(sw)).contains("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHhv");
        assertThat(f.call("PUT", "/api/v1/switches/" + sw + "/host-key").as("superadmin")
                .json("{\"hostKey\": \"rm -rf /\"}").send().status()).isEqualTo(400);
        assertThat(f.call("PUT", "/api/v1/switches/" + sw + "/host-key").as("superadmin")
                .json("{\"hostKey\": null}").send().status()).isEqualTo(204);
        assertThat(f.pt.inventory().pinnedHostKey(sw)).isEmpty();

        assertThat(f.call("DELETE", "/api/v1/sites/" + site).as("superadmin").send().status()).isEqualTo(409);
        for (String name : List.of("hq-sw1", "hq-sw2")) {
            int id = f.pt.inventory().switches().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow().id();
            assertThat(f.call("DELETE", "/api/v1/switches/" + id).as("superadmin").send().status()).isEqualTo(204);
        }
        assertThat(f.call("DELETE", "/api/v1/floors/" + floor).as("superadmin").send().status()).isEqualTo(204);
        assertThat(f.call("DELETE", "/api/v1/sites/" + site).as("superadmin").send().status()).isEqualTo(204);
        assertThat(f.call("DELETE", "/api/v1/sites/" + site).as("superadmin").send().status()).isEqualTo(404);
    }
}
