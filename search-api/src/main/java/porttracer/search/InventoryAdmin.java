package porttracer.search;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import porttracer.domain.Platform;
import porttracer.domain.PortName;
import porttracer.store.Inventory;
import porttracer.store.StoreException;

/**
 * The inventory as a superadmin edits it: sites, floors, switches, port overrides, host keys.
 * Input is validated here with messages fit for a 400; credentials are accepted and never read back.
 */
final class InventoryAdmin {

    /**
     * A switch as written by a client; site and floor by name, credential by name or as username and password
     * (with, optionally, an enable password and a private key). {@code platform} null: "auto", detected by polls.
     */
    record SwitchInput(String name, String host, int sshPort, Platform platform, String model, String site,
                       String floor, String credential, String username, String password, boolean enabled,
                       Integer pollIntervalSeconds, String enablePassword, String privateKey, boolean legacyCrypto) {
    }

    static final List<String> CSV_COLUMNS = List.of("name", "host", "sshPort", "platform", "model", "site", "floor",
            "credential", "username", "password", "enabled", "pollIntervalSeconds", "enablePassword", "legacyCrypto");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._ -]{0,63}");
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.:-]{0,252}");

    private final DataSource db;
    private final Inventory inventory;

    InventoryAdmin(DataSource db, Inventory inventory) {
        this.db = db;
        this.inventory = inventory;
    }

    List<Map<String, Object>> sites() {
        Map<Integer, Map<String, Object>> sites = new LinkedHashMap<>();
        query("select s.id, s.name, f.id, f.name from site s left join floor f on f.site_id = s.id order by s.name, f.name",
                rs -> {
                    Map<String, Object> site = sites.computeIfAbsent(rs.getInt(1), id -> {
                        Map<String, Object> m = new LinkedHashMap<>();
                        m.put("id", id);
                        m.put("floors", new ArrayList<Map<String, Object>>());
                        return m;
                    });
                    site.put("name", rs.getString(2));
                    int floor = rs.getInt(3);
                    if (!rs.wasNull()) {
                        @SuppressWarnings("unchecked")
                        List<Map<String, Object>> floors = (List<Map<String, Object>>) site.get("floors");
                        floors.add(Map.of("id", floor, "name", rs.getString(4)));
                    }
                });
        return new ArrayList<>(sites.values());
    }

    int createSite(String name) {
        return insert("insert into site(name) values (?) returning id", "site " + name + " already exists", name(name));
    }

    void renameSite(int id, String name) {
        found(update("update site set name = ? where id = ?", "site " + name + " already exists", name(name), id), "site", id);
    }

    void deleteSite(int id) {
        found(update("delete from site where id = ?", "site " + id + " still has switches: move or delete them first", id),
                "site", id);
    }

    int createFloor(int siteId, String name) {
        return insert("insert into floor(site_id, name) select id, ? from site where id = ? returning id",
                "floor " + name + " already exists on site " + siteId, name(name), siteId);
    }

    void deleteFloor(int id) {
        found(update("delete from floor where id = ?", "floor " + id + " still has switches: move or delete them first", id),
                "floor", id);
    }

    int createSwitch(SwitchInput in) {
        return insert("""
                insert into switch(name, host, ssh_port, platform, model, site_id, floor_id, credential_id, enabled,
                                   poll_interval_seconds, platform_auto, legacy_crypto)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""",
                "a switch named " + in.name() + " or at " + in.host() + ":" + in.sshPort() + " already exists",
                switchColumns(in));
    }

    void updateSwitch(int id, SwitchInput in) {
        Object[] cols = switchColumns(in);
        Object[] args = Arrays.copyOf(cols, cols.length + 1);
        args[cols.length] = id;
        found(update("""
                update switch set name = ?, host = ?, ssh_port = ?, platform = coalesce(?, case when platform_auto then platform end),
                       model = ?, site_id = ?, floor_id = ?, credential_id = coalesce(?, credential_id), enabled = ?,
                       poll_interval_seconds = ?, platform_auto = ?, legacy_crypto = ?
                 where id = ?""", "a switch named " + in.name() + " or at " + in.host() + ":" + in.sshPort()
                + " already exists", args), "switch", id);
    }

    void deleteSwitch(int id) {
        found(update("delete from switch where id = ?", "switch " + id + " is still referenced", id), "switch", id);
    }

    /** Creates or updates (by name) every switch of a CSV with a header of {@link #CSV_COLUMNS}; bad lines are reported. */
    Map<String, Object> importCsv(String text) {
        List<List<String>> rows = Csv.parse(text);
        if (rows.isEmpty()) {
            throw new ApiError(400, "empty CSV: expected a header line with " + String.join(",", CSV_COLUMNS));
        }
        List<String> header = rows.get(0);
        for (String required : List.of("name", "host", "site")) {
            if (!header.contains(required)) {
                throw new ApiError(400, "CSV header lacks column " + required, Map.of("columns", CSV_COLUMNS));
            }
        }
        return CsvImport.each(rows, cells -> {
            SwitchInput in = switchInput(name -> {
                String v = cells.get(name);
                return v == null || v.isEmpty() ? null : v;
            });
            Integer existing = switchIdByName(in.name());
            if (existing == null) {
                createSwitch(in);
                return true;
            }
            updateSwitch(existing, in);
            return false;
        });
    }

    void putPortOverride(int switchId, String port, String role, String note) {
        if (!"edge".equals(role) && !"uplink".equals(role)) {
            throw new ApiError(400, "role must be edge or uplink");
        }
        requireSwitch(switchId);
        inventory.putPortOverride(switchId, PortName.keyOf(port), role, note);
    }

    void deletePortOverride(int switchId, String port) {
        found(update("delete from port_override where switch_id = ? and port_key = ?", null, switchId,
                PortName.keyOf(port)), "port override on switch " + switchId + " port", port);
    }

    List<Map<String, Object>> portOverrides(int switchId) {
        requireSwitch(switchId);
        List<Map<String, Object>> out = new ArrayList<>();
        query("select port_key, role, note from port_override where switch_id = " + switchId + " order by port_key",
                rs -> out.add(new LinkedHashMap<>(Map.of("portKey", rs.getString(1), "role", rs.getString(2),
                        "note", rs.getString(3) == null ? "" : rs.getString(3)))));
        return out;
    }

    /** Pins {@code key} (an OpenSSH public key line) or, when null, forgets the pin so that the next connect learns it. */
    void acceptHostKey(int switchId, String key) {
        if (key != null && !key.matches("(ssh-(ed25519|rsa)|ecdsa-sha2-nistp(256|384|521)) [A-Za-z0-9+/=]{16,1024}")) {
            throw new ApiError(400, "hostKey must be an OpenSSH public key such as 'ssh-ed25519 AAAA...', or null "
                    + "to learn the key on the next connection");
        }
        requireSwitch(switchId);
        if (key == null) {
            // Inventory.replaceHostKey(id, null) binds an untyped null that PostgreSQL rejects.
            update("update switch set host_key = null, host_key_seen_at = null where id = ?", null, switchId);
        } else {
            inventory.replaceHostKey(switchId, key);
        }
    }

    void requireSwitch(int id) {
        if (inventory.switchById(id).isEmpty()) {
            throw new ApiError(404, "no switch with id " + id);
        }
    }

    /** Reads and validates a switch from named fields (JSON body or CSV line). */
    SwitchInput switchInput(Function<String, String> field) {
        String name = name(Requests.required(field.apply("name"), "name").strip());
        String host = Requests.required(field.apply("host"), "host").strip();
        if (!HOST.matcher(host).matches()) {
            throw new ApiError(400, "host must be a host name or IP address");
        }
        int sshPort = Requests.wholeNumber(stripped(field.apply("sshPort")), "sshPort", 22, 1, 65535);
        Platform platform = SwitchLoginInput.platform(field.apply("platform"));
        String credential = field.apply("credential");
        String username = field.apply("username");
        String password = field.apply("password");
        if ((username == null) != (password == null)) {
            throw new ApiError(400, "give both username and password, or neither");
        }
        String enabled = field.apply("enabled");
        if (enabled != null && !enabled.equals("true") && !enabled.equals("false")) {
            throw new ApiError(400, "enabled must be true or false");
        }
        Integer interval = field.apply("pollIntervalSeconds") == null ? null
                : Requests.wholeNumber(stripped(field.apply("pollIntervalSeconds")), "pollIntervalSeconds", 0, 10, 86_400);
        String model = field.apply("model");
        if (model != null && model.length() > 64) {
            throw new ApiError(400, "model is longer than 64 characters");
        }
        SwitchLoginInput.Extras extras = SwitchLoginInput.extras(field, username != null);
        String site = Requests.required(field.apply("site"), "site").strip();
        return new SwitchInput(name, host, sshPort, platform, model, site, field.apply("floor"),
                credential, username, password, !"false".equals(enabled), interval, extras.enablePassword(),
                extras.privateKey(), extras.legacyCrypto());
    }

    private Object[] switchColumns(SwitchInput in) {
        Integer siteId = idOf("select id from site where name = ?", in.site());
        if (siteId == null) {
            throw new ApiError(400, "unknown site " + in.site() + ": create it first");
        }
        Integer floorId = null;
        if (in.floor() != null) {
            floorId = idOf("select id from floor where site_id = " + siteId + " and name = ?", in.floor());
            if (floorId == null) {
                throw new ApiError(400, "unknown floor " + in.floor() + " on site " + in.site() + ": create it first");
            }
        }
        Integer credentialId = null;
        if (in.username() != null) {
            String credentialName = "switch:" + in.name();
            credentialId = inventory.credential(credentialName, in.username(), in.password());
            inventory.setCredentialExtras(credentialName, in.enablePassword(), in.privateKey());
        } else if (in.credential() != null) {
            credentialId = idOf("select id from credential where name = ?", in.credential());
            if (credentialId == null) {
                throw new ApiError(400, "unknown credential " + in.credential());
            }
        }
        return new Object[] {in.name(), in.host(), in.sshPort(), in.platform() == null ? null : in.platform().id(),
                in.model(), siteId, floorId, credentialId, in.enabled(), in.pollIntervalSeconds(), in.platform() == null,
                in.legacyCrypto()};
    }

    /** Every switch's last login (method, enable, inShellLogin, legacyCrypto) by switch id. */
    Map<Integer, Map<String, Object>> logins() {
        return inventory.logins();
    }

    Integer switchIdByName(String name) {
        return idOf("select id from switch where name = ?", name);
    }

    /** CSV cells and JSON fields may carry spaces around a number. */
    private static String stripped(String value) {
        return value == null ? null : value.strip();
    }

    static String name(String name) {
        if (name == null || !NAME.matcher(name.strip()).matches()) {
            throw new ApiError(400, "a name is 1 to 64 letters, digits, spaces, dots, dashes or underscores");
        }
        return name.strip();
    }

    private interface Row {
        void read(ResultSet rs) throws SQLException;
    }

    private void query(String sql, Row row) {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql);
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                row.read(rs);
            }
        } catch (SQLException e) {
            throw new StoreException("reading inventory", e);
        }
    }

    Integer idOf(String sql, String arg) {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, arg);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getInt(1) : null;
            }
        } catch (SQLException e) {
            throw new StoreException("reading inventory", e);
        }
    }

    int insert(String sql, String conflict, Object... args) {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new ApiError(404, "the parent record does not exist");
                }
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            throw conflictOr(e, conflict);
        }
    }

    int update(String sql, String conflict, Object... args) {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw conflictOr(e, conflict);
        }
    }

    private static void bind(PreparedStatement ps, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            if (args[i] == null) {
                ps.setNull(i + 1, java.sql.Types.NULL);
            } else {
                ps.setObject(i + 1, args[i]);
            }
        }
    }

    /** Unique and foreign-key violations are the client's conflict (409); anything else is the database's. */
    private static RuntimeException conflictOr(SQLException e, String conflict) {
        String state = e.getSQLState();
        if (conflict != null && ("23505".equals(state) || "23503".equals(state))) {
            return new ApiError(409, conflict);
        }
        return new StoreException("writing inventory", e);
    }

    private static void found(int rows, String what, Object id) {
        if (rows == 0) {
            throw new ApiError(404, "no " + what + " " + id);
        }
    }
}
