package porttracer.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import porttracer.config.Settings;

/** The PostgreSQL pool, with the schema migrated by Flyway before anyone uses it. */
public final class Database implements AutoCloseable {

    private final HikariDataSource dataSource;

    private Database(HikariDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public static Database open(Settings settings) {
        HikariConfig cfg = new HikariConfig();
        cfg.setJdbcUrl(settings.get("db.url"));
        cfg.setUsername(settings.get("db.user"));
        cfg.setPassword(settings.get("db.password"));
        cfg.setMaximumPoolSize(settings.getInt("db.pool-size"));
        cfg.setPoolName("porttracer-db");
        // Start even while PostgreSQL is down; connections are retried on use.
        cfg.setInitializationFailTimeout(-1);
        cfg.setConnectionTimeout(5_000);
        HikariDataSource ds = new HikariDataSource(cfg);
        try {
            Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        } catch (RuntimeException e) {
            ds.close();
            throw e;
        }
        return new Database(ds);
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public boolean isReachable() {
        try (var c = dataSource.getConnection(); var st = c.createStatement()) {
            return st.execute("select 1");
        } catch (Exception e) {
            return false;
        }
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
