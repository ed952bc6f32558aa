package porttracer.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** Binding positional parameters, nulls included, and running one statement: the one way every store here does it. */
public final class Sql {
    private Sql() {
    }

    /** Reads one row of a result. */
    @FunctionalInterface
    interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    public static void bind(PreparedStatement ps, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            Object a = args[i];
            if (a == null) {
                // Unspecified type: PostgreSQL infers it from the column.
                ps.setNull(i + 1, Types.NULL);
            } else {
                ps.setObject(i + 1, a);
            }
        }
    }

    /** Every row a query returns; {@code doing} names the work in the error. */
    static <T> List<T> list(DataSource db, String doing, String sql, Row<T> row, Object... args) {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            List<T> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(row.read(rs));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException(doing, e);
        }
    }

    /** The first row a query returns (its value may be null), or empty when none. */
    static <T> Optional<T> first(DataSource db, String doing, String sql, Row<T> row, Object... args) {
        List<T> rows = list(db, doing, sql, row, args);
        return rows.isEmpty() ? Optional.empty() : Optional.ofNullable(rows.get(0));
    }

    /** Rows changed; a unique or foreign-key violation is a {@link Conflict} with {@code conflict} when given. */
    static int update(DataSource db, String doing, String conflict, String sql, Object... args) {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw failure(e, doing, conflict);
        }
    }

    /** The id an insert (or upsert) {@code returning id} gives; null when it inserted nothing. */
    static Integer id(DataSource db, String doing, String conflict, String sql, Object... args) {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getInt(1) : null;
            }
        } catch (SQLException e) {
            throw failure(e, doing, conflict);
        }
    }

    /** Unique and foreign-key violations are the caller's conflict when it names one; anything else is the database's. */
    static RuntimeException failure(SQLException e, String doing, String conflict) {
        String state = e.getSQLState();
        if (conflict != null && ("23505".equals(state) || "23503".equals(state))) {
            return new Conflict(conflict);
        }
        return new StoreException(doing, e);
    }

    /** Throws {@link NotFound} with {@code message} when a change touched no row. */
    static void found(int rows, String message) {
        if (rows == 0) {
            throw new NotFound(message);
        }
    }

    static java.time.Instant instant(java.sql.Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
