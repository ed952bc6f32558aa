package porttracer.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import porttracer.domain.MacAddress;
import porttracer.index.Elastic;
import porttracer.sim.SimHost;

/** Trace, batch, search, a MAC's history, switches, a switch's ports and a port's history, over HTTP and the CLI. */
class LookupApiTest extends ApiScenario {

    @Test
    void netadminSeesUplinksPortDetailsAndBadges() throws Exception {
        JsonNode t = f.get("/api/v1/trace?mac=" + TRUNK_MAC.dotted()).as("netadmin").send().json();
        JsonNode edge = t.get("locations").get(0);
        assertThat(edge.get("edge").asBoolean()).isTrue();
        assertThat(edge.get("description").asText()).isEqualTo("Printer room 2");
        assertThat(edge.get("mode").asText()).isEqualTo("trunk");
        assertThat(edge.get("pvid").asInt()).isEqualTo(10);
        assertThat(edge.get("allowedVlans").asText()).isEqualTo("10,20,30-40");
        assertThat(badges(edge)).containsExactly("possible-uplink");
        assertThat(t.get("locations").get(1).get("edge").asBoolean()).isFalse();

        JsonNode oss = f.get("/api/v1/trace?mac=" + TRUNK_MAC).as("oss").send().json();
        assertThat(oss.get("locations")).hasSize(1);
        assertThat(oss.get("locations").get(0).has("allowedVlans")).isFalse();
        assertThat(oss.get("locations").get(0).get("pvid").asInt()).isEqualTo(10);

        JsonNode busy = f.get("/api/v1/trace?mac=" + host.mac()).as("oss").send().json().get("locations").get(0);
        assertThat(busy.get("port").asText()).isEqualTo(host.port());
        assertThat(badges(busy)).contains("several-macs", "possible-ap");
        assertThat(busy.has("site")).isFalse();
        assertThat(busy.get("switch").get("site").asText()).isEqualTo("site1");
        assertThat(busy.get("switch").get("floor").asText()).startsWith("floor");
        assertThat(busy.get("stale").asBoolean()).isFalse();
        assertThat(busy.get("reason").asText()).isEqualTo("mac count 3");
    }

    private static List<String> badges(JsonNode loc) {
        List<String> out = new ArrayList<>();
        loc.path("badges").forEach(b -> out.add(b.get("code").asText()));
        return out;
    }

