package porttracer.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Empties a scratch database, as the test suite, the demo and the benchmarks do before each run; never
 * pointed at production by its callers.
 */
public final class StoreReset {

    private StoreReset() {
    }

    /** Empties the project's tables (schema kept) and Quartz's; a no-op before the first migration. */
    public static void emptyAll(String url, String user, String password) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, user, password); Statement st = c.createStatement()) {
            boolean migrated;
            try (var rs = st.executeQuery("select to_regclass('public.switch') is not null")) {
                rs.next();
                migrated = rs.getBoolean(1);
            }
            if (!migrated) {
                return;
            }
            st.execute("truncate site, floor, credential, switch, port_override, poll_status, app_user, audit_log "
                    + "restart identity cascade");
            // One truncate: deleting 10 000 triggers row by row (with their foreign keys) takes minutes.
            st.execute("truncate qrtz_fired_triggers, qrtz_simple_triggers, qrtz_cron_triggers, qrtz_simprop_triggers, "
                    + "qrtz_blob_triggers, qrtz_triggers, qrtz_job_details, qrtz_scheduler_state, "
                    + "qrtz_paused_trigger_grps, qrtz_calendars");
        }
    }
}
