package porttracer.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;

/** Each switch's last poll and last good poll, in PostgreSQL. */
public final class PollStatusStore {

    private final DataSource db;

    public PollStatusStore(DataSource db) {
        this.db = db;
    }

    public void record(PollRecord r) {
        boolean ok = r.outcome() == PollOutcome.OK;
        String sql = """
                insert into poll_status(switch_id, started_at, duration_ms, outcome, error, entries, unparsed_lines,
                                        last_ok_at, last_ok_entries, consecutive_failures, node)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (switch_id) do update set started_at = excluded.started_at,
                    duration_ms = excluded.duration_ms, outcome = excluded.outcome, error = excluded.error,
                    entries = excluded.entries, unparsed_lines = excluded.unparsed_lines,
                    last_ok_at = coalesce(excluded.last_ok_at, poll_status.last_ok_at),
                    last_ok_entries = coalesce(excluded.last_ok_entries, poll_status.last_ok_entries),
                    consecutive_failures = case when excluded.outcome = 'ok' then 0
                                                else poll_status.consecutive_failures + 1 end,
                    node = excluded.node""";
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            Timestamp started = Timestamp.from(r.startedAt());
            Sql.bind(ps, r.switchId(), started, (int) r.durationMs(), r.outcome().id(), r.error(),
                    r.entries(), r.unparsedLines(), ok ? started : null, ok ? r.entries() : null, ok ? 0 : 1, r.node());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("recording poll of switch " + r.switchId(), e);
        }
    }

    /** When the switch's last poll started, or null if never. */
    public Instant lastPollAt(int switchId) {
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("select started_at from poll_status where switch_id = ?")) {
            ps.setInt(1, switchId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? instant(rs.getTimestamp(1)) : null;
            }
        } catch (SQLException e) {
            throw new StoreException("reading poll status of switch " + switchId, e);
        }
    }

    public Map<Integer, SwitchStatus> all() {
        Map<Integer, SwitchStatus> out = new HashMap<>();
        String sql = "select switch_id, started_at, duration_ms, outcome, error, entries, last_ok_at, consecutive_failures from poll_status";
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql);
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                int id = rs.getInt(1);
                int entries = rs.getInt(6);
                Integer entriesOrNull = rs.wasNull() ? null : entries;
                out.put(id, new SwitchStatus(id, instant(rs.getTimestamp(2)), rs.getLong(3), rs.getString(4),
                        rs.getString(5), entriesOrNull, instant(rs.getTimestamp(7)), rs.getInt(8)));
            }
        } catch (SQLException e) {
            throw new StoreException("reading poll status", e);
        }
        return out;
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
