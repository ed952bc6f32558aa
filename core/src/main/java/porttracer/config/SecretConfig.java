package porttracer.config;

/** The credential key: inline base64 ({@code secret.key}) or a file holding it ({@code secret.key-file}). */
public record SecretConfig(String key, String keyFile) {

    public static SecretConfig from(Settings s) {
        SecretConfig c = new SecretConfig(s.text("secret.key"), s.text("secret.key-file"));
        if (c.key.isEmpty() && c.keyFile.isEmpty()) {
            throw new StartupException("no credential key: set PORTTRACER_SECRET_KEY (base64, 32 bytes) "
                    + "or PORTTRACER_SECRET_KEY_FILE");
        }
        return c;
    }

    @Override
    public String toString() {
        return "SecretConfig[key=" + (key.isEmpty() ? "" : "***") + ", keyFile=" + keyFile + "]";
    }
}
