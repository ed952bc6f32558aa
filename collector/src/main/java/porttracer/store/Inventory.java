package porttracer.store;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import porttracer.domain.Platform;
import porttracer.domain.PortName;
import porttracer.secure.SecretBox;

/** Sites, floors, switches, credentials, pinned host keys and port overrides in PostgreSQL. */
public final class Inventory {

    private static final String SWITCH_COLUMNS = """
            select s.id, s.name, s.host, s.ssh_port, s.platform, s.model, si.name as site, f.name as floor,
                   s.enabled, coalesce(s.poll_interval_seconds, si.poll_interval_seconds) as poll_interval_seconds,
                   s.collect_arp, s.platform_auto, s.legacy_crypto
              from switch s join site si on si.id = s.site_id left join floor f on f.id = s.floor_id
            """;

    private static final String READING = "reading inventory";
    private static final String WRITING = "writing inventory";

    private final DataSource db;
    private final SiteStore sites;
    private final CredentialStore credentials;

    public Inventory(DataSource db, SecretBox secrets) {
        this.db = db;
        this.sites = new SiteStore(db);
        this.credentials = new CredentialStore(db, secrets);
    }

    /** The sites and floors the switches are placed in. */
    public SiteStore siteStore() {
        return sites;
    }

    /** The login sets switches use. */
    public CredentialStore credentialStore() {
        return credentials;
    }

    public int site(String name) {
        return sites.upsert(name);
    }

    public int floor(int siteId, String name) {
        return sites.upsertFloor(siteId, name);
    }

    public int credential(String name, String username, String password) {
        return credentials.put(name, username, password);
    }

