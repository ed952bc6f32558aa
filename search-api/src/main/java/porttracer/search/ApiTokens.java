package porttracer.search;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import porttracer.store.StoreException;

/**
 * Per-user API tokens for scripts (HTTP {@code Authorization: Bearer pt_...}). A token is 32 random
 * bytes shown once; PostgreSQL keeps only its SHA-256, so a database leak yields no usable token.
 */
public final class ApiTokens {

    static final String PREFIX = "pt_";

    private final DataSource db;
    private final SecureRandom random = new SecureRandom();

    public ApiTokens(DataSource db) {
        this.db = db;
    }

    /** Creates a token; the returned map holds the secret, which is never shown again. */
    public Map<String, Object> create(String username, String name, Duration ttl) {
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant expires = ttl == null ? null : Instant.now().plus(ttl);
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "insert into api_token(username, name, token_hash, expires_at) values (?, ?, ?, ?) returning id")) {
            ps.setString(1, username);
            ps.setString(2, name);
            ps.setBytes(3, Users.sha256(token));
            ps.setTimestamp(4, expires == null ? null : Timestamp.from(expires));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("id", rs.getInt(1));
                out.put("name", name);
                out.put("token", token);
                out.put("expiresAt", expires == null ? null : expires.toString());
                return out;
            }
        } catch (SQLException e) {
            throw new StoreException("creating a token for " + username, e);
        }
    }

    /** The token's enabled, unexpired, unrevoked owner; a directory user's ({@code name@ldap}) has a null role. */
    public Optional<Users.User> verify(String token) {
        if (!token.startsWith(PREFIX) || token.length() > 100) {
            return Optional.empty();
        }
        // last_used_at is written at most once a minute per token, not on every request.
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement("""
                with valid as (
                    select t.id, t.last_used_at, t.username, u.role from api_token t left join app_user u on u.username = t.username
                     where t.token_hash = ? and (u.enabled or (u.username is null and t.username like '%@ldap'))
                       and t.revoked_at is null
                       and (t.expires_at is null or t.expires_at > now())),
                touched as (
                    update api_token set last_used_at = now() where id in (select id from valid
                     where last_used_at is null or last_used_at < now() - interval '1 minute'))
                select username, role from valid""")) {
            ps.setBytes(1, Users.sha256(token));
            try (ResultSet rs = ps.executeQuery()) {
                // A directory user's token has no local role: the caller asks the directory for the current one.
                return rs.next() ? Optional.of(new Users.User(rs.getString(1), rs.getString(2) == null ? null
                        : Role.of(rs.getString(2)))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("checking a token", e);
        }
    }

    /** The user's tokens, without secrets. */
    public List<Map<String, Object>> list(String username) {
        List<Map<String, Object>> out = new ArrayList<>();
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select id, name, created_at, expires_at, last_used_at, revoked_at from api_token where username = ? order by id")) {
            ps.setString(1, username);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Map<String, Object> t = new LinkedHashMap<>();
                    t.put("id", rs.getInt(1));
                    t.put("name", rs.getString(2));
                    t.put("createdAt", time(rs.getTimestamp(3)));
                    t.put("expiresAt", time(rs.getTimestamp(4)));
                    t.put("lastUsedAt", time(rs.getTimestamp(5)));
                    t.put("revoked", rs.getTimestamp(6) != null);
                    out.add(t);
                }
            }
        } catch (SQLException e) {
            throw new StoreException("listing tokens of " + username, e);
        }
        return out;
    }

    /** Revokes one of the user's tokens (any user's for a superadmin); false when there is none. */
    public boolean revoke(int id, Users.User by) {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "update api_token set revoked_at = now() where id = ? and revoked_at is null and (username = ? or ?)")) {
            ps.setInt(1, id);
            ps.setString(2, by.username());
            ps.setBoolean(3, by.role() == Role.SUPERADMIN);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new StoreException("revoking token " + id, e);
        }
    }

    private static String time(Timestamp t) {
        return t == null ? null : t.toInstant().toString();
    }
}
