package porttracer.store;

import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** Local API users in PostgreSQL: name, password hash (never the password), role id, enabled. */
public final class UserStore {

    /** A user as listed, without the password hash. */
    public record Account(String username, String role, boolean enabled) {
    }

    /** An enabled user's password hash and role, for a password check. */
    public record Login(String passwordHash, String role) {
    }

    private final DataSource db;

    public UserStore(DataSource db) {
        this.db = db;
    }

    /** Adds the user or replaces their hash and role. */
    public void put(String username, String passwordHash, String role) {
        Sql.update(db, "saving user " + username, null, "insert into app_user(username, password_hash, role) values (?, ?, ?) "
                + "on conflict (username) do update set password_hash = excluded.password_hash, role = excluded.role",
                username, passwordHash, role);
    }

    /** The enabled user's hash and role; empty when unknown or disabled. */
    public Optional<Login> enabled(String username) {
        return Sql.first(db, "checking user " + username,
                "select password_hash, role from app_user where username = ? and enabled",
                rs -> new Login(rs.getString(1), rs.getString(2)), username);
    }

    public List<Account> list() {
        return Sql.list(db, "listing users", "select username, role, enabled from app_user order by username",
                rs -> new Account(rs.getString(1), rs.getString(2), rs.getBoolean(3)));
    }

    /** False when there is no such user. */
    public boolean disable(String username) {
        return Sql.update(db, "changing user " + username, null,
                "update app_user set enabled = false where username = ?", username) > 0;
    }

    /** False when there is no such user. */
    public boolean delete(String username) {
        return Sql.update(db, "changing user " + username, null, "delete from app_user where username = ?", username) > 0;
    }
}
