package porttracer.app;

import java.nio.file.Path;
import porttracer.config.Settings;
import porttracer.config.StartupException;

/**
 * The demo's own database, index prefix, spool and credential key ({@code demo.db-url}, {@code demo.es-index-prefix}),
 * so that {@code ./porttracer demo} never writes its users and simulated switches into production's.
 */
final class DemoSettings {

    private DemoSettings() {
    }

    static Settings of(Settings base, Path state) {
        String db = base.get("demo.db-url").strip();
        String prefix = base.get("demo.es-index-prefix").strip();
        if (db.equals(base.get("db.url").strip()) || db.endsWith("/porttracer")) {
            throw new StartupException("PORTTRACER_DEMO_DB_URL must name the demo's own database, not " + db
                    + " (the demo empties it at every start)");
        }
        if (prefix.equals(base.get("es.index-prefix").strip()) || prefix.equals("porttracer")) {
            throw new StartupException("PORTTRACER_DEMO_ES_INDEX_PREFIX must be the demo's own prefix, not " + prefix);
        }
        return base.with("db.url", db).with("es.index-prefix", prefix)
                .with("spool.dir", state.resolve("demo-spool").toString())
                .with("secret.key", "")
                .with("secret.key-file", state.resolve("demo-credential.key").toString());
    }
}
