package porttracer.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import porttracer.config.Settings;
import porttracer.store.Database;

/**
 * deploy/postgres/porttracer-role.sql run with psql on the real PostgreSQL: PortTracer migrates and runs as that
 * role, which can do nothing outside its own database.
 */
class PostgresRoleTest {

    @Test
    void portTracerRunsAsTheLeastPrivilegeRole() throws Exception {
        String suffix = Long.toString(System.nanoTime() & 0xffffffL, 36).toLowerCase(Locale.ROOT);
        String role = "pt_role_" + suffix;
        String db = "pt_db_" + suffix;
        String password = TestEnv.plantedSecret();
        Settings test = TestEnv.settings(java.util.Map.of());
        String base = test.get("db.url").substring(0, test.get("db.url").lastIndexOf('/') + 1);
        try {
            Process p = new ProcessBuilder(List.of("psql", "-h", "127.0.0.1", "-U", "postgres", "-d", "postgres",
                    "-v", "ON_ERROR_STOP=1", "-v", "role=" + role, "-v", "db=" + db, "-v", "password=" + password,
                    "-f", Repo.root().resolve("deploy/postgres/porttracer-role.sql").toString()))
                    .redirectErrorStream(true).redirectOutput(Path.of(System.getProperty("java.io.tmpdir"), db + ".out").toFile())
                    .start();
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as("psql -f deploy/postgres/porttracer-role.sql").isZero();

            Settings s = test.with("db.url", base + db).with("db.user", role).with("db.password", password);
            try (Database d = Database.open(porttracer.config.DbConfig.from(s)); Connection c = d.dataSource().getConnection(); Statement st = c.createStatement()) {
                try (ResultSet rs = st.executeQuery("select count(*) from flyway_schema_history where success")) {
                    rs.next();
                    assertThat(rs.getInt(1)).as("migrations applied as the role").isPositive();
                }
                try (ResultSet rs = st.executeQuery("select rolsuper, rolcreatedb, rolcreaterole from pg_roles where rolname = current_user")) {
                    rs.next();
                    assertThat(List.of(rs.getBoolean(1), rs.getBoolean(2), rs.getBoolean(3))).containsOnly(false);
                }
                assertThatThrownBy(() -> st.execute("create database " + db + "_more")).isInstanceOf(SQLException.class);
                assertThatThrownBy(() -> st.execute("create role " + role + "_more")).isInstanceOf(SQLException.class);
            }
            // Not another database's tables: the suite's own database refuses the role's queries on its tables.
            try (Connection other = DriverManager.getConnection(test.get("db.url"), role, password);
                 Statement st = other.createStatement()) {
                assertThatThrownBy(() -> st.executeQuery("select * from app_user")).isInstanceOf(SQLException.class);
            } catch (SQLException refusedToConnect) {
                // Refusing the connection altogether is as good.
            }
        } finally {
            try (Connection admin = DriverManager.getConnection(base + "postgres", "postgres", "");
                 Statement st = admin.createStatement()) {
                st.execute("drop database if exists " + db + " with (force)");
                st.execute("drop role if exists " + role);
            }
            java.nio.file.Files.deleteIfExists(Path.of(System.getProperty("java.io.tmpdir"), db + ".out"));
        }
    }
}
