package porttracer.secure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretBoxTest {

    private static final String ROW_A = SecretColumn.CREDENTIAL.aad("site-a");
    private static final String ROW_B = SecretColumn.CREDENTIAL.aad("site-b");

    @Test
    void aCiphertextOpensOnlyForItsOwnRowAndPurpose() {
        SecretBox box = new SecretBox(KeyFile.newKey());
        byte[] sealed = box.seal("switch-password", ROW_A);
        assertThat(box.open(sealed, ROW_A)).isEqualTo("switch-password");
        assertThatThrownBy(() -> box.open(sealed, ROW_B)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("sealed for another row").hasMessageNotContaining("switch-password");
        assertThatThrownBy(() -> box.open(sealed, SecretColumn.ALERT_RULE.aad("site-a")))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void ciphertextsNameTheirKeyAndOlderKeysStillOpen() {
        byte[] oldKey = KeyFile.newKey();
        byte[] newKey = KeyFile.newKey();
        byte[] sealedOld = new SecretBox(oldKey).seal("s1", ROW_A);
        assertThat(HexFormat.of().formatHex(sealedOld, 4, 8)).isEqualTo(HexFormat.of().formatHex(SecretBox.id(oldKey)));
        SecretBox ring = new SecretBox(List.of(newKey, oldKey));
        assertThat(ring.open(sealedOld, ROW_A)).isEqualTo("s1");
        assertThat(ring.isCurrent(sealedOld)).isFalse();
        assertThat(ring.isCurrent(ring.seal("s2", ROW_A))).isTrue();
        assertThatThrownBy(() -> new SecretBox(newKey).open(sealedOld, ROW_A)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("key id " + HexFormat.of().formatHex(SecretBox.id(oldKey)));
    }

    @Test
    void theKeyFileIsCreatedOwnerOnlyAndOnceUnderConcurrency(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("state/credential.key");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> ids = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                Callable<String> c = () -> HexFormat.of().formatHex(SecretBox.id(KeyFile.loadOrCreate(file).get(0)));
                ids.add(pool.submit(c));
            }
            String first = ids.get(0).get();
            for (Future<String> f : ids) {
                assertThat(f.get()).as("every node got the same key").isEqualTo(first);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        try (var files = Files.list(file.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).as("no temporary file left")
                    .containsExactly("credential.key");
        }
        KeyFile.replace(file, List.of(KeyFile.newKey(), KeyFile.newKey()));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(KeyFile.read(file)).hasSize(2);
    }
}
