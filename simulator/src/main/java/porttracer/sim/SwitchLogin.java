package porttracer.sim;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * How one simulated switch lets a client in, after the behaviours of real Dell fleets:
 * <ul>
 * <li>{@code authMethods}: the SSH methods offered ("password", "keyboard-interactive", "none",
 * "publickey"); N-series and PowerConnect often offer only keyboard-interactive;</li>
 * <li>{@code inShellLogin}: after SSH auth the shell asks for the user name and password itself
 * (PowerConnect with auth "none", Netmiko dell_powerconnect.py special_login_handler);</li>
 * <li>{@code enableSecret}: non-null lands the session in user EXEC ({@code hostname>}), where only
 * {@code enable}, {@code show version} and {@code exit} are offered, until {@code enable} and this secret;</li>
 * <li>{@code legacyOnly}: only SHA-1 Diffie-Hellman, CBC ciphers and an ssh-rsa (SHA-1) host key, as
 * old PowerConnect/OS9 firmware;</li>
 * <li>{@code motd}: text printed before the first prompt (Dell "banner motd"; free text, may hold '>' or '#');</li>
 * <li>{@code authorizedKey}: the public key "publickey" authentication accepts for the simulator's user.</li>
 * </ul>
 */
public record SwitchLogin(Set<String> authMethods, boolean inShellLogin, String enableSecret, boolean legacyOnly,
                          String motd, java.security.PublicKey authorizedKey) {

    public static final List<String> METHODS = List.of("password", "keyboard-interactive", "none", "publickey");

    public SwitchLogin {
        authMethods = Set.copyOf(authMethods);
        for (String m : authMethods) {
            if (!METHODS.contains(m)) {
                throw new IllegalArgumentException("unknown SSH auth method " + m + ": use one of " + METHODS);
            }
        }
        if (authMethods.isEmpty()) {
            throw new IllegalArgumentException("a switch offers at least one SSH auth method");
        }
        if (authMethods.contains("publickey") && authorizedKey == null) {
            throw new IllegalArgumentException("publickey needs the authorized key");
        }
        if (authMethods.contains("none") && !inShellLogin) {
            throw new IllegalArgumentException("auth none without an in-shell login would let anyone in");
        }
    }

    /** What the simulator always did: password and keyboard-interactive, privileged EXEC at once, modern algorithms. */
    public static SwitchLogin standard() {
        return new SwitchLogin(Set.of("password", "keyboard-interactive"), false, null, false, null, null);
    }

    public SwitchLogin withAuthMethods(String... methods) {
        return new SwitchLogin(Set.of(methods), inShellLogin, enableSecret, legacyOnly, motd, authorizedKey);
    }

    /** SSH auth "none", then "User Name:" / "Password:" in the shell. */
    public SwitchLogin withInShellLogin() {
        return new SwitchLogin(Set.of("none"), true, enableSecret, legacyOnly, motd, authorizedKey);
    }

    public SwitchLogin withEnableSecret(String secret) {
        return new SwitchLogin(authMethods, inShellLogin, Objects.requireNonNull(secret), legacyOnly, motd, authorizedKey);
    }

    public SwitchLogin withLegacyOnly() {
        return new SwitchLogin(authMethods, inShellLogin, enableSecret, true, motd, authorizedKey);
    }

    /** Public-key authentication only, accepting {@code key}. */
    public SwitchLogin withPublicKeyOnly(java.security.PublicKey key) {
        return new SwitchLogin(Set.of("publickey"), inShellLogin, enableSecret, legacyOnly, motd, Objects.requireNonNull(key));
    }

    public SwitchLogin withMotd(String text) {
        return new SwitchLogin(authMethods, inShellLogin, enableSecret, legacyOnly, text, authorizedKey);
    }
}
