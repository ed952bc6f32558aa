package porttracer.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import porttracer.config.DbConfig;

/** The PostgreSQL pool, with the schema migrated by Flyway before anyone uses it. */
public final class Database implements AutoCloseable {

    private final HikariDataSource dataSource;
    private final DbConfig config;
    private HikariDataSource schedulerPool;

    private Database(HikariDataSource dataSource, DbConfig config) {
        this.dataSource = dataSource;
        this.config = config;
    }

    public static Database open(DbConfig config) {
        HikariDataSource ds = new HikariDataSource(hikari(config, "porttracer-db", config.poolSize()));
        try {
            Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        } catch (RuntimeException e) {
            ds.close();
            throw e;
        }
        return new Database(ds, config);
    }

    private static HikariConfig hikari(DbConfig config, String name, int size) {
        HikariConfig cfg = new HikariConfig();
        cfg.setJdbcUrl(config.url());
        cfg.setUsername(config.user());
        cfg.setPassword(config.password());
        cfg.setMaximumPoolSize(size);
        cfg.setPoolName(name);
        // Start even while PostgreSQL is down; connections are retried on use.
        cfg.setInitializationFailTimeout(-1);
        cfg.setConnectionTimeout(5_000);
        return cfg;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /**
     * Quartz's own pool. Every Quartz transaction holds the cluster's one lock row, so the WAL
     * flush at each commit is what caps polls per second; these connections commit without
     * waiting for it. A PostgreSQL crash can then lose the last fraction of a second of
     * scheduler state, which Quartz replays as one more poll of a few switches: harmless, unlike
     * the inventory, users and audit rows, which keep the main pool's durable commits.
     */
    public synchronized DataSource schedulerDataSource() {
        if (schedulerPool == null) {
            HikariConfig cfg = hikari(config, "porttracer-quartz", config.schedulerPoolSize());
            cfg.setConnectionInitSql("SET synchronous_commit = off");
            schedulerPool = new HikariDataSource(cfg);
        }
        return schedulerPool;
    }

    public boolean isReachable() {
        try (var c = dataSource.getConnection(); var st = c.createStatement()) {
            return st.execute("select 1");
        } catch (Exception e) {
            return false;
        }
    }

    @Override
    public synchronized void close() {
        if (schedulerPool != null) {
            schedulerPool.close();
        }
        dataSource.close();
    }
}
