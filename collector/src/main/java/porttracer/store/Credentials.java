package porttracer.store;

/** A decrypted switch login. Lives only in memory while a session is opened; never printed. */
public record Credentials(String username, String password) {
    @Override
    public String toString() {
        return "Credentials[username=" + username + ", password=***]";
    }
}
