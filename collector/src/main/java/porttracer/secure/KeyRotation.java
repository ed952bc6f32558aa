package porttracer.secure;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * A new credential key: values sealed under the old keys are re-sealed under it by the store's re-sealing
 * (at start, the store re-seals values under an older key or in the format before key ids and associated data).
 */
public final class KeyRotation {

    /** What a rotation did: values re-sealed, and the id of the key they are now sealed with. */
    public record Report(int resealed, String keyId) {
    }

    private KeyRotation() {
    }

    /**
     * A new key becomes current: written first in the key file next to the old ones (a crash leaves every value
     * readable), every value re-sealed by {@code resealStale} (one transaction), then the old keys dropped from the file.
     */
    public static Report rotate(Path keyFile, ToIntFunction<SecretBox> resealStale) throws IOException {
        List<byte[]> old = KeyFile.read(keyFile);
        byte[] fresh = KeyFile.newKey();
        List<byte[]> ring = new ArrayList<>();
        ring.add(fresh);
        ring.addAll(old);
        KeyFile.replace(keyFile, ring);
        SecretBox box = new SecretBox(ring);
        int n = resealStale.applyAsInt(box);
        KeyFile.replace(keyFile, List.of(fresh));
        return new Report(n, box.currentKeyId());
    }
}
