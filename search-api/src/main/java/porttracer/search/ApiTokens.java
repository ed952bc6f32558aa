package porttracer.search;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import porttracer.store.TokenStore;

/**
 * Per-user API tokens for scripts (HTTP {@code Authorization: Bearer pt_...}). A token is 32 random
 * bytes shown once; PostgreSQL keeps only its SHA-256, so a database leak yields no usable token.
 */
public final class ApiTokens {

    static final String PREFIX = "pt_";

    private final TokenStore store;
    private final SecureRandom random = new SecureRandom();

    public ApiTokens(DataSource db) {
        this.store = new TokenStore(db);
    }

    /** Creates a token; the returned map holds the secret, which is never shown again. */
    public Map<String, Object> create(String username, String name, Duration ttl) {
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant expires = ttl == null ? null : Instant.now().plus(ttl);
        int id = store.create(username, name, Users.sha256(token), expires);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", id);
        out.put("name", name);
        out.put("token", token);
        out.put("expiresAt", expires == null ? null : expires.toString());
        return out;
    }

    /** The token's enabled, unexpired, unrevoked owner; a directory user's ({@code name@ldap}) has a null role. */
    public Optional<Users.User> verify(String token) {
        if (!token.startsWith(PREFIX) || token.length() > 100) {
            return Optional.empty();
        }
        // last_used_at is written at most once a minute per token, not on every request.
        // A directory user's token has no local role: the caller asks the directory for the current one.
        return store.use(Users.sha256(token)).map(o -> new Users.User(o.username(), o.role() == null ? null
                : Role.of(o.role())));
    }

    /** The user's tokens, without secrets. */
    public List<Map<String, Object>> list(String username) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (TokenStore.Token tk : store.list(username)) {
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("id", tk.id());
            t.put("name", tk.name());
            t.put("createdAt", time(tk.createdAt()));
            t.put("expiresAt", time(tk.expiresAt()));
            t.put("lastUsedAt", time(tk.lastUsedAt()));
            t.put("revoked", tk.revoked());
            out.add(t);
        }
        return out;
    }

    /** Revokes one of the user's tokens (any user's for a superadmin); false when there is none. */
    public boolean revoke(int id, Users.User by) {
        return store.revoke(id, by.username(), by.role() == Role.SUPERADMIN);
    }

    private static String time(Instant t) {
        return t == null ? null : t.toString();
    }
}
