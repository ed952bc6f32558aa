package porttracer.app;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import porttracer.config.Settings;
import porttracer.domain.PortName;
import porttracer.search.Role;
import porttracer.search.Users;
import porttracer.sim.Fleet;
import porttracer.sim.SimulatorOptions;
import porttracer.sim.SimulatorServer;
import porttracer.store.PollStatusStore;
import porttracer.store.SwitchStatus;

/**
 * A simulated fleet, polled once by a real collector into a fresh index, served by the API on a
 * free port, with the users oss, netadmin and superadmin (each with their name as password).
 */
final class ApiFixture implements AutoCloseable {

    final SimulatorServer sim;
    final PortTracer pt;
    final Map<String, Integer> ids;
    final int port;

    ApiFixture(Fleet fleet, Path keys, Map<String, String> settings) throws Exception {
        Settings s = TestEnv.settings(settings);
        Scratch.resetDatabase(s);
        // Keyboard-interactive only, as many N-series switches: the API tests then also cover that login
        // (and a listing's login.method never spells "password", which InventoryApiTest looks for as a leaked field).
        sim = SimulatorServer.start(fleet, SimulatorOptions.defaults().withHostKeyDir(keys)
                .withCredentials("admin", TestEnv.plantedSecret()),
                sw -> porttracer.sim.SwitchLogin.standard().withAuthMethods("keyboard-interactive"));
        pt = new PortTracer(s);
        ids = SimulatedFleet.register(pt.inventory(), sim, "admin", TestEnv.plantedSecret());
        // LiveVerifier takes every port but a port-channel for an edge unless the inventory says otherwise,
        // so the switch-facing ports are declared, as an administrator would before trusting live checks.
        for (var sw : fleet.switches()) {
            for (String uplink : fleet.uplinkPorts(sw.name())) {
                pt.inventory().putPortOverride(ids.get(sw.name()), PortName.keyOf(uplink), "uplink", "faces a switch");
            }
        }
        Users users = new Users(pt.db().dataSource());
        for (Role r : Role.values()) {
            users.put(r.id(), r.id(), r);
        }
        Instant start = Instant.now();
        pt.startCollector().pollAllNow();
        awaitPolls(start, Duration.ofSeconds(90));
        port = pt.startApi("127.0.0.1", 0).port();
    }

    private void awaitPolls(Instant since, Duration limit) throws InterruptedException {
        PollStatusStore status = new PollStatusStore(pt.db().dataSource());
        Instant deadline = Instant.now().plus(limit);
        while (Instant.now().isBefore(deadline)) {
            Map<Integer, SwitchStatus> all = status.all();
            long done = all.values().stream().filter(x -> !x.lastPollAt().isBefore(since.minusSeconds(1))).count();
            if (done >= ids.size()) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("not every switch was polled within " + limit);
    }

    ApiCall get(String path) {
        return ApiCall.get(port, path);
    }

    ApiCall call(String method, String path) {
        return ApiCall.to(port, method, path);
    }

    @Override
    public void close() {
        if (pt != null) {
            TestEnv.deleteIndices(pt.elastic());
            pt.close();
        }
        if (sim != null) {
            sim.close();
        }
    }
}
