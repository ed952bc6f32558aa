package porttracer.secure;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import porttracer.store.StoreException;

/**
 * Re-encrypts every secret of {@link SecretColumn#ALL}: at start, values sealed under an older key or in the
 * format before key ids and associated data; on {@code ./porttracer rotate-key}, all of them under a new key.
 */
public final class KeyRotation {

    /** What a rotation did: values re-sealed, and the id of the key they are now sealed with. */
    public record Report(int resealed, String keyId) {
    }

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(KeyRotation.class);

    private KeyRotation() {
    }

    /**
     * A new key becomes current: written first in the key file next to the old ones (a crash leaves every value
     * readable), every value re-sealed in one transaction, then the old keys dropped from the file.
     */
    public static Report rotate(DataSource db, Path keyFile) throws IOException {
        List<byte[]> old = KeyFile.read(keyFile);
        byte[] fresh = KeyFile.newKey();
        List<byte[]> ring = new ArrayList<>();
        ring.add(fresh);
        ring.addAll(old);
        KeyFile.replace(keyFile, ring);
        SecretBox box = new SecretBox(ring);
        int n = resealStale(db, box);
        KeyFile.replace(keyFile, List.of(fresh));
        return new Report(n, box.currentKeyId());
    }

    /** Re-seals, in one transaction, every value not sealed with the current key and its row's associated data. */
    public static int resealStale(DataSource db, SecretBox box) {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            int n = 0;
            try {
                for (SecretColumn col : SecretColumn.ALL) {
                    n += reseal(c, col, box);
                }
                c.commit();
                if (n > 0) {
                    LOG.atInfo().addKeyValue("values", n).addKeyValue("keyId", box.currentKeyId())
                            .log("secrets re-sealed under the current credential key");
                }
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
            return n;
        } catch (SQLException e) {
            throw new StoreException("re-encrypting secrets", e);
        }
    }

    private static int reseal(Connection c, SecretColumn col, SecretBox box) throws SQLException {
        // Table and column names come from SecretColumn constants, never from input.
        String select = "select " + col.rowKeyColumn() + ", " + col.column() + " from " + col.table()
                + " where " + col.column() + " is not null for update";
        String update = "update " + col.table() + " set " + col.column() + " = ? where " + col.rowKeyColumn() + " = ?";
        int n = 0;
        try (PreparedStatement sel = c.prepareStatement(select); ResultSet rs = sel.executeQuery();
             PreparedStatement upd = c.prepareStatement(update)) {
            while (rs.next()) {
                Object rowKey = rs.getObject(1);
                byte[] sealed = rs.getBytes(2);
                if (box.isCurrent(sealed)) {
                    // Still checked: a value that does not open under its row's data is not silently kept.
                    box.open(sealed, col.aad(rowKey));
                    continue;
                }
                upd.setBytes(1, box.seal(box.open(sealed, col.aad(rowKey)), col.aad(rowKey)));
                upd.setObject(2, rowKey);
                upd.executeUpdate();
                n++;
            }
        }
        return n;
    }
}
