package porttracer.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import porttracer.domain.Platform;
import porttracer.secure.SecretBox;
import porttracer.secure.SecretColumn;

/** Sites, floors, switches, credentials, pinned host keys and port overrides in PostgreSQL. */
public final class Inventory {

    private static final String SWITCH_COLUMNS = """
            select s.id, s.name, s.host, s.ssh_port, s.platform, s.model, si.name as site, f.name as floor,
                   s.enabled, coalesce(s.poll_interval_seconds, si.poll_interval_seconds) as poll_interval_seconds,
                   s.collect_arp, s.platform_auto, s.legacy_crypto
              from switch s join site si on si.id = s.site_id left join floor f on f.id = s.floor_id
            """;

    private final DataSource db;
    private final SecretBox secrets;

    public Inventory(DataSource db, SecretBox secrets) {
        this.db = db;
        this.secrets = secrets;
    }

    public int site(String name) {
        return upsertReturningId("insert into site(name) values (?) on conflict (name) do update set name = excluded.name returning id",
                name);
    }

    public int floor(int siteId, String name) {
        return upsertReturningId("insert into floor(site_id, name) values (?, ?) "
                + "on conflict (site_id, name) do update set name = excluded.name returning id", siteId, name);
    }

    public int credential(String name, String username, String password) {
        return upsertReturningId("insert into credential(name, username, secret) values (?, ?, ?) "
                        + "on conflict (name) do update set username = excluded.username, secret = excluded.secret returning id",
                name, username, secrets.seal(password, SecretColumn.CREDENTIAL.aad(name)));
    }

    /** Sets credential set {@code name}'s enable password and private key, sealed like its password (null: none). */
    public void setCredentialExtras(String name, String enablePassword, String privateKey) {
        update("update credential set enable_secret = ?, private_key_secret = ? where name = ?",
                enablePassword == null ? null : secrets.seal(enablePassword, SecretColumn.CREDENTIAL_ENABLE.aad(name)),
                privateKey == null ? null : secrets.seal(privateKey, SecretColumn.CREDENTIAL_KEY.aad(name)), name);
    }

    /** Auto-detection of the platform at every poll (platform null until the first), and legacy SSH algorithms. */
    public void setLoginOptions(int switchId, boolean autoPlatform, boolean legacyCrypto) {
        update("update switch set platform_auto = ?, legacy_crypto = ?, platform = case when ? and platform_auto = false "
                + "then null else platform end where id = ?", autoPlatform, legacyCrypto, autoPlatform, switchId);
    }

    /** What a poll's {@code show version} said: platform and model. */
    public void setDetectedPlatform(int switchId, Platform platform, String model) {
        update("update switch set platform = ?, model = coalesce(?, model) where id = ?", platform.id(), model, switchId);
    }

    /** How the last session to the switch logged in. */
    public void recordLogin(int switchId, String method, boolean inShellLogin, String enable, boolean legacyCrypto) {
        update("insert into switch_login(switch_id, method, in_shell_login, enable, legacy_crypto) values (?, ?, ?, ?, ?) "
                + "on conflict (switch_id) do update set method = excluded.method, in_shell_login = excluded.in_shell_login, "
                + "enable = excluded.enable, legacy_crypto = excluded.legacy_crypto, detected_at = now()",
                switchId, method, inShellLogin, enable, legacyCrypto);
    }

