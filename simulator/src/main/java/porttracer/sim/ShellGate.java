package porttracer.sim;

import java.io.IOException;
import porttracer.domain.Platform;

/**
 * The login steps a switch's shell runs itself: an in-shell login before the first prompt, the MOTD,
 * and {@code enable} with its password. Passwords are read without echo, as every Dell CLI does.
 */
final class ShellGate {

    private static final int ATTEMPTS = 3;

    private final SwitchLogin login;
    private final SimulatorOptions opts;
    private final Platform platform;

    ShellGate(SwitchLogin login, SimulatorOptions opts, Platform platform) {
        this.login = login;
        this.opts = opts;
        this.platform = platform;
    }

    /** Runs the in-shell login (if any) and prints the MOTD; false when the client is refused or gone. */
    boolean open(Terminal terminal, Session session) throws IOException {
        if (login.inShellLogin() && !inShellLogin(terminal)) {
            return false;
        }
        if (login.motd() != null) {
            terminal.print(login.motd().endsWith("\n") ? login.motd() : login.motd() + "\n");
        }
        session.privileged(login.enableSecret() == null);
        return true;
    }

    private boolean inShellLogin(Terminal terminal) throws IOException {
        for (int i = 0; i < ATTEMPTS; i++) {
            terminal.print(userPrompt());
            String user = LineReader.read(terminal, true);
            if (user == null) {
                return false;
            }
            terminal.print("Password:");
            String password = LineReader.read(terminal, false);
            if (password == null) {
                return false;
            }
            terminal.print("\n");
            if (opts.username().equals(user) && opts.password().equals(password)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The user-name prompt per family: PowerConnect "User Name:" (Netmiko dell_powerconnect.py
     * special_login_handler), OS6/FASTPATH "User:" (Netmiko dell_powerconnect_telnet.py username_pattern),
     * OS9 "Username:" and OS10 (Linux) "login:" (Netmiko telnet_login's default username_pattern).
     */
    private String userPrompt() {
        return switch (platform) {
            case POWERCONNECT -> "User Name:";
            case OS6 -> "User:";
            case OS9 -> "Username:";
            case OS10 -> "login:";
        };
    }

    /** True when the line is an {@code enable} (any abbreviation down to "en") that this switch must handle. */
    boolean isEnable(String line, Session session) {
        String t = line.strip().toLowerCase(java.util.Locale.ROOT);
        return !session.privileged() && t.length() >= 2 && "enable".startsWith(t);
    }

    /**
     * {@code enable}: "Password:" (echo off), up to three tries, then IOS-style "% Bad passwords" and back to
     * user EXEC; the refusal text is the Cisco-IOS one Dell's IOS-like CLIs follow (rancid clogin matches it).
     */
    boolean enable(Terminal terminal, Session session) throws IOException {
        for (int i = 0; i < ATTEMPTS; i++) {
            terminal.print("Password:");
            String secret = LineReader.read(terminal, false);
            if (secret == null) {
                return false;
            }
            terminal.print("\n");
            if (login.enableSecret().equals(secret)) {
                session.privileged(true);
                return true;
            }
        }
        terminal.print("% Bad passwords\n");
        return true;
    }
}
