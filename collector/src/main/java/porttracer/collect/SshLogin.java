package porttracer.collect;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.userauth.UserAuthException;
import net.schmizz.sshj.userauth.keyprovider.KeyProvider;
import net.schmizz.sshj.userauth.method.AuthKeyboardInteractive;
import net.schmizz.sshj.userauth.method.AuthMethod;
import net.schmizz.sshj.userauth.method.AuthNone;
import net.schmizz.sshj.userauth.method.AuthPassword;
import net.schmizz.sshj.userauth.method.AuthPublickey;
import net.schmizz.sshj.userauth.method.ChallengeResponseProvider;
import net.schmizz.sshj.userauth.password.PasswordUtils;
import net.schmizz.sshj.userauth.password.Resource;
import porttracer.store.Credentials;

/**
 * SSH user authentication with whatever the switch offers, in this order: public key (when the
 * credential holds a private key), password, keyboard-interactive (Dell N-series and PowerConnect
 * often offer only this), and "none" (PowerConnect, which then asks for the login inside the shell).
 */
final class SshLogin {

    // A keyboard-interactive prompt that asks for the password ("Password:", "Password for admin:").
    private static final Pattern PASSWORD_QUESTION = Pattern.compile("(?i)pass(word|code)");

    private SshLogin() {
    }

    /** Authenticates and returns the method that worked. */
    static String authenticate(SSHClient ssh, Credentials creds) throws IOException {
        // RFC 4252 section 5.2: a "none" request lists the methods the server allows; a server that
        // accepts it (PowerConnect) asks for the login inside the shell instead.
        if (attempt(ssh, creds.username(), new AuthNone())) {
            return "none";
        }
        Collection<String> allowed = Set.copyOf(ssh.getUserAuth().getAllowedMethods());
        List<String> tried = new ArrayList<>();
        if (creds.privateKey() != null && allowed.contains("publickey")) {
            tried.add("publickey");
            KeyProvider key = ssh.loadKeys(creds.privateKey(), null, null);
            if (attempt(ssh, creds.username(), new AuthPublickey(key))) {
                return "publickey";
            }
        }
        if (allowed.contains("password")) {
            tried.add("password");
            if (attempt(ssh, creds.username(), new AuthPassword(PasswordUtils.createOneOff(creds.password().toCharArray())))) {
                return "password";
            }
        }
        PasswordPrompts prompts = new PasswordPrompts(creds.password());
        if (allowed.contains("keyboard-interactive")) {
            tried.add("keyboard-interactive");
            if (attempt(ssh, creds.username(), new AuthKeyboardInteractive(prompts))) {
                return "keyboard-interactive";
            }
        }
        if (prompts.unanswered != null) {
            throw new LoginRefusedException("login rejected: keyboard-interactive asked '" + Poller.printable(prompts.unanswered)
                    .replace("'", "") + "', which is not a password prompt", new LoginInfo("keyboard-interactive", false, null, false));
        }
        throw new UserAuthException(tried.isEmpty()
                ? "login rejected: the switch offers no usable method (" + String.join(", ", allowed) + ")"
                : "login rejected");
    }

    private static boolean attempt(SSHClient ssh, String username, AuthMethod method) throws IOException {
        try {
            ssh.auth(username, method);
            return true;
        } catch (UserAuthException e) {
            return false;
        }
    }

    /** Answers echo-off password prompts with the credential's password; remembers any other prompt. */
    static final class PasswordPrompts implements ChallengeResponseProvider {
        private final String password;
        volatile String unanswered;

        PasswordPrompts(String password) {
            this.password = password;
        }

        @Override
        public List<String> getSubmethods() {
            return List.of();
        }

        @Override
        public void init(Resource resource, String name, String instruction) {
            // Name and instruction are informative only.
        }

        @Override
        public char[] getResponse(String prompt, boolean echo) {
            if (!echo && PASSWORD_QUESTION.matcher(prompt).find()) {
                return password.toCharArray();
            }
            // Never a secret for a question that is not a password prompt: an empty answer fails the login.
            unanswered = prompt;
            return new char[0];
        }

        @Override
        public boolean shouldRetry() {
            return false;
        }
    }
}
