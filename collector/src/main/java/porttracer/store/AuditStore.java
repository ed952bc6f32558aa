package porttracer.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;

/** Rows of {@code audit_log}: who did what, from where, with what result. */
public final class AuditStore {

    /** One row; {@code at} is set by PostgreSQL on insert (null there). */
    public record Row(Instant at, String username, String action, String detail, String remoteAddr, String result) {
    }

    private final DataSource db;

    public AuditStore(DataSource db) {
        this.db = db;
    }

    /** Writes the rows in one batch. */
    public void insert(List<Row> rows) {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "insert into audit_log(username, action, detail, remote_addr, result) values (?, ?, ?, ?, ?)")) {
            for (Row r : rows) {
                Sql.bind(ps, r.username(), r.action(), r.detail(), r.remoteAddr(), r.result());
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException e) {
            throw new StoreException("writing " + rows.size() + " audit entries", e);
        }
    }

    /** Newest rows first, optionally of one user and/or one action (null: any). */
    public List<Row> page(String username, String action, int offset, int limit) {
        return Sql.list(db, "reading the audit log", """
                select at, username, action, detail, remote_addr, result from audit_log
                 where (?::text is null or username = ?) and (?::text is null or action = ?)
                 order by at desc, id desc offset ? limit ?""",
                rs -> new Row(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6)), username, username, action, action, offset, limit);
    }
}
