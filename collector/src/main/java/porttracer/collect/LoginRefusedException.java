package porttracer.collect;

import java.io.IOException;

/**
 * The switch refused the login after the SSH handshake: an in-shell login, an enable password, or a
 * keyboard-interactive prompt that is not a password. The message names the step and never a secret.
 */
public final class LoginRefusedException extends IOException {

    private final LoginInfo login;

    public LoginRefusedException(String message, LoginInfo login) {
        super(message);
        this.login = login;
    }

    /** What was detected up to the refusal. */
    public LoginInfo login() {
        return login;
    }
}
