package porttracer.search;

import java.util.function.Function;
import porttracer.domain.Platform;

/** Validates a switch input's login fields: platform (auto by default), enable password, private key, legacy crypto. */
final class SwitchLoginInput {

    /** The write-only secrets (null: none) and the legacy-algorithms switch of one input. */
    record Extras(String enablePassword, String privateKey, boolean legacyCrypto) {
        @Override
        public String toString() {
            return "Extras[enablePassword=***, privateKey=***, legacyCrypto=" + legacyCrypto + "]";
        }
    }

    private static final int MAX_SECRET = 256;
    private static final int MAX_KEY = 16 * 1024;

    private SwitchLoginInput() {
    }

    /** Null for "auto" or an absent platform: polls read show version and detect it. */
    static Platform platform(String value) {
        if (value == null || value.isBlank() || value.strip().equalsIgnoreCase("auto")) {
            return null;
        }
        try {
            return Platform.of(value);
        } catch (IllegalArgumentException e) {
            throw new ApiError(400, "unknown platform '" + value.strip() + "': use auto (detected by the polls) or "
                    + "os10, os9, os6 or powerconnect");
        }
    }

    static Extras extras(Function<String, String> field, boolean ownCredential) {
        String enable = field.apply("enablePassword");
        String key = field.apply("privateKey");
        if ((enable != null || key != null) && !ownCredential) {
            throw new ApiError(400, "enablePassword and privateKey belong to the switch's own login: give them with "
                    + "username and password");
        }
        if (enable != null && (enable.isEmpty() || enable.length() > MAX_SECRET || enable.indexOf('\n') >= 0
                || enable.indexOf('\r') >= 0)) {
            throw new ApiError(400, "enablePassword must be 1 to " + MAX_SECRET + " characters on one line");
        }
        if (key != null && (key.length() > MAX_KEY || !key.strip().startsWith("-----BEGIN ") || !key.contains("PRIVATE KEY-----"))) {
            throw new ApiError(400, "privateKey must be an OpenSSH or PEM private key ('-----BEGIN ... PRIVATE KEY-----'), "
                    + "at most " + MAX_KEY + " characters");
        }
        String legacy = field.apply("legacyCrypto");
        if (legacy != null && !legacy.equals("true") && !legacy.equals("false")) {
            throw new ApiError(400, "legacyCrypto must be true or false");
        }
        return new Extras(enable, key, "true".equals(legacy));
    }
}
