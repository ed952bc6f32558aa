package porttracer.app;

import java.util.Map;
import porttracer.sim.LoginMix;
import porttracer.sim.Role;
import porttracer.sim.SimSwitch;
import porttracer.sim.SwitchLogin;
import porttracer.store.Inventory;

/**
 * The demo fleet logs in the ways real Dell fleets do ({@link LoginMix}), so that the demo itself shows they
 * work; switch 4 of floor 1 is registered with platform auto, legacy-only switches with legacyCrypto.
 */
final class DemoLogins {

    static final String ENABLE_PASSWORD = "admin-enable";

    private DemoLogins() {
    }

    static SwitchLogin of(SimSwitch sw) {
        return LoginMix.of(sw, ENABLE_PASSWORD);
    }

    /** Gives the shared credential its enable password and each switch the settings its login needs. */
    static void register(Inventory inventory, Map<String, Integer> ids, Iterable<SimSwitch> switches, String user,
                         String password) {
        inventory.credential("simulator", user, password);
        inventory.setCredentialExtras("simulator", ENABLE_PASSWORD, null);
        for (SimSwitch sw : switches) {
            SwitchLogin login = of(sw);
            boolean auto = sw.role() == Role.ACCESS && sw.floor() != null && sw.floor() == 1 && sw.name().endsWith("sw4");
            int id = ids.get(sw.name());
            if (login.legacyOnly() || auto) {
                inventory.setLoginOptions(id, auto, login.legacyOnly());
            }
            // A demo state from before the legacy-only switches pinned their modern key; they now show an RSA one.
            if (login.legacyOnly() && inventory.pinnedHostKey(id).filter(k -> !k.startsWith("ssh-rsa ")).isPresent()) {
                inventory.forgetHostKey(id);
            }
        }
    }
}
