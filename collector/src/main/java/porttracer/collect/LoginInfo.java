package porttracer.collect;

/**
 * How a session got to a privileged prompt, as last detected: the SSH authentication method that worked
 * ("publickey", "password", "keyboard-interactive" or "none"), whether the switch then asked for a
 * login inside the shell, the enable step ("not-needed", "ok", "refused") and whether legacy
 * algorithms were allowed.
 */
public record LoginInfo(String method, boolean inShellLogin, String enable, boolean legacyCrypto) {

    public static final String ENABLE_NOT_NEEDED = "not-needed";
    public static final String ENABLE_OK = "ok";
    public static final String ENABLE_REFUSED = "refused";
}
