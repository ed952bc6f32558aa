package porttracer.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import porttracer.store.AlertRule;
import porttracer.config.Settings;
import porttracer.secure.KeyFile;
import porttracer.secure.SecretBox;
import porttracer.secure.SecretColumn;

/**
 * Secrets at rest in the real database: bound to their row (a ciphertext copied to another row does not open),
 * values from before key ids migrated at start, and ./porttracer rotate-key re-encrypting every one.
 */
class KeyRotationTest {

    private static Settings keyFileSettings(Path keyFile) throws Exception {
        Settings s = TestEnv.settings(Map.of("secret.key", "", "secret.key-file", keyFile.toString()));
        Scratch.resetDatabase(s);
        return s;
    }

    @Test
    void aCiphertextCopiedToAnotherRowDoesNotOpen(@TempDir Path dir) throws Exception {
        Settings s = keyFileSettings(dir.resolve("credential.key"));
        try (PortTracer pt = new PortTracer(s)) {
            int site = pt.inventory().site("s1");
            int a = pt.inventory().credential("cred-a", "admin", TestEnv.plantedSecret() + "-a");
            int b = pt.inventory().credential("cred-b", "admin", TestEnv.plantedSecret() + "-b");
            int sw = pt.inventory().putSwitch("sw1", "127.0.0.1", 22, porttracer.domain.Platform.OS10, null, site, null, b);
            assertThat(pt.inventory().credentialsFor(sw).orElseThrow().password()).isEqualTo(TestEnv.plantedSecret() + "-b");
            // An attacker with write access to the table swaps in the other row's (known) ciphertext.
            sql(pt.db().dataSource(), "update credential set secret = (select secret from credential where id = " + a
                    + ") where id = " + b);
            assertThatThrownBy(() -> pt.inventory().credentialsFor(sw)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("credential.secret/cred-b");
            TestEnv.deleteIndices(pt.elastic());
        }
    }

    @Test
    void valuesFromBeforeKeyIdsAreMigratedAtStartAndRotateKeyReencryptsEverySecret(@TempDir Path dir) throws Exception {
        Path keyFile = dir.resolve("credential.key");
        Settings s = keyFileSettings(keyFile);
        int rule;
        try (PortTracer pt = new PortTracer(s)) {
            pt.inventory().credential("legacy", "admin", "placeholder");
            rule = pt.alertStore().create(new AlertRule(0, "r", "moved", null, null, null, null, null, null,
                    "http://hooks.example/x", true), TestEnv.plantedSecret() + "-hmac", "test");
        }
        byte[] oldKey = KeyFile.read(keyFile).get(0);
        // A value written by the release before key ids: iv || ciphertext, no associated data.
        try (PortTracer pt = new PortTracer(s)) {
            try (Connection c = pt.db().dataSource().getConnection();
                 PreparedStatement ps = c.prepareStatement("update credential set secret = ? where name = 'legacy'")) {
                ps.setBytes(1, legacySeal(oldKey, TestEnv.plantedSecret() + "-legacy"));
                ps.executeUpdate();
            }
        }
        try (PortTracer pt = new PortTracer(s)) {
            byte[] migrated = secret(pt.db().dataSource(), "credential", "name = 'legacy'");
            assertThat(new String(migrated, 0, 4, StandardCharsets.US_ASCII)).as("re-sealed with a key id at start").isEqualTo("PTK1");
            assertThat(new SecretBox(oldKey).open(migrated, SecretColumn.CREDENTIAL.aad("legacy")))
                    .isEqualTo(TestEnv.plantedSecret() + "-legacy");
        }

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(KeyCommand.rotate(s, new PrintStream(out, true, StandardCharsets.UTF_8), System.err)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("re-encrypted 2 secrets");
        List<byte[]> keys = KeyFile.read(keyFile);
        assertThat(keys).hasSize(1);
        assertThat(keys.get(0)).isNotEqualTo(oldKey);
        SecretBox fresh = new SecretBox(keys.get(0));
        SecretBox old = new SecretBox(oldKey);
        try (PortTracer pt = new PortTracer(s)) {
            DataSource db = pt.db().dataSource();
            byte[] cred = secret(db, "credential", "name = 'legacy'");
            byte[] hmac = secret(db, "alert_rule", "id = " + rule);
            assertThat(fresh.open(cred, SecretColumn.CREDENTIAL.aad("legacy"))).isEqualTo(TestEnv.plantedSecret() + "-legacy");
            assertThat(fresh.open(hmac, SecretColumn.ALERT_RULE.aad(rule))).isEqualTo(TestEnv.plantedSecret() + "-hmac");
            assertThatThrownBy(() -> old.open(cred, SecretColumn.CREDENTIAL.aad("legacy"))).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> old.open(hmac, SecretColumn.ALERT_RULE.aad(rule))).isInstanceOf(IllegalStateException.class);
            TestEnv.deleteIndices(pt.elastic());
        }
        assertThat(KeyCommand.rotate(s.with("secret.key", "x"), System.out, new PrintStream(new ByteArrayOutputStream()))).isEqualTo(2);
    }

    private static byte[] secret(DataSource db, String table, String where) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select secret from " + table + " where " + where); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getBytes(1);
        }
    }

    private static void sql(DataSource db, String sql) throws Exception {
        try (Connection c = db.getConnection(); var st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private static byte[] legacySeal(byte[] key, String plaintext) throws Exception {
        byte[] iv = new byte[12];
        new SecureRandom().nextBytes(iv);
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, iv));
        byte[] ct = c.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
        return ByteBuffer.allocate(12 + ct.length).put(iv).put(ct).array();
    }
}
