package porttracer.search;

import java.util.Map;
import porttracer.store.SwitchRecord;

/**
 * The login side of a switch in {@code GET /api/v1/switches}: whether its platform is detected at every
 * poll, whether legacy SSH algorithms are allowed, and how the last session logged in ({@code login}:
 * method, enable, inShellLogin, legacyCrypto; null before the first session). Never a secret.
 */
final class SwitchLoginView {

    private SwitchLoginView() {
    }

    /** Adds the login fields to a switch summary and returns it. */
    static Map<String, Object> with(Map<String, Object> summary, SwitchRecord sw, Map<String, Object> lastLogin) {
        summary.put("platformAuto", sw.autoPlatform());
        summary.put("legacyCrypto", sw.legacyCrypto());
        summary.put("login", lastLogin);
        return summary;
    }
}
