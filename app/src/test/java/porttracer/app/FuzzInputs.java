package porttracer.app;

import java.util.List;
import java.util.Random;

/** Hostile strings for API fuzzing: malformed MACs, injections, traversal, odd encodings, homoglyphs. */
final class FuzzInputs {

    private FuzzInputs() {
    }

    /** Values sent as JSON strings or URL-encoded query and path values. */
    static final List<String> STRINGS = List.of(
            "", " ", "null", "-1", "0", "99999999999999999999", "1e309", "NaN", "true",
            // malformed MACs in each notation
            "aa:bb:cc:dd:ee", "aa:bb:cc:dd:ee:ff:00", "gg:bb:cc:dd:ee:ff", "aa-bb-cc-dd-ee-fg", "aabb.ccdd.eef",
            "aabb.ccdd.eeff.0011", "aabbccddeeffa", "aa:bb-cc:dd-ee:ff", "::::", "aa::bb", "aabb..ccdd",
            "a\u0430bb.ccdd.eeff", "\uff41\uff41bbccddeeff", "aa\u00adbbccddeeff", "aa:bb:cc:dd:ee:ff\u0000",
            "aa:bb:cc:dd:ee:ff ", "\taabbccddeeff", "aa:bb:cc:dd:ee:ff\n",
            // SQL injection
            "' OR '1'='1", "'; DROP TABLE app_user; --", "1; select pg_sleep(5)", "\" or \"\"=\"", "%' --",
            "1 UNION SELECT username, password_hash FROM app_user",
            // CLI injection
            "aa:bb:cc:dd:ee:ff; reload", "aabb.ccdd.eeff\n show running-config", "aabbccddeeff | include password",
            "\r\nconfigure terminal\r\n", "site1; reload", "show running-config", "`reload`", "$(reload)",
            // path traversal
            "../../etc/passwd", "..%2F..%2Fetc%2Fpasswd", "%2e%2e%2f%2e%2e%2fetc%2fpasswd", "..\\..\\windows\\win.ini",
            "/etc/passwd", "....//....//etc/passwd", "..%c0%af..%c0%afetc%c0%afpasswd",
            // odd text
            "\u0000", "%00", "\u202etxt.exe", "\ud83d\udca9", "\ufeff", "<script>alert(1)</script>",
            "${jndi:ldap://127.0.0.1:1/a}", "{{7*7}}", "\\u0000", "a".repeat(5000));

    /** Query or path values written as-is into the URL (already percent-encoded, some badly). */
    static final List<String> ENCODED = List.of("%00", "%C0%AE%C0%AE%2F%C0%AE%C0%AE%2Fetc%2Fpasswd", "%FF%FE",
            "%E2%80%AE", "%C3%28", "%ED%A0%80", "%F8%88%80%80%80", "..%252F..%252Fetc%252Fpasswd", "%2e%2e%2F",
            "aa%3Abb%3Acc%3Add%3Aee%3Aff%3B%20reload", "%0A%20show%20running-config", "%7C%20include");

    /** Raw request-line tails that the HTTP client library refuses to send: bad escapes, raw non-UTF-8 bytes. */
    static final List<byte[]> RAW_VALUES = List.of("%".getBytes(), "%zz".getBytes(), "%4".getBytes(),
            new byte[] {(byte) 0xc3, 0x28}, new byte[] {(byte) 0xff, (byte) 0xfe}, new byte[] {(byte) 0xc0, (byte) 0xaf},
            new byte[] {'a', (byte) 0x80, 'b'});

    /** Whole request bodies that are not a JSON object of the expected shape. */
    static List<String> oddJsonBodies(Random random) {
        return List.of("", "{", "}", "[]", "null", "0", "\"x\"", "{\"a\":", "{\"a\" 1}", "{'a':'b'}",
                "{\"macs\":{\"$ne\":null}}", "{\"name\":[\"a\",{\"b\":null}]}", "{\"name\":1e99999}",
                "{\"name\":\"\\ud800\"}", "{\"name\":\"a\\u0000b\"}", "{\"name\":\"x\",\"name\":\"y\"}", nested(random.nextInt(200) + 500),
                nested(20_000), "{\"name\":" + "1".repeat(10_000) + "}", "\ufeff{}", "{\"__proto__\":{\"x\":1}}");
    }

    private static String nested(int depth) {
        return "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
    }

    static String pick(Random random, List<String> from) {
        return from.get(random.nextInt(from.size()));
    }
}
