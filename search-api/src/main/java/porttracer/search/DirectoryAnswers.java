package porttracer.search;

import java.util.Map;
import java.util.function.Consumer;

/** Turns a directory check into the API's answer: a user, a plain failed login (401), or 403 / 503 with why. */
final class DirectoryAnswers {

    private DirectoryAnswers() {
    }

    /** A password sign-in; refusals other than a wrong password are passed to {@code audit} and thrown. */
    static Users.Login login(DirectoryLogin directory, String username, String password, Consumer<String> audit) {
        DirectoryLogin.Result r = directory.login(username, password);
        if (r.status() == DirectoryLogin.Status.OK) {
            return new Users.Login(r.user(), r.checked());
        }
        if (r.status() == DirectoryLogin.Status.BAD_CREDENTIALS) {
            return new Users.Login(null, true);
        }
        ApiError e = refusal(r.status(), username);
        audit.accept(e.getMessage());
        throw e;
    }

    /** A directory token owner with the current role, or null when the directory no longer knows the user. */
    static Users.User owner(DirectoryLogin directory, String qualifiedName) {
        DirectoryLogin.Result r = directory.current(qualifiedName);
        return switch (r.status()) {
            case OK -> r.user();
            case BAD_CREDENTIALS -> null;
            default -> throw refusal(r.status(), qualifiedName);
        };
    }

    private static ApiError refusal(DirectoryLogin.Status status, String username) {
        return switch (status) {
            case NO_ROLE -> new ApiError(403, "the directory knows " + username + ", but none of the user's groups is "
                    + "mapped to a PortTracer role (PORTTRACER_LDAP_GROUP_ROLES); ask an administrator");
            case DISABLED -> new ApiError(403, "the directory account " + username + " is disabled or locked");
            default -> new ApiError(503, "directory unavailable: directory users cannot sign in now "
                    + "(local users can); retry shortly", Map.of(), 5);
        };
    }
}
