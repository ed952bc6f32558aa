package porttracer.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import porttracer.search.ApiConfig;
import porttracer.search.ApiServer;

/** Logins (Basic, Bearer tokens), lockout by user and client address, and the audit log. */
class AccountApiTest extends ApiScenario {

    @Test
    void tokensAuthenticateUntilRevokedAndAreNeverShownAgain() throws Exception {
        ApiCall.Reply created = post("/api/v1/tokens", "netadmin", Map.of("name", "script", "ttlDays", 30));
        assertThat(created.status()).isEqualTo(201);
        String token = created.json().get("token").asText();
        assertThat(token).startsWith("pt_");
        JsonNode me = f.get("/api/v1/me").bearer(token).send().json();
        assertThat(me.get("username").asText()).isEqualTo("netadmin");
        assertThat(me.get("role").asText()).isEqualTo("netadmin");
        assertThat(f.get("/api/v1/tokens").as("netadmin").send().text()).doesNotContain(token).contains("script");
        int id = created.json().get("id").asInt();
        assertThat(f.call("DELETE", "/api/v1/tokens/" + id).as("oss").send().status()).isEqualTo(404);
        assertThat(f.call("DELETE", "/api/v1/tokens/" + id).bearer(token).send().status()).isEqualTo(204);
        assertThat(f.get("/api/v1/me").bearer(token).send().status()).isEqualTo(401);
        assertThat(f.get("/api/v1/me").bearer("pt_forged").send().status()).isEqualTo(401);
        try (Connection c = db(); ResultSet rs = c.createStatement().executeQuery("select token_hash from api_token")) {
            while (rs.next()) {
                assertThat(new String(rs.getBytes(1), java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("pt_");
            }
        }
    }

    @Test
    void repeatedWrongPasswordsLockTheUserOutFromThatAddress() throws Exception {
        f.pt.api().users().put("victim", "right-password", porttracer.search.Role.OSS);
        for (int i = 0; i < 3; i++) {
            assertThat(f.get("/api/v1/me").as("victim", "wrong" + i).send().status()).isEqualTo(401);
        }
        ApiCall.Reply locked = f.get("/api/v1/me").as("victim", "right-password").send();
        assertThat(locked.status()).isEqualTo(429);
        assertThat(Integer.parseInt(locked.header("Retry-After"))).isBetween(1, 30);
        assertThat(locked.json().get("error").asText()).contains("too many failed logins");
        // Others are not affected.
        assertThat(f.get("/api/v1/me").as("oss").send().status()).isEqualTo(200);
        awaitAudit("victim", "login", "throttled");
        awaitAudit("victim", "login", "failed");
    }

    @Test
    void pageRequestsGetNoBrowserLoginDialog() throws Exception {
        assertThat(f.get("/api/v1/me").send().header("WWW-Authenticate")).contains("Basic");
        assertThat(f.get("/api/v1/me").header("X-Requested-With", "fetch").send().header("WWW-Authenticate")).isNull();
    }

    @Test
    void forwardedForFromAnUntrustedPeerDoesNotEscapeTheLockout() throws Exception {
        // No trusted proxy here: the header is the client's own claim, so lockout keeps counting the peer.
        f.pt.api().users().put("spoofer", "right-password", porttracer.search.Role.OSS);
        for (int i = 0; i < 3; i++) {
            assertThat(f.get("/api/v1/me").as("spoofer", "wrong" + i).header("X-Forwarded-For", "203.0.113." + (i + 1))
                    .send().status()).isEqualTo(401);
        }
        ApiCall.Reply locked = f.get("/api/v1/me").as("spoofer", "right-password")
                .header("X-Forwarded-For", "203.0.113.99").send();
        assertThat(locked.status()).as(locked.text()).isEqualTo(429);
        assertThat(auditedAddresses("spoofer", "failed")).containsOnly("127.0.0.1");
    }

    @Test
    void behindATrustedProxyEachForwardedClientHasItsOwnLockoutAndAuditAddress() throws Exception {
        var settings = f.pt.settings().with("api.trusted-proxies", "127.0.0.0/8");
        try (ApiServer api = new ApiServer(ApiConfig.from(settings), f.pt.db(), f.pt.elastic(), f.pt.inventory(),
                f.pt.liveVerifier(), f.pt.alertStore(), f.pt.alerts(), new PrometheusRegistry()).start("127.0.0.1", 0)) {
            f.pt.api().users().put("proxied", "right-password", porttracer.search.Role.OSS);
            for (int i = 0; i < 3; i++) {
                assertThat(ApiCall.get(api.port(), "/api/v1/me").as("proxied", "wrong" + i)
                        .header("X-Forwarded-For", "198.51.100.7").send().status()).isEqualTo(401);
            }
            assertThat(ApiCall.get(api.port(), "/api/v1/me").as("proxied", "right-password")
                    .header("X-Forwarded-For", "198.51.100.7").send().status()).isEqualTo(429);
            // Another client behind the same proxy is not locked out by the first one's failures.
            assertThat(ApiCall.get(api.port(), "/api/v1/me").as("proxied", "right-password")
                    .header("X-Forwarded-For", "198.51.100.8").send().status()).isEqualTo(200);
            assertThat(auditedAddresses("proxied", "failed")).containsOnly("198.51.100.7");
        }
    }

    /** The client addresses the audit log recorded for a user's logins with this result (waits for the writer). */
    private static List<String> auditedAddresses(String user, String result) throws Exception {
        awaitAudit(user, "login", result);
        List<String> out = new ArrayList<>();
        try (Connection c = db(); var ps = c.prepareStatement(
                "select remote_addr from audit_log where username = ? and action = 'login' and result = ?")) {
            ps.setString(1, user);
            ps.setString(2, result);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    @Test
    void tracesSearchesExportsInventoryChangesAndDenialsAreAudited() throws Exception {
        f.get("/api/v1/trace?mac=" + host.mac()).as("netadmin").send();
        f.get("/api/v1/search?q=printer").as("netadmin").send();
        f.call("POST", "/api/v1/trace/batch").as("netadmin").json(Map.of("macs", List.of(host.mac().toString()))).send();
        f.call("POST", "/api/v1/sites").as("superadmin").json(Map.of("name", "audited")).send();
        f.get("/api/v1/sites").as("oss").send();
        awaitAudit("netadmin", "trace", "ok");
        awaitAudit("netadmin", "search", null);
        awaitAudit("netadmin", "export", "ok");
        awaitAudit("superadmin", "inventory", "ok");
        awaitAudit("oss", "denied", "forbidden");
        awaitAudit("netadmin", "login", "ok");
        JsonNode denied = f.get("/api/v1/audit?user=oss&action=denied").as("superadmin").send().json();
        assertThat(denied.get(0).get("detail").asText()).isEqualTo("GET /api/v1/sites");
        assertThat(denied.get(0).get("remoteAddr").asText()).isEqualTo("127.0.0.1");
        assertThat(f.get("/api/v1/audit").as("netadmin").send().status()).isEqualTo(403);
    }
}
