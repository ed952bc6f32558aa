package porttracer.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import porttracer.config.Settings;
import porttracer.search.ApiServer;
import porttracer.sim.Fleet;
import porttracer.sim.FleetSpec;

/**
 * Directory sign-in against a real OpenLDAP: the API talks StartTLS to it (CA made by the test),
 * a second API ldaps with failover; roles from groups (nested too), refusals, filter injection,
 * tokens following group changes, and the directory going down while the API runs.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DirectoryLoginTest {

    private TestDirectory ldap;
    private ApiFixture f;

    @BeforeAll
    void start(@TempDir Path tmp) throws Exception {
        ldap = new TestDirectory(tmp.resolve("ldap"));
        Map<String, String> s = new HashMap<>(ldap.settings("ldap://127.0.0.1:" + ldap.ldapPort, true));
        // Short, so that group changes show within the test; production defaults to 60 s.
        s.put("ldap.cache-seconds", "2");
        f = new ApiFixture(Fleet.generate(FleetSpec.small(31)), tmp.resolve("keys"), s);
    }

    @AfterAll
    void stop() {
        if (f != null) {
            f.close();
        }
        if (ldap != null) {
            ldap.close();
        }
    }

    private ApiCall.Reply me(int port, String user, String password) throws Exception {
        return ApiCall.get(port, "/api/v1/me").as(user, password).send();
    }

    private ApiCall.Reply me(String uid) throws Exception {
        return me(f.port, uid, TestDirectory.password(uid));
    }

    @Test
    void directoryUsersSignInWithTheHighestRoleOfTheirGroupsNestedToo() throws Exception {
        Map<String, String> expected = Map.of("alice", "netadmin", "olga", "oss", "sam", "superadmin",
                "bob", "netadmin", "nina", "netadmin", TestDirectory.INJECTION_NAME, "oss");
        for (var e : expected.entrySet()) {
            ApiCall.Reply r = me(e.getKey());
            assertThat(r.status()).as(e.getKey() + ": " + r.text()).isEqualTo(200);
            assertThat(r.json().get("username").asText()).isEqualTo(e.getKey() + "@ldap");
            assertThat(r.json().get("role").asText()).as(e.getKey()).isEqualTo(e.getValue());
        }
        // The role applies: an oss directory user may not list users, a superadmin may.
        assertThat(ApiCall.get(f.port, "/api/v1/users").as("olga", TestDirectory.password("olga")).send().status())
                .isEqualTo(403);
        assertThat(ApiCall.get(f.port, "/api/v1/users").as("sam", TestDirectory.password("sam")).send().status())
                .isEqualTo(200);
        // Local users still come first.
        assertThat(me(f.port, "netadmin", "netadmin").json().get("username").asText()).isEqualTo("netadmin");
    }

    @Test
    void wrongPasswordsUnmappedAndLockedUsersAreRefusedWithAClearAnswer() throws Exception {
        assertThat(me(f.port, "alice", "not-her-password").status()).isEqualTo(401);
        // An empty password would be an anonymous bind that the server accepts.
        assertThat(me(f.port, "alice", "").status()).isEqualTo(401);
        assertThat(me(f.port, "nobody", "whatever-Pw1").status()).isEqualTo(401);

        for (String uid : new String[] {"norole", "loner"}) {
            ApiCall.Reply none = me(uid);
            assertThat(none.status()).as(uid).isEqualTo(403);
            assertThat(none.json().get("error").asText()).contains(uid).contains("none of the user's groups is mapped");
        }

        ApiCall.Reply locked = me("locked");
        assertThat(locked.status()).isEqualTo(403);
        assertThat(locked.json().get("error").asText()).contains("disabled or locked");
    }

    @Test
    void aFilterInjectionInTheUserNameMatchesNobodyElse() throws Exception {
        // Unescaped, "*)(uid=*" and "*" would match alice's entry (and every other) and her password would pass.
        for (String name : new String[] {"*", "*)(uid=*", "alice)(uid=*", "*)(|(uid=*", "al*"}) {
            assertThat(me(f.port, name, TestDirectory.password("alice")).status()).as(name).isEqualTo(401);
        }
        // The user whose name is the injection attempt signs in as exactly that name.
        ApiCall.Reply eve = me(TestDirectory.INJECTION_NAME);
        assertThat(eve.status()).isEqualTo(200);
        assertThat(eve.json().get("username").asText()).isEqualTo(TestDirectory.INJECTION_NAME + "@ldap");
    }

    @Test
    void signInsAndRefusalsAreAuditedAsUserAtLdap() throws Exception {
        assertThat(me("olga").status()).isEqualTo(200);
        assertThat(me("norole").status()).isEqualTo(403);
        assertThat(ApiCall.get(f.port, "/api/v1/trace?mac=" + f.sim.fleet().hosts().get(0).mac())
                .as("olga", TestDirectory.password("olga")).send().status()).isEqualTo(200);
        JsonNode olga = awaitAudit("olga@ldap", rows -> rows.toString().contains("\"trace\""));
        assertThat(olga.toString()).contains("\"login\"").contains("\"directory\"");
        JsonNode refused = awaitAudit("norole@ldap", rows -> rows.size() > 0);
        assertThat(refused.get(0).get("result").asText()).contains("none of the user's groups is mapped");
    }

    private JsonNode awaitAudit(String user, Predicate<JsonNode> done) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        JsonNode rows;
        do {
            rows = f.get("/api/v1/audit?user=" + URLEncoder.encode(user, StandardCharsets.UTF_8)).as("superadmin")
                    .send().json();
            if (done.test(rows)) {
                return rows;
            }
            Thread.sleep(200);
        } while (Instant.now().isBefore(deadline));
        throw new AssertionError("audit rows of " + user + " never matched: " + rows);
    }

    @Test
    void tokensOfDirectoryUsersFollowTheirGroupsAndSoDoPasswordSignIns() throws Exception {
        String token = f.call("POST", "/api/v1/tokens").as("bob", TestDirectory.password("bob"))
                .json(Map.of("name", "script")).send().json().get("token").asText();
        assertThat(f.get("/api/v1/me").bearer(token).send().json().get("role").asText()).isEqualTo("netadmin");
        ldap.membership(TestDirectory.NOC, "bob", false);
        try {
            // Within the cache time (2 s here) both the token and the password take the new role.
            awaitRole(() -> f.get("/api/v1/me").bearer(token).send(), "oss");
            awaitRole(() -> me("bob"), "oss");
            ldap.membership(TestDirectory.OPS, "bob", false);
            // A token of a user left without a mapped group is refused.
            awaitStatus(() -> f.get("/api/v1/me").bearer(token).send(), 403);
        } finally {
            ldap.membership(TestDirectory.NOC, "bob", true);
            try {
                ldap.membership(TestDirectory.OPS, "bob", true);
            } catch (com.unboundid.ldap.sdk.LDAPException e) {
                // Still a member when the test failed before removing it.
            }
        }
    }

    private interface Call {
        ApiCall.Reply send() throws Exception;
    }

    private static void awaitRole(Call call, String role) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        ApiCall.Reply r;
        do {
            r = call.send();
            if (r.status() == 200 && role.equals(r.json().get("role").asText())) {
                return;
            }
            Thread.sleep(200);
        } while (Instant.now().isBefore(deadline));
        throw new AssertionError("role never became " + role + ": " + r.status() + " " + r.text());
    }

    private static ApiCall.Reply awaitStatus(Call call, int status) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        ApiCall.Reply r;
        do {
            r = call.send();
            if (r.status() == status) {
                return r;
            }
            Thread.sleep(200);
        } while (Instant.now().isBefore(deadline));
        throw new AssertionError("status never became " + status + ": " + r.status() + " " + r.text());
    }

    @Test
    void ldapsWithTheTestCaAfterADeadServerAndNotWithAnUntrustedCa() throws Exception {
        int dead = ScriptServer.freePort();
        Settings failover = with(ldap.settings("ldap://127.0.0.1:" + dead + " ldaps://127.0.0.1:" + ldap.ldapsPort, false));
        try (ApiServer api = second(failover)) {
            ApiCall.Reply r = me(api.port(), "sam", TestDirectory.password("sam"));
            assertThat(r.status()).as(r.text()).isEqualTo(200);
            assertThat(r.json().get("role").asText()).isEqualTo("superadmin");
        }
        // Without the test CA the server's certificate is not trusted: directory users cannot sign in.
        Settings untrusted = with(ldap.settings("ldaps://127.0.0.1:" + ldap.ldapsPort, false)).with("ldap.ca-file", "");
        try (ApiServer api = second(untrusted)) {
            ApiCall.Reply r = me(api.port(), "sam", TestDirectory.password("sam"));
            assertThat(r.status()).as(r.text()).isEqualTo(503);
            assertThat(me(api.port(), "oss", "oss").status()).isEqualTo(200);
        }
    }

    private Settings with(Map<String, String> ldapSettings) {
        Settings s = f.pt.settings();
        for (var e : ldapSettings.entrySet()) {
            s = s.with(e.getKey(), e.getValue());
        }
        return s;
    }

    private ApiServer second(Settings s) {
        return new ApiServer(porttracer.search.ApiConfig.from(s), f.pt.db(), f.pt.elastic(), f.pt.inventory(),
                f.pt.liveVerifier(), f.pt.alertStore(), f.pt.alerts(), new PrometheusRegistry()).start("127.0.0.1", 0);
    }

    @Test
    void whileTheDirectoryIsDownLocalUsersSignInAndDirectoryUsersGet503() throws Exception {
        ldap.stop();
        try {
            // Past the 2 s cache, a directory user is asked for again and the directory does not answer.
            for (String uid : new String[] {"alice", "sam"}) {
                ApiCall.Reply r = awaitStatus(() -> me(uid), 503);
                assertThat(r.json().get("error").asText()).startsWith("directory unavailable");
                assertThat(r.header("Retry-After")).isNotNull();
            }
            assertThat(me(f.port, "netadmin", "netadmin").status()).isEqualTo(200);
            assertThat(f.get("/health").send().status()).isEqualTo(200);
        } finally {
            ldap.start();
        }
        awaitRole(() -> me("alice"), "netadmin");
    }
}
