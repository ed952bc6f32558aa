package porttracer.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import porttracer.store.Inventory;
import porttracer.store.SiteStore;

/**
 * The inventory settings beside a switch's own: a site's poll interval and credential (for its
 * switches without their own), a floor's name, a switch's routing flag (routing switches are asked
 * for their ARP table). Over JSON and CSV; credentials are accepted and never read back.
 */
final class InventorySettings {

    static final List<String> SITE_CSV_COLUMNS = List.of("name", "pollIntervalSeconds", "credential", "username",
            "password");
    private final Inventory inventory;
    private final SiteStore sites;
    /** Its validation serves here too, with the same messages. */
    private final InventoryAdmin admin;

    InventorySettings(Inventory inventory, InventoryAdmin admin) {
        this.inventory = inventory;
        this.sites = inventory.siteStore();
        this.admin = admin;
    }

    /** Sites with their floors, poll interval and credential name. */
    List<Map<String, Object>> sites() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (SiteStore.Site s : sites.list()) {
            Map<String, Object> site = new LinkedHashMap<>();
            site.put("id", s.id());
            site.put("name", s.name());
            site.put("pollIntervalSeconds", s.pollIntervalSeconds());
            site.put("credential", s.credential());
            site.put("floors", s.floors().stream().map(f -> Map.<String, Object>of("id", f.id(), "name", f.name())).toList());
            out.add(site);
        }
        return out;
    }

    /**
     * Changes what is given of a site: name, pollIntervalSeconds (empty or null: the global default),
     * credential by name, or username and password (stored as the site's own credential).
     */
    void updateSite(int id, Map<String, String> fields) {
        SiteStore.Site site = sites.require(id);
        String name = fields.containsKey("name") ? name(fields.get("name")) : site.name();
        if (!name.equals(site.name())) {
            sites.rename(id, name);
        }
        Integer interval = fields.containsKey("pollIntervalSeconds") ? interval(fields.get("pollIntervalSeconds"))
                : site.pollIntervalSeconds();
        Integer credential = credential(fields, "site:" + name, site.credential(), true);
        inventory.setSiteDefaults(id, credential, interval);
    }

    /** Creates or updates (by name) each site of a CSV with a header of {@link #SITE_CSV_COLUMNS}. */
    Map<String, Object> importSites(String text) {
        List<List<String>> rows = Csv.parse(text);
        if (rows.isEmpty() || !rows.get(0).contains("name")) {
            throw new ApiError(400, "CSV header lacks column name", Map.of("columns", SITE_CSV_COLUMNS));
        }
        return CsvImport.each(rows, given -> {
            Map<String, String> cells = new LinkedHashMap<>();
            given.forEach((k, v) -> {
                if (!v.isEmpty()) {
                    cells.put(k, v);
                }
            });
            String name = name(cells.get("name"));
            // Checked before a new site is created, so that a refused line leaves nothing behind.
            interval(cells.get("pollIntervalSeconds"));
            credential(cells, null, null, false);
            Integer id = siteId(name);
            boolean created = id == null;
            if (created) {
                id = sites.create(name);
            }
            updateSite(id, cells);
            return created;
        });
    }

    void renameFloor(int id, String name) {
        sites.renameFloor(id, name(name));
    }

    /** The routing flag as given in a JSON field or CSV cell: null when absent; 400 when not true or false. */
    static Boolean routingFlag(String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (!value.equals("true") && !value.equals("false")) {
            throw new ApiError(400, "routing must be true or false, not " + value);
        }
        return Boolean.valueOf(value);
    }

    void routing(int switchId, Boolean flag) {
        if (flag != null) {
            inventory.setCollectArp(switchId, flag);
        }
    }

    /**
     * The routing column of a switch CSV, checked before anything is imported: a value that is neither true
     * nor false refuses the whole file (400, with the lines), so that no line is half applied.
     */
    static void checkRouting(String text) {
        List<Map<String, Object>> errors = new ArrayList<>();
        List<List<String>> rows = Csv.parse(text);
        int col = rows.isEmpty() ? -1 : rows.get(0).indexOf("routing");
        for (int i = 1; col >= 0 && i < rows.size(); i++) {
            try {
                routingFlag(rows.get(i).size() > col ? rows.get(i).get(col) : null);
            } catch (ApiError e) {
                errors.add(Map.of("line", i + 1, "error", e.getMessage()));
            }
        }
        if (!errors.isEmpty()) {
            throw new ApiError(400, "routing must be true or false (or empty); nothing was imported", Map.of("errors", errors));
        }
    }

    /** Applies the (checked) routing column of an imported switch CSV to the switches it names. */
    void importRouting(String text, Function<String, Integer> switchIdByName) {
        List<List<String>> rows = Csv.parse(text);
        int nameCol = rows.isEmpty() ? -1 : rows.get(0).indexOf("name");
        int routingCol = rows.isEmpty() ? -1 : rows.get(0).indexOf("routing");
        for (int i = 1; nameCol >= 0 && routingCol >= 0 && i < rows.size(); i++) {
            List<String> row = rows.get(i);
            Boolean flag = row.size() > Math.max(nameCol, routingCol) ? routingFlag(row.get(routingCol)) : null;
            Integer id = flag == null ? null : switchIdByName.apply(row.get(nameCol).strip());
            if (id != null) {
                inventory.setCollectArp(id, flag);
            }
        }
    }

    /** The credential id the fields name or give (stored when {@code store}), else the current one's. */
    private Integer credential(Map<String, String> fields, String ownName, Object current, boolean store) {
        String username = blankToNull(fields.get("username"));
        String password = blankToNull(fields.get("password"));
        if ((username == null) != (password == null)) {
            throw new ApiError(400, "give both username and password, or neither");
        }
        if (username != null) {
            return store ? inventory.credential(ownName, username, password) : null;
        }
        String name = fields.containsKey("credential") ? blankToNull(fields.get("credential")) : (String) current;
        if (name == null) {
            return null;
        }
        return admin.credentialId(name);
    }

    private static Integer interval(String v) {
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            int n = Integer.parseInt(v.strip());
            if (n >= 10 && n <= 86_400) {
                return n;
            }
        } catch (NumberFormatException e) {
            // Reported below.
        }
        throw new ApiError(400, "pollIntervalSeconds must be a whole number from 10 to 86400, or empty for the default");
    }

    private static String blankToNull(String v) {
        return v == null || v.isBlank() ? null : v;
    }

    private static String name(String name) {
        return InventoryAdmin.name(name);
    }

    private Integer siteId(String name) {
        return sites.siteId(name);
    }
}
