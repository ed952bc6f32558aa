package porttracer.secure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import porttracer.config.Settings;

/** AES-256-GCM for switch credentials at rest: stored value is iv(12) || ciphertext+tag. */
public final class SecretBox {

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    public SecretBox(byte[] key) {
        if (key.length != 32) {
            throw new IllegalArgumentException("credential key must be 32 bytes (base64 of 256 bits)");
        }
        this.key = new SecretKeySpec(key.clone(), "AES");
    }

    /** Key from {@code secret.key} (base64) or {@code secret.key-file}; created in that file when absent. */
    public static SecretBox fromSettings(Settings settings) {
        String inline = settings.get("secret.key").strip();
        if (!inline.isEmpty()) {
            return new SecretBox(Base64.getDecoder().decode(inline));
        }
        String file = settings.get("secret.key-file").strip();
        if (file.isEmpty()) {
            throw new IllegalStateException("no credential key: set PORTTRACER_SECRET_KEY (base64, 32 bytes) "
                    + "or PORTTRACER_SECRET_KEY_FILE");
        }
        try {
            Path p = Path.of(file);
            if (!Files.exists(p)) {
                byte[] k = new byte[32];
                RANDOM.nextBytes(k);
                Files.createDirectories(p.toAbsolutePath().getParent());
                Files.writeString(p, Base64.getEncoder().encodeToString(k) + "\n");
                p.toFile().setReadable(false, false);
                p.toFile().setReadable(true, true);
            }
            return new SecretBox(Base64.getDecoder().decode(Files.readString(p).strip()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public byte[] seal(String plaintext) {
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            byte[] ct = c.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(IV_BYTES + ct.length).put(iv).put(ct).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("encryption failed", e);
        }
    }

    public String open(byte[] sealed) {
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, IV_BYTES));
            return new String(c.doFinal(sealed, IV_BYTES, sealed.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("credential cannot be decrypted with this key", e);
        }
    }
}
