package porttracer.app;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import porttracer.config.Settings;
import porttracer.secure.KeyRotation;
import porttracer.store.Database;
import porttracer.store.SecretStore;

/** {@code ./porttracer rotate-key}: every stored secret re-encrypted under a new credential key. */
final class KeyCommand {

    private KeyCommand() {
    }

    static int rotate(Settings settings, PrintStream out, PrintStream err) throws IOException {
        porttracer.config.SecretConfig secret = porttracer.config.SecretConfig.from(settings);
        if (!secret.key().isEmpty()) {
            err.println("porttracer: rotate-key writes the new key to a file: use PORTTRACER_SECRET_KEY_FILE, "
                    + "not PORTTRACER_SECRET_KEY");
            return 2;
        }
        Path file = Path.of(secret.keyFile());
        if (!Files.isRegularFile(file)) {
            err.println("porttracer: no credential key file at " + file + " (PORTTRACER_SECRET_KEY_FILE): nothing to rotate");
            return 2;
        }
        try (Database db = Database.open(porttracer.config.DbConfig.from(settings))) {
            KeyRotation.Report r = KeyRotation.rotate(file, new SecretStore(db.dataSource())::resealStale);
            out.println("re-encrypted " + r.resealed() + " secrets under key " + r.keyId() + " in " + file
                    + "; restart every node, and replace backups of the old key file");
        }
        return 0;
    }
}
