package porttracer.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import porttracer.search.Role;
import porttracer.search.Users;
import porttracer.store.UserStore;

/**
 * {@code ./porttracer user add NAME --role R | list | disable NAME | delete NAME}: the first superadmin and
 * every other account, without a default user anywhere. Passwords come from PORTTRACER_USER_PASSWORD or the
 * first line of standard input, never from the command line (other users of the machine can read argv).
 */
final class UserCommand {

    static final String PASSWORD_ENV = "PORTTRACER_USER_PASSWORD";
    static final String USAGE = "usage: porttracer user add NAME --role superadmin|netadmin|oss | list | disable NAME | delete NAME\n"
            + "  add reads the password from " + PASSWORD_ENV + " or the first line of standard input";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,63}");
    /** bcrypt reads at most 72 bytes: a longer password would be silently cut. */
    private static final int MAX_PASSWORD_BYTES = 72;
    private static final int MIN_PASSWORD_CHARS = 10;

    private UserCommand() {
    }

    /** Runs one subcommand; returns the exit status (0 ok, 2 usage or refused input). */
    static int run(List<String> args, DataSource db, Map<String, String> env, BufferedReader stdin, PrintStream out,
                   PrintStream err) throws IOException {
        if (args.isEmpty()) {
            err.println(USAGE);
            return 2;
        }
        Users users = new Users(db);
        switch (args.get(0)) {
            case "list" -> {
                for (Map<String, Object> u : users.list()) {
                    out.printf("%-24s %-11s %s%n", u.get("username"), u.get("role"),
                            Boolean.TRUE.equals(u.get("enabled")) ? "enabled" : "disabled");
                }
                return 0;
            }
            case "add" -> {
                if (args.size() != 4 || !args.get(2).equals("--role")) {
                    err.println(USAGE);
                    return 2;
                }
                String name = args.get(1);
                Role role;
                try {
                    role = Role.of(args.get(3));
                } catch (IllegalArgumentException e) {
                    err.println("porttracer: unknown role " + args.get(3) + " (superadmin, netadmin or oss)");
                    return 2;
                }
                String refused = refusedName(name);
                String password = env.get(PASSWORD_ENV);
                if (password == null) {
                    password = stdin.readLine();
                }
                if (refused == null) {
                    refused = refusedPassword(password);
                }
                if (refused != null) {
                    err.println("porttracer: " + refused);
                    return 2;
                }
                users.put(name, password, role);
                out.println("user " + name + " (" + role.id() + ") saved");
                return 0;
            }
            case "disable", "delete" -> {
                if (args.size() != 2) {
                    err.println(USAGE);
                    return 2;
                }
                UserStore store = new UserStore(db);
                boolean done = args.get(0).equals("disable") ? store.disable(args.get(1)) : store.delete(args.get(1));
                if (!done) {
                    err.println("porttracer: no user " + args.get(1));
                    return 2;
                }
                out.println("user " + args.get(1) + (args.get(0).equals("disable") ? " disabled" : " deleted"));
                return 0;
            }
            default -> {
                err.println(USAGE);
                return 2;
            }
        }
    }

    private static String refusedName(String name) {
        return NAME.matcher(name).matches() ? null
                : "user name must be 1-64 letters, digits, '.', '_', '@' or '-', starting with a letter or digit";
    }

    private static String refusedPassword(String password) {
        if (password == null || password.isEmpty()) {
            return "no password: set " + PASSWORD_ENV + " or give it on standard input";
        }
        if (password.length() < MIN_PASSWORD_CHARS) {
            return "password must have at least " + MIN_PASSWORD_CHARS + " characters";
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            return "password must be at most " + MAX_PASSWORD_BYTES + " bytes in UTF-8 (bcrypt ignores the rest)";
        }
        return null;
    }
}
