package porttracer.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import porttracer.config.Settings;
import porttracer.search.Users;

/**
 * First run: the collector and API roles create no user at all, and ./porttracer user add|list|disable|delete
 * manages accounts with the password from standard input or PORTTRACER_USER_PASSWORD, never argv.
 */
class UserCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int user(DataSource db, Map<String, String> env, String stdin, String... args) throws Exception {
        out.reset();
        err.reset();
        return UserCommand.run(List.of(args), db, env, new BufferedReader(new StringReader(stdin)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private static porttracer.store.Database emptyDatabase() throws Exception {
        Settings s = TestEnv.settings(Map.of());
        Scratch.resetDatabase(s);
        return porttracer.store.Database.open(porttracer.config.DbConfig.from(s));
    }

    @Test
    void theCollectorAndApiRolesCreateNoDefaultUser(@TempDir Path dir) throws Exception {
        Settings s = TestEnv.settings(Map.of("spool.dir", dir.resolve("spool").toString(), "poll.interval", "3600"));
        Scratch.resetDatabase(s);
        try (PortTracer pt = new PortTracer(s)) {
            pt.startCollector();
            Http http = new Http(pt.startApi("127.0.0.1", 0).port());
            try (Connection c = pt.db().dataSource().getConnection(); ResultSet rs = c.createStatement()
                    .executeQuery("select count(*) from app_user")) {
                rs.next();
                assertThat(rs.getInt(1)).isZero();
            }
            for (String u : List.of("netadmin", "oss", "superadmin", "admin")) {
                assertThat(http.get("/api/v1/me", u, u).status()).as(u).isEqualTo(401);
            }
            TestEnv.deleteIndices(pt.elastic());
        }
    }

    @Test
    void usersAreAddedListedDisabledAndDeleted() throws Exception {
        try (porttracer.store.Database db = emptyDatabase()) {
            DataSource ds = db.dataSource();
            Users users = new Users(ds);
            String password = TestEnv.plantedSecret() + "-first";
            assertThat(user(ds, Map.of(), password + "\n", "add", "alice", "--role", "superadmin")).isZero();
            assertThat(out.toString()).contains("alice").doesNotContain(password);
            assertThat(users.authenticate("alice", password)).isPresent();
            assertThat(users.authenticate("alice", password).get().role().id()).isEqualTo("superadmin");

            String envPassword = TestEnv.plantedSecret() + "-env";
            assertThat(user(ds, Map.of(UserCommand.PASSWORD_ENV, envPassword), "", "add", "bob", "--role", "oss")).isZero();
            assertThat(users.authenticate("bob", envPassword)).isPresent();

            assertThat(user(ds, Map.of(), "", "list")).isZero();
            assertThat(out.toString()).contains("alice").contains("superadmin").contains("bob").contains("oss")
                    .doesNotContain(password);

            assertThat(user(ds, Map.of(), "", "disable", "bob")).isZero();
            // A fresh reader, as a node started now: running ones keep a verified login for up to a minute.
            assertThat(new Users(ds).authenticate("bob", envPassword)).isEmpty();
            assertThat(user(ds, Map.of(), "", "list")).isZero();
            assertThat(out.toString()).containsPattern("bob\\s+oss\\s+disabled");

            assertThat(user(ds, Map.of(), "", "delete", "bob")).isZero();
            assertThat(user(ds, Map.of(), "", "list")).isZero();
            assertThat(out.toString()).doesNotContain("bob");
            assertThat(user(ds, Map.of(), "", "delete", "bob")).isEqualTo(2);
            assertThat(err.toString()).contains("no user bob");
        }
    }

    @Test
    void badInputIsRefusedWithAClearMessage() throws Exception {
        try (porttracer.store.Database db = emptyDatabase()) {
            DataSource ds = db.dataSource();
            // A password on the command line is not a form the command accepts.
            assertThat(user(ds, Map.of(), "", "add", "carol", "--role", "oss", "--password", "x")).isEqualTo(2);
            assertThat(err.toString()).contains("usage");
            assertThat(user(ds, Map.of(), "", "add", "carol", "--role", "root")).isEqualTo(2);
            assertThat(err.toString()).contains("unknown role root");
            assertThat(user(ds, Map.of(), "", "add", "carol", "--role", "oss")).isEqualTo(2);
            assertThat(err.toString()).contains("no password");
            assertThat(user(ds, Map.of(), "short\n", "add", "carol", "--role", "oss")).isEqualTo(2);
            assertThat(err.toString()).contains("at least 10");
            assertThat(user(ds, Map.of(), "é".repeat(40) + "\n", "add", "carol", "--role", "oss")).isEqualTo(2);
            assertThat(err.toString()).contains("at most 72 bytes");
            assertThat(user(ds, Map.of(), "long-enough-pass\n", "add", "bad name;", "--role", "oss")).isEqualTo(2);
            assertThat(err.toString()).contains("user name");
            assertThat(new Users(ds).list()).isEmpty();
        }
    }
}
