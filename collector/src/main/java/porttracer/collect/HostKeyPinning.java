package porttracer.collect;

import java.security.PublicKey;
import java.util.Base64;
import java.util.List;
import net.schmizz.sshj.common.Buffer;
import net.schmizz.sshj.common.KeyType;
import net.schmizz.sshj.transport.verification.HostKeyVerifier;
import porttracer.store.Inventory;

/**
 * Trust on first use, then pinned: the first key a switch presents is recorded in the inventory;
 * any later, different key is refused until an administrator accepts it.
 */
final class HostKeyPinning implements HostKeyVerifier {

    private final Inventory inventory;
    private final int switchId;
    private volatile String refusedKey;

    HostKeyPinning(Inventory inventory, int switchId) {
        this.inventory = inventory;
        this.switchId = switchId;
    }

    static String encode(PublicKey key) {
        byte[] blob = new Buffer.PlainBuffer().putPublicKey(key).getCompactData();
        return KeyType.fromKey(key) + " " + Base64.getEncoder().encodeToString(blob);
    }

    @Override
    public boolean verify(String hostname, int port, PublicKey key) {
        String seen = encode(key);
        String pinned = inventory.pinnedHostKey(switchId).orElse(null);
        if (pinned == null) {
            if (inventory.pinHostKeyIfAbsent(switchId, seen)) {
                return true;
            }
            pinned = inventory.pinnedHostKey(switchId).orElse(null);
        }
        if (seen.equals(pinned)) {
            return true;
        }
        refusedKey = seen;
        try {
            inventory.recordOfferedHostKey(switchId, seen);
        } catch (RuntimeException e) {
            // The refusal stands even if it cannot be recorded.
        }
        return false;
    }

    @Override
    public List<String> findExistingAlgorithms(String hostname, int port) {
        return inventory.pinnedHostKey(switchId).map(k -> List.of(k.substring(0, k.indexOf(' ')))).orElse(List.of());
    }

    /** The key that was refused because it differs from the pinned one, or null. */
    String refusedKey() {
        return refusedKey;
    }
}
