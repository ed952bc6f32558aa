package porttracer.app;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import porttracer.config.Settings;
import porttracer.index.Elastic;

/**
 * Settings for tests against the real local services: the test database (PORTTRACER_DB_URL, set
 * by ./porttracer test), a fresh index prefix per test class so runs never see each other's data.
 */
final class TestEnv {

    private TestEnv() {
    }

    private static final String PLANTED = plant();

    private static String plant() {
        String env = System.getenv("PORTTRACER_TEST_PLANTED_SECRET");
        if (env != null && !env.isBlank()) {
            return env;
        }
        byte[] b = new byte[12];
        new SecureRandom().nextBytes(b);
        return "planted-" + java.util.HexFormat.of().formatHex(b);
    }

    /**
     * A secret planted by ./porttracer test for this run (random otherwise), used as switch passwords and webhook
     * secrets; after the suite the launcher fails the run if it shows up in any report or captured output.
     */
    static String plantedSecret() {
        return PLANTED;
    }

    static Settings settings(Map<String, String> extra) {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Map<String, String> o = new HashMap<>();
        String db = System.getenv().getOrDefault("PORTTRACER_DB_URL", "jdbc:postgresql://127.0.0.1:5432/porttracer_test");
        o.put("db.url", db);
        o.put("es.index-prefix", "porttracer-test-" + Long.toString(System.nanoTime() & 0xffffffffL, 36).toLowerCase(Locale.ROOT));
        o.put("secret.key", Base64.getEncoder().encodeToString(key));
        o.put("api.port", "0");
        o.putAll(extra);
        return Settings.load(System.getenv(), o);
    }

    static void deleteIndices(Elastic elastic) {
        try {
            Scratch.deleteIndices(elastic);
        } catch (Exception e) {
            // Best effort: a unique prefix keeps leftovers out of other runs anyway.
        }
    }
}
