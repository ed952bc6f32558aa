package porttracer.sim;

/**
 * A fleet that logs in the ways real Dell fleets do: per floor, access switch 1 offers only
 * keyboard-interactive, switch 2 lands in user EXEC and needs the enable password, switch 3 accepts SSH
 * auth "none" and asks for the login in the shell (floor 1) or prints a MOTD holding '>' and '#' (other
 * floors), switch 4 speaks only legacy algorithms (floors after the first). Distribution switches log in as usual.
 */
public final class LoginMix {

    // Dell "banner motd" is free text; this one holds prompt characters at line ends on purpose.
    private static final String MOTD = "Lab switch. Questions: noc#\nUser EXEC looks like switch>\n";

    private LoginMix() {
    }

    public static SwitchLogin of(SimSwitch sw, String enableSecret) {
        if (sw.role() != Role.ACCESS) {
            return SwitchLogin.standard();
        }
        int n = Integer.parseInt(sw.name().substring(sw.name().lastIndexOf("sw") + 2));
        boolean floor1 = sw.floor() != null && sw.floor() == 1;
        return switch (n % 4) {
            case 1 -> SwitchLogin.standard().withAuthMethods("keyboard-interactive");
            case 2 -> SwitchLogin.standard().withEnableSecret(enableSecret);
            case 3 -> floor1 ? SwitchLogin.standard().withInShellLogin().withEnableSecret(enableSecret)
                    : SwitchLogin.standard().withMotd(MOTD);
            default -> floor1 ? SwitchLogin.standard() : SwitchLogin.standard().withLegacyOnly();
        };
    }
}
