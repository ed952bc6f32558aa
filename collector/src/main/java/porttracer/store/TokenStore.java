package porttracer.store;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** API tokens in PostgreSQL, by the SHA-256 of the secret (never the secret). */
public final class TokenStore {

    /** A token as its owner sees it listed. */
    public record Token(int id, String name, Instant createdAt, Instant expiresAt, Instant lastUsedAt, boolean revoked) {
    }

    /** A valid token's owner; {@code role} null for a directory user ({@code name@ldap}), who has no local row. */
    public record Owner(String username, String role) {
    }

    private final DataSource db;

    public TokenStore(DataSource db) {
        this.db = db;
    }

    /** Stores a token's hash; returns its id. */
    public int create(String username, String name, byte[] hash, Instant expires) {
        return Sql.id(db, "creating a token for " + username, null,
                "insert into api_token(username, name, token_hash, expires_at) values (?, ?, ?, ?) returning id",
                username, name, hash, expires == null ? null : Timestamp.from(expires));
    }

    /** The owner of the enabled, unexpired, unrevoked token with this hash; marks it used (at most once a minute). */
    public Optional<Owner> use(byte[] hash) {
        return Sql.first(db, "checking a token", """
                with valid as (
                    select t.id, t.last_used_at, t.username, u.role from api_token t left join app_user u on u.username = t.username
                     where t.token_hash = ? and (u.enabled or (u.username is null and t.username like '%@ldap'))
                       and t.revoked_at is null
                       and (t.expires_at is null or t.expires_at > now())),
                touched as (
                    update api_token set last_used_at = now() where id in (select id from valid
                     where last_used_at is null or last_used_at < now() - interval '1 minute'))
                select username, role from valid""", rs -> new Owner(rs.getString(1), rs.getString(2)), hash);
    }

    /** The user's tokens, oldest first. */
    public List<Token> list(String username) {
        return Sql.list(db, "listing tokens of " + username,
                "select id, name, created_at, expires_at, last_used_at, revoked_at from api_token where username = ? order by id",
                rs -> new Token(rs.getInt(1), rs.getString(2), Sql.instant(rs.getTimestamp(3)),
                        Sql.instant(rs.getTimestamp(4)), Sql.instant(rs.getTimestamp(5)), rs.getTimestamp(6) != null),
                username);
    }

    /** Revokes token {@code id} of {@code username} (of anyone when {@code anyOwner}); false when there is none. */
    public boolean revoke(int id, String username, boolean anyOwner) {
        return Sql.update(db, "revoking token " + id, null,
                "update api_token set revoked_at = now() where id = ? and revoked_at is null and (username = ? or ?)",
                id, username, anyOwner) == 1;
    }
}
