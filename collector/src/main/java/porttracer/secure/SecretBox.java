package porttracer.secure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import porttracer.config.SecretConfig;

/**
 * AES-256-GCM for secrets at rest. Stored value: "PTK1" || key id (4 bytes) || iv (12) || ciphertext+tag, sealed
 * with the row's associated data ({@link SecretColumn#aad}). Values from before key ids (iv || ciphertext, no
 * associated data) still open; the store (SecretStore) re-seals them at start and on {@link KeyRotation}.
 * The first key seals, every key opens.
 */
public final class SecretBox {

    private static final byte[] MAGIC = {'P', 'T', 'K', '1'};
    private static final int ID_BYTES = 4;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private record Key(byte[] id, SecretKeySpec spec) {
    }

    private final List<Key> keys;

    public SecretBox(byte[] key) {
        this(List.of(key));
    }

    /** {@code keys}: the current key first, then older ones still read. */
    public SecretBox(List<byte[]> keys) {
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("no credential key");
        }
        List<Key> k = new ArrayList<>();
        for (byte[] key : keys) {
            if (key.length != 32) {
                throw new IllegalArgumentException("credential key must be 32 bytes (base64 of 256 bits)");
            }
            k.add(new Key(id(key), new SecretKeySpec(key.clone(), "AES")));
        }
        this.keys = List.copyOf(k);
    }

    /** Key from {@code secret.key} (base64) or {@code secret.key-file} (created 0600 when absent). */
    public static SecretBox of(SecretConfig config) {
        if (!config.key().isEmpty()) {
            return new SecretBox(Base64.getDecoder().decode(config.key()));
        }
        try {
            return new SecretBox(KeyFile.loadOrCreate(Path.of(config.keyFile())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A key's id: the first bytes of its SHA-256, so ids need no storage of their own. */
    public static byte[] id(byte[] key) {
        try {
            return Arrays.copyOf(MessageDigest.getInstance("SHA-256").digest(key), ID_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The current key's id in hex, for logs and the rotate-key report. */
    public String currentKeyId() {
        return HexFormat.of().formatHex(keys.get(0).id());
    }

    public byte[] seal(String plaintext, String aad) {
        Key k = keys.get(0);
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, k.spec(), new GCMParameterSpec(TAG_BITS, iv));
            c.updateAAD(aad.getBytes(StandardCharsets.UTF_8));
            byte[] ct = c.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(MAGIC.length + ID_BYTES + IV_BYTES + ct.length)
                    .put(MAGIC).put(k.id()).put(iv).put(ct).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("encryption failed", e);
        }
    }

    /** Opens a value sealed for the row {@code aad} names (or an older value without key id and associated data). */
    public String open(byte[] sealed, String aad) {
        if (isTagged(sealed)) {
            byte[] id = Arrays.copyOfRange(sealed, MAGIC.length, MAGIC.length + ID_BYTES);
            for (Key k : keys) {
                if (Arrays.equals(k.id(), id)) {
                    try {
                        return decrypt(k, sealed, MAGIC.length + ID_BYTES, aad);
                    } catch (GeneralSecurityException e) {
                        throw new IllegalStateException("secret of " + aad + " does not open: altered, or sealed for another row", e);
                    }
                }
            }
            // An untagged value may start with the magic bytes by chance: try it as one before giving up.
        }
        for (Key k : keys) {
            try {
                return decrypt(k, sealed, 0, null);
            } catch (GeneralSecurityException e) {
                // Next key.
            }
        }
        throw new IllegalStateException("secret of " + aad + " cannot be decrypted with the configured credential key(s) "
                + (isTagged(sealed) ? "(sealed with key id " + HexFormat.of().formatHex(sealed, MAGIC.length, MAGIC.length + ID_BYTES) + ")" : ""));
    }

    /** Sealed with the current key and associated data: nothing for rotation to do. */
    public boolean isCurrent(byte[] sealed) {
        return isTagged(sealed) && Arrays.equals(keys.get(0).id(), Arrays.copyOfRange(sealed, MAGIC.length, MAGIC.length + ID_BYTES));
    }

    private static boolean isTagged(byte[] sealed) {
        return sealed.length > MAGIC.length + ID_BYTES + IV_BYTES && Arrays.equals(MAGIC, 0, MAGIC.length, sealed, 0, MAGIC.length);
    }

    private static String decrypt(Key k, byte[] sealed, int offset, String aad) throws GeneralSecurityException {
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        c.init(Cipher.DECRYPT_MODE, k.spec(), new GCMParameterSpec(TAG_BITS, sealed, offset, IV_BYTES));
        if (aad != null) {
            c.updateAAD(aad.getBytes(StandardCharsets.UTF_8));
        }
        return new String(c.doFinal(sealed, offset + IV_BYTES, sealed.length - offset - IV_BYTES), StandardCharsets.UTF_8);
    }
}
