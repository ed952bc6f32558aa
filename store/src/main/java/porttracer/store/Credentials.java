package porttracer.store;

/**
 * A decrypted switch login. Lives only in memory while a session is opened; never printed.
 * {@code enablePassword} answers the {@code enable} command's Password: prompt (null: none configured);
 * {@code privateKey} is an OpenSSH/PEM private key for public-key authentication (null: none).
 */
public record Credentials(String username, String password, String enablePassword, String privateKey) {

    public Credentials(String username, String password) {
        this(username, password, null, null);
    }

    @Override
    public String toString() {
        return "Credentials[username=" + username + ", password=***, enablePassword="
                + (enablePassword == null ? "none" : "***") + ", privateKey=" + (privateKey == null ? "none" : "***") + "]";
    }
}
