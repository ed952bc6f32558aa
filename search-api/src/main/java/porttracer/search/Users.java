package porttracer.search;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;
import javax.sql.DataSource;
import porttracer.store.UserStore;

/**
 * Local users with bcrypt-hashed passwords. A successful check is remembered for a minute as a
 * SHA-256 of the password, so that HTTP Basic clients do not pay bcrypt's cost on every request.
 * When the minute is up, the same password is renewed by reading the user's row: unchanged hash,
 * still enabled, costs one query and no bcrypt; a changed password or a disabled user is refused
 * as before, within the minute.
 */
public final class Users {

    public record User(String username, Role role) {
    }

    /** The outcome of a password check; {@code checked} is false when a recent success was reused. */
    public record Login(User user, boolean checked) {
    }

    private record Verified(byte[] passwordDigest, String passwordHash, User user, long expiresAtNanos) {
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

    private final UserStore store;
    private final ConcurrentHashMap<String, Verified> recent = new ConcurrentHashMap<>();
    private final LongSupplier nanoClock;
    private final LongAdder hashChecks = new LongAdder();

    public Users(DataSource db) {
        this(db, System::nanoTime);
    }

    /** With its own clock, so that a test can let the remembered minute pass. */
    public Users(DataSource db, LongSupplier nanoClock) {
        this.store = new UserStore(db);
        this.nanoClock = nanoClock;
    }

    /** How many bcrypt checks ran (the dummy one for an unknown user included). */
    public long hashChecks() {
        return hashChecks.sum();
    }

    public void put(String username, String password, Role role) {
        store.put(username, BCrypt.withDefaults().hashToString(COST, password.toCharArray()), role.id());
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
            if (cached != null) {
                return cached;
            }
            Login renewed = renewed(username, digest);
            return renewed != null ? renewed : check(username, password, digest);
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
        if (v != null && v.expiresAtNanos - nanoClock.getAsLong() > 0 && MessageDigest.isEqual(v.passwordDigest, digest)) {
            return new Login(v.user, false);
        }
        return null;
    }

    /**
     * An expired success of this same password, renewed when the user's row still holds the hash it was checked
     * against: bcrypt would only say yes again. Counted as a check (audited like one), since the row was read.
     */
    private Login renewed(String username, byte[] digest) {
        Verified v = recent.get(username);
        if (v == null || !MessageDigest.isEqual(v.passwordDigest, digest)) {
            return null;
        }
        UserStore.Login row = store.enabled(username).orElse(null);
        if (row == null || !row.passwordHash().equals(v.passwordHash)) {
            recent.remove(username);
            return null;
        }
        User user = new User(username, Role.of(row.role()));
        recent.put(username, new Verified(digest, row.passwordHash(), user, nanoClock.getAsLong() + CACHE_NANOS));
        return new Login(user, true);
    }

    private Login check(String username, String password, byte[] digest) {
        UserStore.Login row = store.enabled(username).orElse(null);
        hashChecks.increment();
        if (row == null) {
            // Same cost as a wrong password, so that response time does not tell which users exist.
            BCrypt.verifyer().verify(password.toCharArray(), DUMMY_HASH);
            return new Login(null, true);
        }
        if (!BCrypt.verifyer().verify(password.toCharArray(), row.passwordHash()).verified) {
            return new Login(null, true);
        }
        User user = new User(username, Role.of(row.role()));
        recent.put(username, new Verified(digest, row.passwordHash(), user, nanoClock.getAsLong() + CACHE_NANOS));
        return new Login(user, true);
    }

    /** Users without their password hashes, for superadmins. */
    public List<Map<String, Object>> list() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (UserStore.Account a : store.list()) {
            out.add(Map.of("username", a.username(), "role", a.role(), "enabled", a.enabled()));
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
