package porttracer.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import porttracer.secure.SecretBox;
import porttracer.secure.SecretColumn;

/** Alert rules and the record of every delivery, in PostgreSQL. */
public final class AlertStore {

    private final DataSource db;
    private final SecretBox secrets;

    public AlertStore(DataSource db, SecretBox secrets) {
        this.db = db;
        this.secrets = secrets;
    }

    public int create(AlertRule r, String secret, String createdBy) {
        String sql = """
                insert into alert_rule(name, kind, mac, oui, switch_id, port_key, flap_moves, flap_minutes, webhook_url,
                                       secret, enabled, created_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""";
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            // The secret is bound to the rule's id, known once the row exists: sealed in the same transaction.
            c.setAutoCommit(false);
            Sql.bind(ps, r.name(), r.kind(), r.mac(), r.oui(), r.switchId(), r.portKey(),
                    r.flapMoves(), r.flapMinutes(), r.webhookUrl(), null, r.enabled(), createdBy);
            int id;
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                id = rs.getInt(1);
            }
            if (secret != null) {
                try (PreparedStatement up = c.prepareStatement("update alert_rule set secret = ? where id = ?")) {
                    Sql.bind(up, secrets.seal(secret, SecretColumn.ALERT_RULE.aad(id)), id);
                    up.executeUpdate();
                }
            }
            c.commit();
            return id;
        } catch (SQLException e) {
            throw new StoreException("saving alert rule", e);
        }
    }

    /** Replaces rule {@code id}; false when there is none. */
    public boolean update(int id, AlertRule r, String secret) {
        String sql = """
                update alert_rule set name = ?, kind = ?, mac = ?, oui = ?, switch_id = ?, port_key = ?, flap_moves = ?,
                                      flap_minutes = ?, webhook_url = ?, secret = ?, enabled = ?
                where id = ?""";
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            Sql.bind(ps, r.name(), r.kind(), r.mac(), r.oui(), r.switchId(), r.portKey(),
                    r.flapMoves(), r.flapMinutes(), r.webhookUrl(), secret == null ? null : secrets.seal(secret, SecretColumn.ALERT_RULE.aad(id)),
                    r.enabled(), id);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new StoreException("updating alert rule " + id, e);
        }
    }

    public boolean delete(int id) {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement("delete from alert_rule where id = ?")) {
            ps.setInt(1, id);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new StoreException("deleting alert rule", e);
        }
    }

    public List<AlertRule> rules() {
        List<AlertRule> out = new ArrayList<>();
        String sql = "select id, name, kind, mac, oui, switch_id, port_key, flap_moves, flap_minutes, webhook_url, enabled "
                + "from alert_rule order by id";
        try (Connection c = db.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(new AlertRule(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        (Integer) rs.getObject(6), rs.getString(7), (Integer) rs.getObject(8), (Integer) rs.getObject(9),
                        rs.getString(10), rs.getBoolean(11)));
            }
        } catch (SQLException e) {
            throw new StoreException("reading alert rules", e);
        }
        return out;
    }

    public Optional<String> secret(int ruleId) {
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("select secret from alert_rule where id = ?")) {
            ps.setInt(1, ruleId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next() || rs.getBytes(1) == null) {
                    return Optional.empty();
                }
                return Optional.of(secrets.open(rs.getBytes(1), SecretColumn.ALERT_RULE.aad(ruleId)));
            }
        } catch (SQLException e) {
            throw new StoreException("reading alert secret", e);
        }
    }

    public long recordDelivery(int ruleId, String mac, String payload, String status) {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "insert into alert_delivery(rule_id, mac, payload, status) values (?, ?, ?, ?) returning id")) {
            Sql.bind(ps, ruleId, mac, payload, status);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new StoreException("recording alert delivery", e);
        }
    }

    public void updateDelivery(long id, String status, int attempts, String error) {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "update alert_delivery set status = ?, attempts = ?, last_error = ?, "
                        + "delivered_at = case when ? = 'delivered' then now() else null end where id = ?")) {
            Sql.bind(ps, status, attempts, error, status, id);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("updating alert delivery", e);
        }
    }

    /** Deletes delivery records made before {@code cutoff}; returns how many. */
    public int deleteDeliveriesBefore(java.time.Instant cutoff) {
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("delete from alert_delivery where at < ?")) {
            ps.setTimestamp(1, Timestamp.from(cutoff));
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("purging old alert deliveries", e);
        }
    }

    /** Deliveries of one rule, newest first: {id, at, mac, status, attempts, lastError, payload}. */
    public List<java.util.Map<String, Object>> deliveries(int ruleId, int limit) {
        List<java.util.Map<String, Object>> out = new ArrayList<>();
        String sql = "select id, at, mac, status, attempts, last_error, payload from alert_delivery where rule_id = ? "
                + "order by id desc limit ?";
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setInt(1, ruleId);
            ps.setInt(2, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
                    m.put("id", rs.getLong(1));
                    Timestamp at = rs.getTimestamp(2);
                    m.put("at", at == null ? null : at.toInstant().toString());
                    m.put("mac", rs.getString(3));
                    m.put("status", rs.getString(4));
                    m.put("attempts", rs.getInt(5));
                    m.put("lastError", rs.getString(6));
                    m.put("payload", rs.getString(7));
                    out.add(m);
                }
            }
        } catch (SQLException e) {
            throw new StoreException("reading alert deliveries", e);
        }
        return out;
    }

}
