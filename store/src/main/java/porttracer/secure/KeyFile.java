package porttracer.secure;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The credential key file: base64 AES-256 keys, one a line, the first the current one and any others older keys
 * still read. Written only whole: a temporary file created 0600 (never readable by others, not even for a moment)
 * then linked or renamed into place, so a reader never sees half a key and two nodes never make two keys.
 */
public final class KeyFile {

    private static final SecureRandom RANDOM = new SecureRandom();

    private KeyFile() {
    }

    public static byte[] newKey() {
        byte[] k = new byte[32];
        RANDOM.nextBytes(k);
        return k;
    }

    /** The keys in the file, creating it with one new key when absent. */
    public static List<byte[]> loadOrCreate(Path file) throws IOException {
        if (!Files.exists(file)) {
            Path tmp = writeTemp(file, List.of(newKey()));
            try {
                // A hard link never replaces: if another node created the file first, its key wins.
                Files.createLink(file, tmp);
            } catch (FileAlreadyExistsException e) {
                // Made by another node meanwhile: read theirs.
            } catch (UnsupportedOperationException | IOException e) {
                if (!Files.exists(file)) {
                    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        }
        return read(file);
    }

    public static List<byte[]> read(Path file) throws IOException {
        List<byte[]> keys = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.US_ASCII)) {
            String s = line.strip();
            if (!s.isEmpty() && !s.startsWith("#")) {
                keys.add(Base64.getDecoder().decode(s));
            }
        }
        if (keys.isEmpty()) {
            throw new IOException("credential key file " + file + " holds no key");
        }
        return keys;
    }

    /** Replaces the file's keys atomically (rename over it), 0600 from the first byte. */
    public static void replace(Path file, List<byte[]> keys) throws IOException {
        Path tmp = writeTemp(file, keys);
        try {
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static Path writeTemp(Path file, List<byte[]> keys) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp;
        try {
            tmp = Files.createTempFile(dir, ".credential-key", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            tmp = Files.createTempFile(dir, ".credential-key", ".tmp");
        }
        StringBuilder text = new StringBuilder();
        for (byte[] k : keys) {
            text.append(Base64.getEncoder().encodeToString(k)).append('\n');
        }
        Files.writeString(tmp, text, StandardCharsets.US_ASCII);
        return tmp;
    }
}
