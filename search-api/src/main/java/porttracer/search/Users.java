package porttracer.search;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import porttracer.store.StoreException;

/**
 * Local users with bcrypt-hashed passwords. A successful check is remembered for a minute as a
 * SHA-256 of the password, so that HTTP Basic clients do not pay bcrypt's cost on every request.
 */
public final class Users {

    public record User(String username, Role role) {
    }

    /** The outcome of a password check; {@code checked} is false when a recent success was reused. */
    public record Login(User user, boolean checked) {
    }

    private record Verified(byte[] passwordDigest, User user, long expiresAtNanos) {
    }

    private static final int COST = 10;
    private static final long CACHE_NANOS = 60_000_000_000L;

    private static final char[] DUMMY_HASH =
            BCrypt.withDefaults().hashToChar(COST, "not a password".toCharArray());

    private static final Object[] STRIPES = new Object[64];

    static {
        for (int i = 0; i < STRIPES.length; i++) {
            STRIPES[i] = new Object();
        }
    }

    private final DataSource db;
    private final ConcurrentHashMap<String, Verified> recent = new ConcurrentHashMap<>();

    public Users(DataSource db) {
        this.db = db;
    }

    public void put(String username, String password, Role role) {
        String hash = BCrypt.withDefaults().hashToString(COST, password.toCharArray());
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "insert into app_user(username, password_hash, role) values (?, ?, ?) "
                        + "on conflict (username) do update set password_hash = excluded.password_hash, role = excluded.role")) {
            ps.setString(1, username);
            ps.setString(2, hash);
            ps.setString(3, role.id());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("saving user " + username, e);
        }
        recent.remove(username);
    }

    public Optional<User> authenticate(String username, String password) {
        return Optional.ofNullable(login(username, password).user());
    }

    /** Checks a password; the user is null when it is wrong or the user unknown or disabled. */
    public Login login(String username, String password) {
        byte[] digest = sha256(password);
        Login cached = cached(username, digest);
        if (cached != null) {
            return cached;
        }
        // When a user's entry expires under load, one request pays bcrypt and the others wait for
        // its answer instead of all hashing at once (the benchmark's p99.9 at 32 clients).
        synchronized (STRIPES[Math.floorMod(username.hashCode(), STRIPES.length)]) {
            cached = cached(username, digest);
            return cached != null ? cached : check(username, password, digest);
        }
    }

    /** A success of the last minute for this user and password, or null: a check that costs no hash. */
    Login recentLogin(String username, String password) {
        return cached(username, sha256(password));
    }

    /** bcrypt reads at most 72 bytes of a password; longer ones are refused rather than silently cut. */
    public static boolean fitsBcrypt(String password) {
        return password.getBytes(StandardCharsets.UTF_8).length <= 72;
    }

    private Login cached(String username, byte[] digest) {
        Verified v = recent.get(username);
        if (v != null && v.expiresAtNanos - System.nanoTime() > 0 && MessageDigest.isEqual(v.passwordDigest, digest)) {
            return new Login(v.user, false);
        }
        return null;
    }

    private Login check(String username, String password, byte[] digest) {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select password_hash, role from app_user where username = ? and enabled")) {
            ps.setString(1, username);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    // Same cost as a wrong password, so that response time does not tell which users exist.
                    BCrypt.verifyer().verify(password.toCharArray(), DUMMY_HASH);
                    return new Login(null, true);
                }
                boolean ok = BCrypt.verifyer().verify(password.toCharArray(), rs.getString(1)).verified;
                if (!ok) {
                    return new Login(null, true);
                }
                User user = new User(username, Role.of(rs.getString(2)));
                recent.put(username, new Verified(digest, user, System.nanoTime() + CACHE_NANOS));
                return new Login(user, true);
            }
        } catch (SQLException e) {
            throw new StoreException("checking user " + username, e);
        }
    }

    /** Users without their password hashes, for superadmins. */
    public List<Map<String, Object>> list() {
        List<Map<String, Object>> out = new ArrayList<>();
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select username, role, enabled from app_user order by username");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(Map.of("username", rs.getString(1), "role", rs.getString(2), "enabled", rs.getBoolean(3)));
            }
        } catch (SQLException e) {
            throw new StoreException("listing users", e);
        }
        return out;
    }

    static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
