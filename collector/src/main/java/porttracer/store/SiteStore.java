package porttracer.store;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/** Sites and their floors in PostgreSQL, with a site's defaults (poll interval, credential) for its switches. */
public final class SiteStore {

    /** A floor of a site. */
    public record Floor(int id, String name) {
    }

    /** A site with its floors (by name), its poll interval (null: the default) and its credential's name (null: none). */
    public record Site(int id, String name, Integer pollIntervalSeconds, String credential, List<Floor> floors) {
    }

    private final DataSource db;

    public SiteStore(DataSource db) {
        this.db = db;
    }

    /** Adds the site unless it exists; returns its id. */
    public int upsert(String name) {
        return Sql.id(db, "writing site " + name, null,
                "insert into site(name) values (?) on conflict (name) do update set name = excluded.name returning id", name);
    }

    /** Adds the floor to the site unless it exists; returns its id. */
    public int upsertFloor(int siteId, String name) {
        return Sql.id(db, "writing floor " + name, null, "insert into floor(site_id, name) values (?, ?) "
                + "on conflict (site_id, name) do update set name = excluded.name returning id", siteId, name);
    }

    /** The site's default credential and poll interval, for switches without their own. */
    public void setDefaults(int siteId, Integer credentialId, Integer pollIntervalSeconds) {
        Sql.update(db, "writing site " + siteId, null, "update site set credential_id = ?, poll_interval_seconds = ? "
                + "where id = ?", credentialId, pollIntervalSeconds, siteId);
    }

    /** Every site by name, each with its floors by name. */
    public List<Site> list() {
        Map<Integer, Site> sites = new LinkedHashMap<>();
        Sql.list(db, "reading sites", """
                select s.id, s.name, s.poll_interval_seconds, cr.name, f.id, f.name from site s
                  left join credential cr on cr.id = s.credential_id left join floor f on f.site_id = s.id
                 order by s.name, f.name""", rs -> {
            int interval = rs.getInt(3);
            Integer intervalOrNull = rs.wasNull() ? null : interval;
            String name = rs.getString(2);
            String credential = rs.getString(4);
            Site site = sites.computeIfAbsent(rs.getInt(1), id -> new Site(id, name, intervalOrNull, credential,
                    new ArrayList<>()));
            int floor = rs.getInt(5);
            if (!rs.wasNull()) {
                site.floors().add(new Floor(floor, rs.getString(6)));
            }
            return site;
        });
        return new ArrayList<>(sites.values());
    }

    /** The site, or {@link NotFound} when there is none with that id. */
    public Site require(int id) {
        return list().stream().filter(s -> s.id() == id).findFirst().orElseThrow(() -> new NotFound("no site " + id));
    }

    public int create(String name) {
        return Sql.id(db, "writing site " + name, "site " + name + " already exists",
                "insert into site(name) values (?) returning id", name);
    }

    public void rename(int id, String name) {
        Sql.found(Sql.update(db, "writing site " + id, "site " + name + " already exists",
                "update site set name = ? where id = ?", name, id), "no site " + id);
    }

    public void delete(int id) {
        Sql.found(Sql.update(db, "deleting site " + id, "site " + id + " still has switches: move or delete them first",
                "delete from site where id = ?", id), "no site " + id);
    }

    /** Adds a floor to an existing site; returns its id. */
    public int createFloor(int siteId, String name) {
        Integer id = Sql.id(db, "writing floor " + name, "floor " + name + " already exists on site " + siteId,
                "insert into floor(site_id, name) select id, ? from site where id = ? returning id", name, siteId);
        if (id == null) {
            throw new NotFound("the parent record does not exist");
        }
        return id;
    }

    public void renameFloor(int id, String name) {
        Sql.found(Sql.update(db, "writing floor " + id, "that site already has a floor named " + name,
                "update floor set name = ? where id = ?", name, id), "no floor " + id);
    }

    public void deleteFloor(int id) {
        Sql.found(Sql.update(db, "deleting floor " + id, "floor " + id + " still has switches: move or delete them first",
                "delete from floor where id = ?", id), "no floor " + id);
    }

    /** The site's id, or null when there is none of that name. */
    public Integer siteId(String name) {
        return Sql.first(db, "reading sites", "select id from site where name = ?", rs -> rs.getInt(1), name).orElse(null);
    }

    /** The id of the site's floor of that name, or null. */
    public Integer floorId(int siteId, String name) {
        return Sql.first(db, "reading floors", "select id from floor where site_id = ? and name = ?", rs -> rs.getInt(1),
                siteId, name).orElse(null);
    }
}
