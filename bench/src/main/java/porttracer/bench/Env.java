package porttracer.bench;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import porttracer.config.Settings;
import porttracer.index.Elastic;
import porttracer.sim.SimSwitch;
import porttracer.store.Inventory;

/** The benchmark's own database and index prefix (./porttracer bench sets them), emptied before each run. */
final class Env {

    private Env() {
    }

    static Settings settings(Map<String, String> extra) {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Map<String, String> o = new HashMap<>();
        o.put("db.url", System.getenv().getOrDefault("PORTTRACER_DB_URL",
                "jdbc:postgresql://127.0.0.1:5432/porttracer_bench"));
        o.put("es.index-prefix", System.getenv().getOrDefault("PORTTRACER_ES_INDEX_PREFIX", "porttracer-bench"));
        o.put("secret.key", Base64.getEncoder().encodeToString(key));
        o.put("api.port", "0");
        o.put("spool.dir", ".local/state/bench-spool");
        o.put("node.id", "bench");
        o.putAll(extra);
        return Settings.load(System.getenv(), o);
    }

    /** Empties the project's tables (schema kept) and the Quartz tables; a no-op before the first migration. */
    static void resetDatabase(Settings s) throws Exception {
        try (Connection c = DriverManager.getConnection(s.get("db.url"), s.get("db.user"), s.get("db.password"));
             Statement st = c.createStatement()) {
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

    /** Deletes every index and template of the prefix. */
    static void deleteIndices(Elastic elastic) {
        try {
            // Wildcard deletes are refused by default (action.destructive_requires_name): name each index.
            var names = new java.util.ArrayList<>(elastic.client().indices()
                    .get(g -> g.index(elastic.prefix() + "-*").allowNoIndices(true)).result().keySet());
            if (!names.isEmpty()) {
                elastic.client().indices().delete(d -> d.index(names).ignoreUnavailable(true));
            }
            for (String t : new String[] {elastic.current(), elastic.events(), elastic.polls()}) {
                elastic.client().indices().deleteIndexTemplate(d -> d.name(t));
            }
        } catch (Exception e) {
            System.err.println("could not delete the bench indices: " + e.getMessage());
        }
    }

    /** Registers a simulated switch listening on {@code host:port} as an administrator would; returns its id. */
    static int register(Inventory inventory, int credential, SimSwitch sw, String name, String siteName, String host,
                        int port) {
        int site = inventory.site(siteName);
        Integer floor = sw.floor() == null ? null : inventory.floor(site, "floor" + sw.floor());
        int id = inventory.putSwitch(name, host, port, sw.platform(), sw.model(), site, floor, credential);
        if (sw.role() == porttracer.sim.Role.DISTRIBUTION) {
            inventory.setCollectArp(id, true);
        }
        return id;
    }
}
