package porttracer.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import porttracer.secure.SecretBox;
import porttracer.secure.SecretColumn;

/** Every sealed column of {@link SecretColumn#ALL} in PostgreSQL, re-sealed under the current key. */
public final class SecretStore {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SecretStore.class);

    private final DataSource db;

    public SecretStore(DataSource db) {
        this.db = db;
    }

    /** Re-seals, in one transaction, every value not sealed with the current key and its row's associated data. */
    public int resealStale(SecretBox box) {
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