    @Test
    void badInputIsA4xxWithAClearJsonMessage() throws Exception {
        Map<String, Integer> cases = new java.util.LinkedHashMap<>();
        cases.put("/api/v1/trace?mac=nope", 400);
        cases.put("/api/v1/trace?mac=" + host.mac() + "&live=maybe", 400);
        cases.put("/api/v1/search", 400);
        cases.put("/api/v1/search?q=x", 400);
        cases.put("/api/v1/search?q=" + "a".repeat(300), 400);
        cases.put("/api/v1/search?q=site&size=0", 400);
        cases.put("/api/v1/search?q=site&page=abc", 400);
        cases.put("/api/v1/search?q=site&page=100&size=20", 400);
        cases.put("/api/v1/macs/zz/history", 400);
        cases.put("/api/v1/switches/abc/ports", 400);
        cases.put("/api/v1/switches/99999/ports", 404);
        cases.put("/api/v1/live-traces/0000/events", 404);
        cases.put("/api/v1/nothing", 404);
        for (Map.Entry<String, Integer> c : cases.entrySet()) {
            ApiCall.Reply r = f.get(c.getKey()).as("netadmin").send();
            assertThat(r.status()).as(c.getKey()).isEqualTo(c.getValue());
            assertThat(r.json().get("error").asText()).as(c.getKey()).isNotBlank();
        }
        assertThat(post("/api/v1/trace/batch", "netadmin", "{not json").status()).isEqualTo(400);
        assertThat(post("/api/v1/trace/batch", "netadmin", "[1,2]").status()).isEqualTo(400);
        ApiCall.Reply malformed = post("/api/v1/trace/batch", "netadmin", Map.of("macs", List.of("aa", host.mac().toString())));
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().get("malformed").get(0).asText()).isEqualTo("aa");
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            many.add(MacAddress.of(0x020000000000L + i).toString());
        }
        assertThat(post("/api/v1/trace/batch", "netadmin", Map.of("macs", many)).json().get("error").asText())
                .contains("at most 1000");
        assertThat(post("/api/v1/trace/batch", "netadmin", "{\"macs\":[\"" + "a".repeat(1_100_000) + "\"]}").status())
                .isEqualTo(413);
        assertThat(post("/api/v1/live-traces", "netadmin", Map.of("mac", host.mac().toString())).status()).isEqualTo(400);
        assertThat(post("/api/v1/live-traces", "netadmin", Map.of("mac", host.mac().toString(), "site", "nowhere"))
                .status()).isEqualTo(404);
        ApiCall.Reply sw = post("/api/v1/switches", "superadmin", Map.of("name", "bad", "host", "10.0.0.1",
                "platform", "cisco", "site", "site1"));
        assertThat(sw.status()).isEqualTo(400);
        assertThat(sw.json().get("error").asText()).contains("os10, os9, os6 or powerconnect");
    }

    @Test
    void searchUnderstandsMacsOuisSwitchesPortsAndDescriptions() throws Exception {
        String bare = host.mac().bare();
        Map<String, String> expectKind = new java.util.LinkedHashMap<>();
        expectKind.put(host.mac().dotted(), "mac");
        expectKind.put(bare.substring(0, 2) + ":" + bare.substring(2, 4) + ":" + bare.substring(4, 6), "oui");
        expectKind.put(bare.substring(0, 8).toUpperCase(), "mac-prefix");
        expectKind.put(access.name(), "text");
        for (Map.Entry<String, String> c : expectKind.entrySet()) {
            JsonNode r = f.get("/api/v1/search?q=" + Http.q(c.getKey())).as("netadmin").send().json();
            assertThat(r.get("kinds").toString()).as(c.getKey()).contains(c.getValue());
            assertThat(macs(r)).as(c.getKey()).contains(host.mac().toString());
        }
        JsonNode port = f.get("/api/v1/search?q=" + Http.q(host.port()) + "&size=200").as("netadmin").send().json();
        assertThat(macs(port)).contains(host.mac().toString());
        JsonNode desc = f.get("/api/v1/search?q=PRINTER").as("oss").send().json();
        assertThat(macs(desc)).containsExactly(TRUNK_MAC.toString());
        Map<String, String> byIpOrVendor = Map.of("10.20.30.40", "ip", "10.20.30", "ip-prefix", "10.20.0.0/16", "ip-prefix",
                "acme", "text");
        for (Map.Entry<String, String> c : byIpOrVendor.entrySet()) {
            JsonNode r = f.get("/api/v1/search?q=" + Http.q(c.getKey())).as("oss").send().json();
            assertThat(r.get("kinds").toString()).as(c.getKey()).contains(c.getValue());
            assertThat(macs(r)).as(c.getKey()).containsExactly(TRUNK_MAC.toString());
            assertThat(r.get("results").get(0).get("ips").get(0).asText()).isEqualTo("10.20.30.40");
        }
        assertThat(f.get("/api/v1/search?q=10.20.31").as("oss").send().json().get("total").asInt()).isZero();
        // Edge first: every MAC of the site is seen on the distribution switch, on uplinks.
        JsonNode bySwitch = f.get("/api/v1/search?q=" + dist.name() + "&size=5").as("netadmin").send().json();
        assertThat(bySwitch.get("total").asInt()).isGreaterThan(5);
        assertThat(bySwitch.get("results").get(0).get("locations").get(0).get("edge").asBoolean()).isTrue();
        JsonNode page2 = f.get("/api/v1/search?q=" + dist.name() + "&size=5&page=2").as("netadmin").send().json();
        assertThat(macs(page2)).doesNotContainAnyElementsOf(macs(bySwitch));
        // An oss user cannot find MACs by the switches they pass through.
        assertThat(f.get("/api/v1/search?q=" + dist.name()).as("oss").send().json().get("total").asInt()).isZero();
    }

    private static List<String> macs(JsonNode searchAnswer) {
        List<String> out = new ArrayList<>();
        searchAnswer.get("results").forEach(r -> out.add(r.get("mac").asText()));
        return out;
    }

    @Test
    void searchPastTheCapSaysRefine() throws Exception {
        Elastic es = f.pt.elastic();
        List<co.elastic.clients.elasticsearch.core.bulk.BulkOperation> ops = new ArrayList<>();
        for (int i = 0; i < 1_005; i++) {
            MacAddress m = MacAddress.of(0x02cc00000000L + i);
            Map<String, Object> doc = Map.of("mac", m.toString(), "macBare", m.bare(), "oui", m.oui(), "present", false);
            ops.add(co.elastic.clients.elasticsearch.core.bulk.BulkOperation.of(b -> b.index(x -> x
                    .index(es.currentIndex()).id(m.bare()).document(doc))));
        }
        es.client().bulk(b -> b.operations(ops).refresh(co.elastic.clients.elasticsearch._types.Refresh.True));
        JsonNode r = f.get("/api/v1/search?q=02cc").as("oss").send().json();
        assertThat(r.get("capped").asBoolean()).isTrue();
        assertThat(r.get("message").asText()).contains("refine your search");
        assertThat(r.get("results")).hasSize(50);
    }

    @Test
    void historyListsEventsNewestFirst() throws Exception {
        JsonNode h = f.get("/api/v1/macs/" + host.mac().dotted() + "/history").as("oss").send().json();
        assertThat(h.get("total").asInt()).isGreaterThanOrEqualTo(1);
        JsonNode first = h.get("events").get(0);
        assertThat(first.get("kind").asText()).isEqualTo("appeared");
        assertThat(first.get("to").get("switch").get("name").asText()).isEqualTo(host.switchName());
        assertThat(first.get("to").get("edge").asBoolean()).isTrue();
        assertThat(f.get("/api/v1/macs/02:00:00:00:00:99/history").as("oss").send().json().get("events")).isEmpty();
        JsonNode second = f.get("/api/v1/macs/" + host.mac() + "/history?page=2&size=1").as("oss").send().json();
        assertThat(second.get("page").asInt()).isEqualTo(2);
        assertThat(second.get("events").size()).isEqualTo(Math.max(0, h.get("total").asInt() - 1) > 0 ? 1 : 0);
    }

    @Test
    void batchAnswersJsonOrCsv() throws Exception {
        List<String> macs = List.of(host.mac().toString(), "02:00:00:00:00:77", TRUNK_MAC.dotted());
        JsonNode json = post("/api/v1/trace/batch", "netadmin", Map.of("macs", macs)).json().get("results");
        assertThat(json).hasSize(3);
        assertThat(json.get(0).get("found").asBoolean()).isTrue();
        assertThat(json.get(1).get("found").asBoolean()).isFalse();
        ApiCall.Reply csv = f.call("POST", "/api/v1/trace/batch").as("oss").header("Accept", "text/csv")
                .json(Map.of("macs", macs)).send();
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        List<String> lines = Arrays.asList(csv.text().split("\r\n"));
        assertThat(lines.get(0)).isEqualTo("mac,found,site,floor,switch,port,vlan,edge,stale,lastSeen");
        assertThat(lines).anyMatch(l -> l.startsWith(host.mac() + ",true,site1,") && l.contains("," + host.port() + ","));
        assertThat(lines).anyMatch(l -> l.startsWith("02:00:00:00:00:77,false"));
        assertThat(lines).filteredOn(l -> l.startsWith(TRUNK_MAC.toString())).hasSize(1)
                .allMatch(l -> l.split(",")[7].equals("true"));
    }

    @Test
    void switchPortsListEveryPortWithItsMacs() throws Exception {
        int id = f.ids.get(access.name());
        JsonNode net = f.get("/api/v1/switches/" + id + "/ports").as("netadmin").send().json();
        assertThat(net.get("name").asText()).isEqualTo(access.name());
        JsonNode hostPort = null;
        boolean uplink = false;
        for (JsonNode p : net.get("ports")) {
            if (p.get("port").asText().equals(host.port())) {
                hostPort = p;
            }
            uplink |= !p.get("edge").asBoolean();
        }
        assertThat(hostPort).isNotNull();
        assertThat(hostPort.get("macs")).hasSize(3);
        assertThat(uplink).isTrue();
        JsonNode oss = f.get("/api/v1/switches/" + id + "/ports").as("oss").send().json();
        assertThat(oss.get("ports").size()).isLessThan(net.get("ports").size());
    }

    @Test
    void portHistoryTakesThePortInThePathWithItsSlashesEncoded() throws Exception {
        // One host per port-name style in the fleet (Gi1/0/5, ethernet1/1/5, 1/g5...): every one has slashes.
        Map<String, SimHost> byStyle = new java.util.LinkedHashMap<>();
        byStyle.put(host.port().replaceAll("[0-9/:]", ""), host);
        for (SimHost h : f.sim.fleet().hosts()) {
            byStyle.putIfAbsent(h.port().replaceAll("[0-9/:]", ""), h);
        }
        for (SimHost h : byStyle.values()) {
            assertThat(h.port()).contains("/");
            int id = f.ids.get(h.switchName());
            String byPath = "/api/v1/switches/" + id + "/ports/" + Http.q(h.port()) + "/history";
            assertThat(byPath).contains("%2F");
            ApiCall.Reply r = f.get(byPath).as("oss").send();
            assertThat(r.status()).as(byPath + ": " + r.text()).isEqualTo(200);
            JsonNode path = r.json();
            assertThat(path.get("port").asText()).isEqualTo(h.port());
            assertThat(path.get("switch").get("name").asText()).isEqualTo(h.switchName());
            List<String> macs = new ArrayList<>();
            path.get("stays").forEach(s -> macs.add(s.get("mac").asText()));
            assertThat(macs).as(byPath).contains(h.mac().toString());
            // The same answer as the query-parameter form, which keeps working.
            JsonNode query = f.get("/api/v1/switches/" + id + "/ports/history?port=" + Http.q(h.port())).as("oss").send()
                    .json();
            assertThat(path.get("stays")).isEqualTo(query.get("stays"));
        }
        int id = f.ids.get(access.name());
        ApiCall.Reply bad = f.get("/api/v1/switches/" + id + "/ports/" + Http.q(";show run") + "/history").as("oss").send();
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("error").asText()).contains("port must be");
        assertThat(f.get("/api/v1/switches/99999/ports/" + Http.q(host.port()) + "/history").as("oss").send().status())
                .isEqualTo(404);
        assertThat(f.get("/api/v1/switches/x/ports/" + Http.q(host.port()) + "/history").as("oss").send().status())
                .isEqualTo(400);
    }

    @Test
    void cliPrintsTracesAndSearchesAsTablesOrJson() throws Exception {
        Map<String, String> env = Map.of("PORTTRACER_API_URL", "http://127.0.0.1:" + f.port + "/",
                "PORTTRACER_API_USER", "oss", "PORTTRACER_API_PASSWORD", "oss");
        var out = new java.io.ByteArrayOutputStream();
        var err = new java.io.ByteArrayOutputStream();
        int status = ApiCli.run("trace", List.of(host.mac().dotted()), env, new java.io.PrintStream(out, true),
                new java.io.PrintStream(err, true));
        assertThat(status).as(err.toString()).isZero();
        List<String> lines = out.toString().lines().toList();
        assertThat(lines.get(0)).startsWith("MAC").contains("SWITCH", "PORT", "VLAN", "CAUTIONS");
        assertThat(lines.get(1)).contains(host.mac().toString(), host.switchName(), host.port(), "edge", "several-macs");
        assertThat(lines).hasSize(2);

        String token = post("/api/v1/tokens", "netadmin", Map.of("name", "cli")).json().get("token").asText();
        Map<String, String> byToken = Map.of("PORTTRACER_API_URL", "http://127.0.0.1:" + f.port,
                "PORTTRACER_API_TOKEN", token);
        out.reset();
        assertThat(ApiCli.run("search", List.of(access.name(), "--json"), byToken, new java.io.PrintStream(out, true),
                new java.io.PrintStream(err, true))).isZero();
        assertThat(ApiCall.JSON.readTree(out.toString()).get("total").asInt()).isPositive();
        err.reset();
        assertThat(ApiCli.run("trace", List.of("02:00:00:00:00:55"), byToken, new java.io.PrintStream(out, true),
                new java.io.PrintStream(err, true))).isEqualTo(1);
        assertThat(err.toString()).contains("has not been seen");
        assertThat(ApiCli.run("trace", List.of("nonsense"), byToken, new java.io.PrintStream(out, true),
                new java.io.PrintStream(err, true))).isEqualTo(2);
    }
}
