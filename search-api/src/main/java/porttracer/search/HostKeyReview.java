package porttracer.search;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import porttracer.index.Elastic;
import porttracer.store.Inventory;
import porttracer.store.NotFound;

/**
 * The host-key review for superadmins: a switch's pinned key and the different key it offered
 * (refused until accepted), each as type and SHA-256 fingerprint in OpenSSH's notation, and the
 * acceptance of exactly the offered key.
 */
final class HostKeyReview {

    private final Inventory inventory;
    private final InventoryAdmin admin;

    HostKeyReview(Inventory inventory, InventoryAdmin admin) {
        this.inventory = inventory;
        this.admin = admin;
    }

    Map<String, Object> view(int switchId) {
        Inventory.HostKeys keys = keys(switchId);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("switchId", switchId);
        out.put("pinned", describe(keys.pinned(), "pinnedAt", keys.pinnedAt()));
        out.put("offered", describe(keys.offered(), "offeredAt", keys.offeredAt()));
        return out;
    }

    /**
     * Pins the offered key; {@code expectedSha256} (optional) must name it, so that a key offered after the
     * reviewer looked is not accepted unseen. Returns the key now pinned.
     */
    Map<String, Object> acceptOffered(int switchId, String expectedSha256) {
        Inventory.HostKeys keys = keys(switchId);
        if (keys.offered() == null) {
            throw new ApiError(409, "switch " + switchId + " has offered no other host key than the pinned one");
        }
        String fingerprint = sha256(keys.offered());
        if (expectedSha256 != null && !Objects.equals(expectedSha256.strip(), fingerprint)) {
            throw new ApiError(409, "the offered key of switch " + switchId + " is " + fingerprint + ", not "
                    + expectedSha256.strip() + "; review it again");
        }
        admin.acceptHostKey(switchId, keys.offered());
        return describe(keys.offered(), "pinnedAt", Instant.now());
    }

    private Inventory.HostKeys keys(int switchId) {
        return inventory.hostKeys(switchId).orElseThrow(() -> new NotFound("no switch with id " + switchId));
    }

    private static Map<String, Object> describe(String key, String atName, Instant at) {
        if (key == null) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        int space = key.indexOf(' ');
        m.put("type", space < 0 ? null : key.substring(0, space));
        m.put("sha256", sha256(key));
        m.put(atName, at == null ? null : Elastic.time(at));
        m.put("key", key);
        return m;
    }

    /** "SHA256:" and the unpadded base64 of the key blob's SHA-256, as ssh-keygen -l prints it (OpenSSH 6.8+). */
    static String sha256(String opensshKey) {
        String[] parts = opensshKey.strip().split(" ");
        byte[] blob = parts.length > 1 ? Base64.getDecoder().decode(parts[1])
                : opensshKey.getBytes(StandardCharsets.UTF_8);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(blob);
            return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
