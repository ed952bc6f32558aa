package db.migration;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Statement;
import java.util.Locale;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Creates Quartz's JDBC job store tables from the DDL that ships inside the quartz jar, so the
 * schema always matches the Quartz version on the classpath instead of a hand-kept copy.
 */
public class V2__quartz_tables extends BaseJavaMigration {
    @Override
    public void migrate(Context context) throws Exception {
        String ddl;
        // By name, not through a Quartz class: the store module has Quartz at run time only (the API never schedules).
        try (InputStream in = V2__quartz_tables.class.getClassLoader().getResourceAsStream(
                "org/quartz/impl/jdbcjobstore/tables_postgres.sql")) {
            if (in == null) {
                throw new IOException("tables_postgres.sql is missing from the quartz jar");
            }
            ddl = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        StringBuilder clean = new StringBuilder();
        for (String line : ddl.split("\n")) {
            if (!line.strip().startsWith("--")) {
                clean.append(line).append('\n');
            }
        }
        try (Statement st = context.getConnection().createStatement()) {
            for (String sql : clean.toString().split(";")) {
                String s = sql.strip();
                String lower = s.toLowerCase(Locale.ROOT);
                // The shipped script starts with DROPs and ends with COMMIT; Flyway owns the transaction.
                if (s.isEmpty() || lower.startsWith("drop ") || lower.equals("commit")) {
                    continue;
                }
                st.execute(s);
            }
        }
    }
}
