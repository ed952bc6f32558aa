package porttracer.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import porttracer.domain.Platform;
import porttracer.search.Role;
import porttracer.search.Users;
import porttracer.sim.Fleet;
import porttracer.sim.FleetSpec;
import porttracer.sim.SimHost;
import porttracer.sim.SimSwitch;
import porttracer.sim.SwitchLogin;
import porttracer.store.SwitchStatus;

/**
 * A fleet whose switches log in the ways real Dell fleets do, registered over the API with platform
 * "auto", enable passwords and legacyCrypto, polled end to end by the collector: each platform is
 * detected, each login is reported in GET /api/v1/switches, and the PowerConnect switch's MACs trace.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SwitchLoginEndToEndTest {

    private static final String ENABLE = "en-" + TestEnv.plantedSecret();

    private TestFleet f;
    private int apiPort;
    private Http http;
    private SwitchProbe probe;
    private final Map<Platform, SimSwitch> access = new HashMap<>();

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        FleetSpec spec = new FleetSpec(12, 1, 1, 4, 4,
                List.of(Platform.OS6, Platform.OS9, Platform.OS10, Platform.POWERCONNECT), Platform.OS10);
        f = TestFleet.start(Fleet.generate(spec), dir,
                // Every poll logs in afresh, so that a changed credential or setting applies at once.
                Map.of("ssh.idle-timeout", "0", "ssh.command-timeout", "20"), o -> o,
                sw -> switch (sw.role() == porttracer.sim.Role.DISTRIBUTION ? Platform.OS10 : sw.platform()) {
                    case OS6 -> SwitchLogin.standard().withAuthMethods("keyboard-interactive").withEnableSecret(ENABLE);
                    case OS9 -> SwitchLogin.standard().withMotd(porttracer.collect.SwitchLoginTestTexts.MOTD)
                            .withEnableSecret(ENABLE);
                    case POWERCONNECT -> SwitchLogin.standard().withInShellLogin().withEnableSecret(ENABLE);
                    case OS10 -> sw.role() == porttracer.sim.Role.DISTRIBUTION ? SwitchLogin.standard()
                            : SwitchLogin.standard().withLegacyOnly();
                });
        for (SimSwitch sw : f.sim.fleet().switches()) {
            if (sw.role() == porttracer.sim.Role.ACCESS) {
                access.put(sw.platform(), sw);
            }
        }
        new Users(f.pt.db().dataSource()).put("superadmin", "superadmin", Role.SUPERADMIN);
        f.pt.startCollector();
        apiPort = f.pt.startApi("127.0.0.1", 0).port();
        http = new Http(apiPort);
        probe = new SwitchProbe(f, http);
        // Re-registered over the API as an engineer would: platform auto, each switch's own login.
        for (SimSwitch sw : access.values()) {
            ApiCall.Reply r = put(sw, sw.platform() == Platform.OS10, ENABLE);
            assertThat(r.status()).as(r.text()).isEqualTo(204);
        }
        f.pollAll(Duration.ofSeconds(120));
    }

    @AfterAll
    void stop() {
        if (f != null) {
            f.close();
        }
    }

    private ApiCall.Reply put(SimSwitch sw, boolean legacy, String enable) throws Exception {
        Map<String, Object> body = new HashMap<>(Map.of("name", sw.name(), "host", f.sim.host(),
                "sshPort", f.sim.port(sw.name()), "platform", "auto", "site", "site" + sw.site(),
                "floor", "floor" + sw.floor(), "username", "admin", "password", TestEnv.plantedSecret(),
                "legacyCrypto", legacy));
        if (enable != null) {
            body.put("enablePassword", enable);
        }
        return ApiCall.to(apiPort, "PUT", "/api/v1/switches/" + f.ids.get(sw.name())).as("superadmin").json(body).send();
    }

    private JsonNode listed(SimSwitch sw) throws Exception {
        for (JsonNode s : http.get("/api/v1/switches", "netadmin", "netadmin").body()) {
            if (s.get("name").asText().equals(sw.name())) {
                return s;
            }
        }
        throw new AssertionError(sw.name() + " not listed");
    }

    @Test
    void everyPlatformIsDetectedAndItsLoginReported() throws Exception {
        Map<Platform, String> method = Map.of(Platform.OS6, "keyboard-interactive", Platform.OS9, "password",
                Platform.OS10, "password", Platform.POWERCONNECT, "none");
        Map<Platform, String> enable = Map.of(Platform.OS6, "ok", Platform.OS9, "ok", Platform.OS10, "not-needed",
                Platform.POWERCONNECT, "ok");
        for (SimSwitch sw : access.values()) {
            SwitchStatus st = f.status(sw.name());
            assertThat(st.lastOutcome()).as(sw.name() + ": " + st.lastError()).isEqualTo("ok");
            JsonNode s = listed(sw);
            assertThat(s.get("platform").asText()).isEqualTo(sw.platform().id());
            assertThat(s.get("platformAuto").asBoolean()).isTrue();
            JsonNode login = s.get("login");
            assertThat(login.get("method").asText()).as(sw.name()).isEqualTo(method.get(sw.platform()));
            assertThat(login.get("enable").asText()).as(sw.name()).isEqualTo(enable.get(sw.platform()));
            assertThat(login.get("inShellLogin").asBoolean()).isEqualTo(sw.platform() == Platform.POWERCONNECT);
            assertThat(login.get("legacyCrypto").asBoolean()).isEqualTo(sw.platform() == Platform.OS10);
            if (sw.platform() != Platform.POWERCONNECT) {
                assertThat(s.get("model").asText()).isEqualTo(sw.model());
            }
        }
        String listing = http.get("/api/v1/switches", "netadmin", "netadmin").raw().body();
        assertThat(listing).doesNotContain(TestEnv.plantedSecret()).doesNotContain("enablePassword");
    }

    @Test
    void powerConnectMacsTraceOverTheApi() throws Exception {
        SimSwitch pc = access.get(Platform.POWERCONNECT);
        assertThat(f.sim.commands(pc.name())).contains("terminal datadump", "show mac address-table");
        List<SimHost> hosts = f.sim.fleet().hosts().stream().filter(h -> h.switchName().equals(pc.name())).toList();
        assertThat(hosts).isNotEmpty();
        for (SimHost h : hosts) {
            Http.Reply r = http.get("/api/v1/trace?mac=" + h.mac(), "oss", "oss");
            assertThat(r.status()).isEqualTo(200);
            JsonNode edge = r.body().get("locations").get(0);
            assertThat(edge.get("switch").get("name").asText()).isEqualTo(pc.name());
            assertThat(edge.get("port").asText()).isEqualTo(h.port());
            assertThat(edge.get("vlan").asInt()).isEqualTo(h.vlan());
        }
    }

    @Test
    void legacyOnlySwitchFailsWithoutLegacyCryptoAndSaysWhy() throws Exception {
        SimSwitch sw = access.get(Platform.OS10);
        try {
            assertThat(put(sw, false, null).status()).isEqualTo(204);
            SwitchStatus st = probe.pollOne(sw.name());
            assertThat(st.lastOutcome()).isEqualTo("ssh");
            assertThat(st.lastError()).contains("key exchange", "legacyCrypto: true");
        } finally {
            assertThat(put(sw, true, null).status()).isEqualTo(204);
        }
        assertThat(probe.pollOne(sw.name()).lastOutcome()).isEqualTo("ok");
    }

    @Test
    void wrongOrMissingEnablePasswordIsAnAuthFailureWithoutSecrets() throws Exception {
        SimSwitch sw = access.get(Platform.OS9);
        try {
            for (String enable : new String[] {"wrong-" + ENABLE, null}) {
                assertThat(put(sw, false, enable).status()).isEqualTo(204);
                SwitchStatus st = probe.pollOne(sw.name());
                assertThat(st.lastOutcome()).isEqualTo("auth");
                assertThat(st.lastError()).startsWith("enable refused").doesNotContain(ENABLE);
                assertThat(listed(sw).get("login").get("enable").asText()).isEqualTo("refused");
            }
        } finally {
            assertThat(put(sw, false, ENABLE).status()).isEqualTo(204);
        }
        assertThat(probe.pollOne(sw.name()).lastOutcome()).isEqualTo("ok");
        assertThat(f.sim.commands(sw.name())).doesNotContain(ENABLE, "wrong-" + ENABLE);
    }

    @Test
    void aPlatformChangeIsDetectedAtTheNextPoll() throws Exception {
        SimSwitch sw = access.get(Platform.OS6);
        int id = f.ids.get(sw.name());
        // As if the switch had run OS9 until a firmware migration.
        f.pt.inventory().setDetectedPlatform(id, Platform.OS9, "S3048-ON");
        assertThat(probe.pollOne(sw.name()).lastOutcome()).isEqualTo("ok");
        assertThat(f.pt.inventory().switchById(id).orElseThrow().platform()).isEqualTo(Platform.OS6);
        assertThat(f.pt.inventory().switchById(id).orElseThrow().model()).isEqualTo(sw.model());
    }

    @Test
    void csvImportTakesTheLoginColumns() throws Exception {
        SimSwitch sw = access.get(Platform.POWERCONNECT);
        String csv = "name,host,sshPort,site,floor,username,password,enablePassword,legacyCrypto\n"
                + sw.name() + "," + f.sim.host() + "," + f.sim.port(sw.name()) + ",site" + sw.site() + ",floor" + sw.floor()
                + ",admin," + TestEnv.plantedSecret() + "," + ENABLE + ",false\n"
                + "bad-one,127.0.0.9,22,site1,,admin,x,y,maybe\n";
        JsonNode r = ApiCall.to(apiPort, "POST", "/api/v1/switches/import").as("superadmin").body("text/csv", csv).send().json();
        assertThat(r.get("updated").asInt()).isEqualTo(1);
        assertThat(r.get("errors").get(0).get("error").asText()).contains("legacyCrypto must be true or false");
        SwitchStatus st = probe.pollOne(sw.name());
        assertThat(st.lastOutcome()).as(st.lastError()).isEqualTo("ok");
        assertThat(listed(sw).get("platform").asText()).isEqualTo("powerconnect");
    }

    @Test
    void badLoginInputIsA400() throws Exception {
        SimSwitch sw = access.get(Platform.OS6);
        ApiCall.Reply r = ApiCall.to(apiPort, "PUT", "/api/v1/switches/" + f.ids.get(sw.name())).as("superadmin")
                .json(Map.of("name", sw.name(), "host", "127.0.0.1", "site", "site1", "credential", "simulator",
                        "enablePassword", "x"))
                .send();
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("error").asText()).contains("with username and password");
        r = ApiCall.to(apiPort, "POST", "/api/v1/switches").as("superadmin")
                .json(Map.of("name", "x1", "host", "127.0.0.1", "site", "site1", "platform", "ios")).send();
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("error").asText()).contains("auto");
    }
}