    /** Switch id to its last login as columns method, inShellLogin, enable, legacyCrypto. */
    public Map<Integer, Map<String, Object>> logins() {
        Map<Integer, Map<String, Object>> out = new HashMap<>();
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("select switch_id, method, in_shell_login, enable, legacy_crypto from switch_login");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Map<String, Object> m = new java.util.LinkedHashMap<>();
                m.put("method", rs.getString(2));
                m.put("enable", rs.getString(4));
                m.put("inShellLogin", rs.getBoolean(3));
                m.put("legacyCrypto", rs.getBoolean(5));
                out.put(rs.getInt(1), m);
            }
        } catch (SQLException e) {
            throw new StoreException("reading switch logins", e);
        }
        return out;
    }

    /** Adds or updates (by name) a switch; returns its id. */
    public int putSwitch(String name, String host, int sshPort, Platform platform, String model,
                         int siteId, Integer floorId, Integer credentialId) {
        return upsertReturningId("""
                insert into switch(name, host, ssh_port, platform, model, site_id, floor_id, credential_id)
                values (?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (name) do update set host = excluded.host, ssh_port = excluded.ssh_port,
                    platform = excluded.platform, model = excluded.model, site_id = excluded.site_id,
                    floor_id = excluded.floor_id, credential_id = excluded.credential_id
                returning id""", name, host, sshPort, platform == null ? null : platform.id(), model, siteId, floorId, credentialId);
    }

    public void setCollectArp(int switchId, boolean collect) {
        update("update switch set collect_arp = ? where id = ?", collect, switchId);
    }

    public void setPollInterval(int switchId, Integer seconds) {
        update("update switch set poll_interval_seconds = ? where id = ?", seconds, switchId);
    }

    /** The site's default credential and poll interval, for switches without their own. */
    public void setSiteDefaults(int siteId, Integer credentialId, Integer pollIntervalSeconds) {
        update("update site set credential_id = ?, poll_interval_seconds = ? where id = ?", credentialId,
                pollIntervalSeconds, siteId);
    }

    public void deleteSwitch(int switchId) {
        update("delete from switch where id = ?", switchId);
    }

    public void setEnabled(int switchId, boolean enabled) {
        update("update switch set enabled = ? where id = ?", enabled, switchId);
    }

    public List<SwitchRecord> switches() {
        return query(SWITCH_COLUMNS + " order by s.id");
    }

    public Optional<SwitchRecord> switchById(int id) {
        return query(SWITCH_COLUMNS + " where s.id = ?", id).stream().findFirst();
    }

    public Optional<Credentials> credentialsFor(int switchId) {
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "select cr.username, cr.secret, cr.name, cr.enable_secret, cr.private_key_secret from switch s join site si on si.id = s.site_id "
                             + "join credential cr on cr.id = coalesce(s.credential_id, si.credential_id) where s.id = ?")) {
            ps.setInt(1, switchId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                String name = rs.getString(3);
                byte[] enable = rs.getBytes(4);
                byte[] key = rs.getBytes(5);
                return Optional.of(new Credentials(rs.getString(1),
                        secrets.open(rs.getBytes(2), SecretColumn.CREDENTIAL.aad(name)),
                        enable == null ? null : secrets.open(enable, SecretColumn.CREDENTIAL_ENABLE.aad(name)),
                        key == null ? null : secrets.open(key, SecretColumn.CREDENTIAL_KEY.aad(name))));
            }
        } catch (SQLException e) {
            throw new StoreException("reading credentials of switch " + switchId, e);
        }
    }

    public Optional<String> pinnedHostKey(int switchId) {
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("select host_key from switch where id = ?")) {
            ps.setInt(1, switchId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("reading host key of switch " + switchId, e);
        }
    }

    /** Records the first key seen; returns false when another key was pinned meanwhile. */
    public boolean pinHostKeyIfAbsent(int switchId, String key) {
        return update("update switch set host_key = ?, host_key_seen_at = now() where id = ? and host_key is null",
                key, switchId) == 1;
    }

    /** An administrator's acceptance of a changed key (or null to re-learn on next connect). */
    public void replaceHostKey(int switchId, String key) {
        update("update switch set host_key = ?::text, host_key_offered = null, host_key_offered_at = null, "
                + "host_key_seen_at = case when ?::text is null then null else now() end where id = ?", key, key, switchId);
    }

    /** Forgets the pinned key, so that the next connection learns it (a switch whose key type changed on purpose). */
    public void forgetHostKey(int switchId) {
        update("update switch set host_key = null, host_key_seen_at = null, host_key_offered = null where id = ?", switchId);
    }

    /** Records the key a switch presented that differs from the pinned one, for an administrator to accept. */
    public void recordOfferedHostKey(int switchId, String key) {
        update("update switch set host_key_offered = ?, host_key_offered_at = now() where id = ?", key, switchId);
    }

    /** A switch's pinned key and the different key it last offered, each with its time; null when none. */
    public record HostKeys(String pinned, java.time.Instant pinnedAt, String offered, java.time.Instant offeredAt) {
    }

    public Optional<HostKeys> hostKeys(int switchId) {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select host_key, host_key_seen_at, host_key_offered, host_key_offered_at from switch where id = ?")) {
            ps.setInt(1, switchId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new HostKeys(rs.getString(1), instant(rs.getTimestamp(2)), rs.getString(3),
                        instant(rs.getTimestamp(4))));
            }
        } catch (SQLException e) {
            throw new StoreException("reading host keys of switch " + switchId, e);
        }
    }

    private static java.time.Instant instant(java.sql.Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    public Optional<String> offeredHostKey(int switchId) {
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("select host_key_offered from switch where id = ?")) {
            ps.setInt(1, switchId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("reading offered host key of switch " + switchId, e);
        }
    }

    public void putPortOverride(int switchId, String portKey, String role, String note) {
        update("insert into port_override(switch_id, port_key, role, note) values (?, ?, ?, ?) "
                + "on conflict (switch_id, port_key) do update set role = excluded.role, note = excluded.note",
                switchId, portKey, role, note);
    }

    /** Port key to role ("edge" or "uplink") for one switch. */
    public Map<String, String> portOverrides(int switchId) {
        Map<String, String> out = new HashMap<>();
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("select port_key, role from port_override where switch_id = ?")) {
            ps.setInt(1, switchId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getString(2));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("reading port overrides of switch " + switchId, e);
        }
        return out;
    }

    private List<SwitchRecord> query(String sql, Object... args) {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            Sql.bind(ps, args);
            List<SwitchRecord> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int seconds = rs.getInt("poll_interval_seconds");
                    Integer interval = rs.wasNull() ? null : seconds;
                    out.add(new SwitchRecord(rs.getInt("id"), rs.getString("name"), rs.getString("host"),
                            rs.getInt("ssh_port"), rs.getString("platform") == null ? null : Platform.of(rs.getString("platform")),
                            rs.getString("model"), rs.getString("site"), rs.getString("floor"), rs.getBoolean("enabled"),
                            interval, rs.getBoolean("collect_arp"), rs.getBoolean("platform_auto"),
                            rs.getBoolean("legacy_crypto")));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("reading switches", e);
        }
    }

    private int upsertReturningId(String sql, Object... args) {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            Sql.bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            throw new StoreException("writing inventory", e);
        }
    }

    private int update(String sql, Object... args) {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            Sql.bind(ps, args);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("writing inventory", e);
        }
    }

}
