package porttracer.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import porttracer.config.Settings;
import porttracer.search.Role;
import porttracer.search.Users;
import porttracer.store.Database;
import porttracer.store.UserStore;

/**
 * A remembered password is renewed after its minute without bcrypt while the user's row is unchanged, and
 * refused as soon as the password changed (on another node too) or the user was disabled.
 */
class PasswordRenewalTest {

    private static final long MINUTE = 61_000_000_000L;

    @Test
    void anUnchangedRowRenewsWithoutBcryptAndAChangeOrADisableIsRefused() throws Exception {
        Settings s = TestEnv.settings(Map.of());
        Scratch.resetDatabase(s);
        try (Database db = Database.open(porttracer.config.DbConfig.from(s))) {
            AtomicLong clock = new AtomicLong(0);
            Users users = new Users(db.dataSource(), clock::get);
            users.put("alice", "first-password", Role.NETADMIN);
            assertThat(users.login("alice", "first-password").user()).isNotNull();
            assertThat(users.hashChecks()).isEqualTo(1);
            assertThat(users.login("alice", "first-password").checked()).isFalse();

            clock.addAndGet(MINUTE);
            Users.Login renewed = users.login("alice", "first-password");
            assertThat(renewed.user()).isEqualTo(new Users.User("alice", Role.NETADMIN));
            assertThat(renewed.checked()).isTrue();
            assertThat(users.hashChecks()).as("renewed from the unchanged row").isEqualTo(1);

            // Another API node changes the password: this node's memory is not told, the row is.
            new Users(db.dataSource()).put("alice", "second-password", Role.OSS);
            clock.addAndGet(MINUTE);
            assertThat(users.login("alice", "first-password").user()).isNull();
            assertThat(users.hashChecks()).isEqualTo(2);
            assertThat(users.login("alice", "second-password").user()).isEqualTo(new Users.User("alice", Role.OSS));

            new UserStore(db.dataSource()).disable("alice");
            clock.addAndGet(MINUTE);
            assertThat(users.login("alice", "second-password").user()).isNull();
        }
    }
}