    /** Sets credential set {@code name}'s enable password and private key, sealed like its password (null: none). */
    public void setCredentialExtras(String name, String enablePassword, String privateKey) {
        credentials.setExtras(name, enablePassword, privateKey);
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
        for (Map.Entry<Integer, Map<String, Object>> e : Sql.list(db, "reading switch logins",
                "select switch_id, method, in_shell_login, enable, legacy_crypto from switch_login", rs -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("method", rs.getString(2));
                    m.put("enable", rs.getString(4));
                    m.put("inShellLogin", rs.getBoolean(3));
                    m.put("legacyCrypto", rs.getBoolean(5));
                    return Map.entry(rs.getInt(1), m);
                })) {
            out.put(e.getKey(), e.getValue());
        }
        return out;
    }

    /** Adds or updates (by name) a switch; returns its id. */
    public int putSwitch(String name, String host, int sshPort, Platform platform, String model,
                         int siteId, Integer floorId, Integer credentialId) {
        return Sql.id(db, WRITING, null, """
                insert into switch(name, host, ssh_port, platform, model, site_id, floor_id, credential_id)
                values (?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (name) do update set host = excluded.host, ssh_port = excluded.ssh_port,
                    platform = excluded.platform, model = excluded.model, site_id = excluded.site_id,
                    floor_id = excluded.floor_id, credential_id = excluded.credential_id
                returning id""", name, host, sshPort, platform == null ? null : platform.id(), model, siteId, floorId, credentialId);
    }

    /** Adds a switch with every column an administrator sets; a name or address taken is a {@link Conflict}. */
    public int createSwitch(SwitchRow row) {
        return Sql.id(db, WRITING, row.taken(), """
                insert into switch(name, host, ssh_port, platform, model, site_id, floor_id, credential_id, enabled,
                                   poll_interval_seconds, platform_auto, legacy_crypto)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""", row.columns());
    }

    /**
     * Replaces switch {@code id}'s columns; a null platform keeps the detected one of a switch set to auto, a null
     * credential keeps the current one.
     */
    public void updateSwitch(int id, SwitchRow row) {
        Object[] cols = row.columns();
        Object[] args = java.util.Arrays.copyOf(cols, cols.length + 1);
        args[cols.length] = id;
        Sql.found(Sql.update(db, WRITING, row.taken(), """
                update switch set name = ?, host = ?, ssh_port = ?, platform = coalesce(?, case when platform_auto then platform end),
                       model = ?, site_id = ?, floor_id = ?, credential_id = coalesce(?, credential_id), enabled = ?,
                       poll_interval_seconds = ?, platform_auto = ?, legacy_crypto = ?
                 where id = ?""", args), "no switch " + id);
    }

    public void setCollectArp(int switchId, boolean collect) {
        update("update switch set collect_arp = ? where id = ?", collect, switchId);
    }

    public void setPollInterval(int switchId, Integer seconds) {
        update("update switch set poll_interval_seconds = ? where id = ?", seconds, switchId);
    }

    /** The site's default credential and poll interval, for switches without their own. */
    public void setSiteDefaults(int siteId, Integer credentialId, Integer pollIntervalSeconds) {
        sites.setDefaults(siteId, credentialId, pollIntervalSeconds);
    }

    public void deleteSwitch(int switchId) {
        Sql.found(Sql.update(db, WRITING, "switch " + switchId + " is still referenced", "delete from switch where id = ?",
                switchId), "no switch " + switchId);
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

    /** The switch, or {@link NotFound} when there is none with that id. */
    public SwitchRecord requireSwitch(int id) {
        return switchById(id).orElseThrow(() -> new NotFound("no switch with id " + id));
    }

    /** The switch's id, or null when there is none of that name. */
    public Integer switchId(String name) {
        return Sql.first(db, READING, "select id from switch where name = ?", rs -> rs.getInt(1), name).orElse(null);
    }

    public Optional<Credentials> credentialsFor(int switchId) {
        return credentials.forSwitch(switchId);
    }

    public Optional<String> pinnedHostKey(int switchId) {
        return Sql.first(db, "reading host key of switch " + switchId, "select host_key from switch where id = ?",
                rs -> rs.getString(1), switchId);
    }

    /** Records the first key seen; returns false when another key was pinned meanwhile. */
    public boolean pinHostKeyIfAbsent(int switchId, String key) {
        return update("update switch set host_key = ?, host_key_seen_at = now() where id = ? and host_key is null",
                key, switchId) == 1;
    }

    /** An administrator's acceptance of a changed key: pinned now, the offered one forgotten. */
    public void replaceHostKey(int switchId, String key) {
        update("update switch set host_key = ?, host_key_seen_at = now(), host_key_offered = null, "
                + "host_key_offered_at = null where id = ?", java.util.Objects.requireNonNull(key), switchId);
    }

    /** Forgets the pinned key (and any offered one), so that the next connection learns it. */
    public void forgetHostKey(int switchId) {
        update("update switch set host_key = null, host_key_seen_at = null, host_key_offered = null, "
                + "host_key_offered_at = null where id = ?", switchId);
    }

    /** Records the key a switch presented that differs from the pinned one, for an administrator to accept. */
    public void recordOfferedHostKey(int switchId, String key) {
        update("update switch set host_key_offered = ?, host_key_offered_at = now() where id = ?", key, switchId);
    }

    /** A switch's pinned key and the different key it last offered, each with its time; null when none. */
    public record HostKeys(String pinned, java.time.Instant pinnedAt, String offered, java.time.Instant offeredAt) {
    }

    public Optional<HostKeys> hostKeys(int switchId) {
        return Sql.first(db, "reading host keys of switch " + switchId,
                "select host_key, host_key_seen_at, host_key_offered, host_key_offered_at from switch where id = ?",
                rs -> new HostKeys(rs.getString(1), Sql.instant(rs.getTimestamp(2)), rs.getString(3),
                        Sql.instant(rs.getTimestamp(4))), switchId);
    }

    public Optional<String> offeredHostKey(int switchId) {
        return Sql.first(db, "reading offered host key of switch " + switchId,
                "select host_key_offered from switch where id = ?", rs -> rs.getString(1), switchId);
    }

    public void putPortOverride(int switchId, String portKey, String role, String note) {
        update("insert into port_override(switch_id, port_key, role, note) values (?, ?, ?, ?) "
                + "on conflict (switch_id, port_key) do update set role = excluded.role, note = excluded.note",
                switchId, portKey, role, note);
    }

    /** A port's role set by an administrator, with the note (empty when none). */
    public record PortOverride(String portKey, String role, String note) {
    }

    /** The switch's overrides by port key. */
    public List<PortOverride> portOverrideList(int switchId) {
        return Sql.list(db, "reading port overrides of switch " + switchId,
                "select port_key, role, note from port_override where switch_id = ? order by port_key",
                rs -> new PortOverride(rs.getString(1), rs.getString(2), rs.getString(3) == null ? "" : rs.getString(3)),
                switchId);
    }

    /** Port key to role ("edge" or "uplink") for one switch. */
    public Map<String, String> portOverrides(int switchId) {
        Map<String, String> out = new HashMap<>();
        for (PortOverride o : portOverrideList(switchId)) {
            out.put(o.portKey(), o.role());
        }
        return out;
    }

    /** Deletes the override of {@code port} (as named by the caller); {@link NotFound} when there is none. */
    public void deletePortOverride(int switchId, String port) {
        Sql.found(update("delete from port_override where switch_id = ? and port_key = ?", switchId, PortName.keyOf(port)),
                "no port override on switch " + switchId + " port " + port);
    }

    private List<SwitchRecord> query(String sql, Object... args) {
        return Sql.list(db, "reading switches", sql, rs -> {
            int seconds = rs.getInt("poll_interval_seconds");
            Integer interval = rs.wasNull() ? null : seconds;
            return new SwitchRecord(rs.getInt("id"), rs.getString("name"), rs.getString("host"),
                    rs.getInt("ssh_port"), rs.getString("platform") == null ? null : Platform.of(rs.getString("platform")),
                    rs.getString("model"), rs.getString("site"), rs.getString("floor"), rs.getBoolean("enabled"),
                    interval, rs.getBoolean("collect_arp"), rs.getBoolean("platform_auto"),
                    rs.getBoolean("legacy_crypto"));
        }, args);
    }

    private int update(String sql, Object... args) {
        return Sql.update(db, WRITING, null, sql, args);
    }
}
