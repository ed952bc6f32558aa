package porttracer.app;

import co.elastic.clients.elasticsearch._types.Refresh;
import java.io.StringReader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import porttracer.domain.MacAddress;
import porttracer.index.Elastic;
import porttracer.sim.Fleet;
import porttracer.sim.FleetSpec;
import porttracer.sim.Role;
import porttracer.sim.SimHost;
import porttracer.sim.SimSwitch;

/**
 * What the API test classes (one per route group) share: a small simulated fleet polled into Elasticsearch,
 * PostgreSQL for users, tokens, inventory and audit, the API on a free port, and a few known hosts. Each
 * class gets its own, started once for its tests.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ApiScenario {

    /** A MAC indexed by hand on an edge port that is a trunk, with the port details the collector writes. */
    static final MacAddress TRUNK_MAC = MacAddress.parse("02:aa:00:00:00:01");

    ApiFixture f;
    /** An edge host sharing its port with two more MACs. */
    SimHost host;
    /** Asked live by the tests (a live lookup rewrites the classifier's reason), unlike {@link #host}. */
    SimHost liveHost;
    /** The access switch of {@link #host}. */
    SimSwitch access;
    SimSwitch dist;

    @BeforeAll
    void start(@TempDir Path tmp) throws Exception {
        Fleet fleet = Fleet.generate(FleetSpec.small(11));
        host = fleet.hosts().get(0);
        liveHost = fleet.hosts().get(3);
        // Three MACs on one port: several MACs, possibly an access point.
        fleet.addHost(MacAddress.parse("02:bb:00:00:00:01"), host.vlan(), host.switchName(), host.port());
        fleet.addHost(MacAddress.parse("02:bb:00:00:00:02"), host.vlan(), host.switchName(), host.port());
        // Pooled SSH sessions idle out after a second, so that a switch's changed login takes effect soon.
        f = new ApiFixture(fleet, tmp.resolve("keys"), Map.of("api.login-max-failures", "3",
                "api.login-lockout-seconds", "30", "ssh.idle-timeout", "1"));
        access = fleet.switchNamed(host.switchName());
        dist = fleet.switches().stream().filter(s -> s.role() == Role.DISTRIBUTION).findFirst().orElseThrow();
        indexTrunkDoc();
        // Search, port history and free ports read refreshed documents only (a trace is a real-time get).
        Elastic es = f.pt.elastic();
        es.client().indices().refresh(r -> r.index(es.currentIndex(), es.events()).ignoreUnavailable(true)
                .allowNoIndices(true));
    }

    @AfterAll
    void stop() {
        if (f != null) {
            f.close();
        }
    }

    void indexTrunkDoc() throws Exception {
        Elastic es = f.pt.elastic();
        int accessId = f.ids.get(access.name());
        int distId = f.ids.get(dist.name());
        String now = Elastic.time(java.time.Instant.now());
        String edge = "\"switchId\":" + accessId + ",\"switchName\":\"" + access.name() + "\",\"host\":\"127.0.0.1\","
                + "\"site\":\"site1\",\"floor\":\"floor1\",\"port\":\"Gi1/0/40\",\"portKey\":\"gi1/0/40\",\"vlan\":10,"
                + "\"reason\":\"single mac\",\"description\":\"Printer room 2\",\"mode\":\"trunk\",\"pvid\":10,"
                + "\"allowedVlans\":\"10,20,30-40\"";
        String doc = "{\"mac\":\"" + TRUNK_MAC + "\",\"macBare\":\"" + TRUNK_MAC.bare() + "\",\"oui\":\"02aa00\","
                + "\"vendor\":\"Acme Printers\",\"ips\":[\"10.20.30.40\"],\"present\":true,\"firstSeen\":\"" + now + "\",\"lastChanged\":\"" + now + "\","
                + "\"edge\":{" + edge + ",\"since\":\"" + now + "\",\"current\":true},"
                + "\"sightings\":[{" + edge + ",\"edge\":true,\"firstSeen\":\"" + now + "\"},"
                + "{\"switchId\":" + distId + ",\"switchName\":\"" + dist.name() + "\",\"host\":\"127.0.0.1\",\"site\":\"site1\","
                + "\"port\":\"ethernet1/1/9\",\"portKey\":\"e1/1/9\",\"vlan\":10,\"edge\":false,\"reason\":\"inventory: uplink\","
                + "\"mode\":\"trunk\",\"allowedVlans\":\"1-4094\",\"firstSeen\":\"" + now + "\"}]}";
        es.client().index(i -> i.index(es.currentIndex()).id(TRUNK_MAC.bare()).withJson(new StringReader(doc)).refresh(
                Refresh.True));
    }

    ApiCall.Reply post(String path, String user, Object body) throws Exception {
        return f.call("POST", path).as(user).json(body).send();
    }

    static Connection db() throws Exception {
        var s = TestEnv.settings(Map.of());
        return DriverManager.getConnection(s.get("db.url"), s.get("db.user"), s.get("db.password"));
    }

    static void awaitAudit(String user, String action, String result) throws Exception {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (System.nanoTime() < deadline) {
            try (Connection c = db(); var ps = c.prepareStatement("select count(*) from audit_log where username = ? "
                    + "and action = ? and (? is null or result = ?) and remote_addr is not null")) {
                ps.setString(1, user);
                ps.setString(2, action);
                ps.setString(3, result);
                ps.setString(4, result);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (rs.getInt(1) > 0) {
                        return;
                    }
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no audit row " + user + " " + action + " " + result);
    }
}
