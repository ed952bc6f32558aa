package porttracer.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import porttracer.domain.Platform;
import porttracer.domain.PortName;
import porttracer.store.Inventory;
import porttracer.store.SiteStore;
import porttracer.store.SwitchRow;

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

    private final Inventory inventory;
    private final SiteStore sites;

    InventoryAdmin(Inventory inventory) {
        this.inventory = inventory;
        this.sites = inventory.siteStore();
    }

    int createSite(String name) {
        return sites.create(name(name));
    }

    void renameSite(int id, String name) {
        sites.rename(id, name(name));
    }

    void deleteSite(int id) {
        sites.delete(id);
    }

    int createFloor(int siteId, String name) {
        return sites.createFloor(siteId, name(name));
    }

    void deleteFloor(int id) {
        sites.deleteFloor(id);
    }

    int createSwitch(SwitchInput in) {
        return inventory.createSwitch(row(in));
    }

    void updateSwitch(int id, SwitchInput in) {
        inventory.updateSwitch(id, row(in));
    }

    void deleteSwitch(int id) {
        inventory.deleteSwitch(id);
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
        inventory.deletePortOverride(switchId, port);
    }

    List<Map<String, Object>> portOverrides(int switchId) {
        requireSwitch(switchId);
        List<Map<String, Object>> out = new ArrayList<>();
        for (Inventory.PortOverride o : inventory.portOverrideList(switchId)) {
            out.add(new LinkedHashMap<>(Map.of("portKey", o.portKey(), "role", o.role(), "note", o.note())));
        }
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
            inventory.forgetHostKey(switchId);
        } else {
            inventory.replaceHostKey(switchId, key);
        }
    }

    void requireSwitch(int id) {
        inventory.requireSwitch(id);
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

    /** The input as columns, its site, floor and credential resolved (a new login set stored as the switch's own). */
    private SwitchRow row(SwitchInput in) {
        Integer siteId = sites.siteId(in.site());
        if (siteId == null) {
            throw new ApiError(400, "unknown site " + in.site() + ": create it first");
        }
        Integer floorId = null;
        if (in.floor() != null) {
            floorId = sites.floorId(siteId, in.floor());
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
            credentialId = credentialId(in.credential());
        }
        return new SwitchRow(in.name(), in.host(), in.sshPort(), in.platform() == null ? null : in.platform().id(),
                in.model(), siteId, floorId, credentialId, in.enabled(), in.pollIntervalSeconds(), in.legacyCrypto());
    }

    /** The named login set's id; 400 when there is none. */
    Integer credentialId(String name) {
        Integer id = inventory.credentialStore().id(name);
        if (id == null) {
            throw new ApiError(400, "unknown credential " + name);
        }
        return id;
    }

    /** Every switch's last login (method, enable, inShellLogin, legacyCrypto) by switch id. */
    Map<Integer, Map<String, Object>> logins() {
        return inventory.logins();
    }

    Integer switchIdByName(String name) {
        return inventory.switchId(name);
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
}
