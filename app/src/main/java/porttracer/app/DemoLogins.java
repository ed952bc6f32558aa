package porttracer.app;

import java.util.Map;
import porttracer.sim.Role;
import porttracer.sim.SimSwitch;
import porttracer.sim.SwitchLogin;
import porttracer.store.Inventory;

/**
 * The demo fleet logs in the ways real Dell fleets do, so that the demo itself shows they work: per floor,
 * switch 1 offers only keyboard-interactive, switch 2 lands in user EXEC and needs the enable password,
 * switch 3 accepts SSH auth "none" and asks for the login in the shell (floor 1) or prints a MOTD holding
 * '>' and '#' (floor 2), switch 4 speaks only legacy algorithms (floor 2, registered with legacyCrypto) or
 * is registered with platform auto (floor 1).
 */
final class DemoLogins {

    static final String ENABLE_PASSWORD = "admin-enable";
    // Dell "banner motd" is free text; this one holds prompt characters at line ends on purpose.
    private static final String MOTD = "Demo lab switch. Questions: noc#\nUser EXEC looks like switch>\n";

    private DemoLogins() {
    }

    static SwitchLogin of(SimSwitch sw) {
        if (sw.role() != Role.ACCESS) {
            return SwitchLogin.standard();
        }
        int n = Integer.parseInt(sw.name().substring(sw.name().lastIndexOf("sw") + 2));
        boolean floor1 = sw.floor() != null && sw.floor() == 1;
        return switch (n) {
            case 1 -> SwitchLogin.standard().withAuthMethods("keyboard-interactive");
            case 2 -> SwitchLogin.standard().withEnableSecret(ENABLE_PASSWORD);
            case 3 -> floor1 ? SwitchLogin.standard().withInShellLogin().withEnableSecret(ENABLE_PASSWORD)
                    : SwitchLogin.standard().withMotd(MOTD);
            default -> floor1 ? SwitchLogin.standard() : SwitchLogin.standard().withLegacyOnly();
        };
    }

    /** Gives the shared credential its enable password and each switch the settings its login needs. */
    static void register(Inventory inventory, Map<String, Integer> ids, Iterable<SimSwitch> switches, String user,
                         String password) {
        int credential = inventory.credential("simulator", user, password);
        inventory.setCredentialExtras(credential, ENABLE_PASSWORD, null);
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
