package porttracer.app;

import java.util.HashMap;
import java.util.Map;
import porttracer.sim.Fleet;
import porttracer.sim.SimSwitch;
import porttracer.sim.SimulatorServer;
import porttracer.store.Inventory;

/** Registers a running simulated fleet in the inventory, as an administrator would a real one. */
final class SimulatedFleet {

    private SimulatedFleet() {
    }

    /** Returns switch name to inventory id. */
    static Map<String, Integer> register(Inventory inventory, SimulatorServer server, String username, String password) {
        Fleet fleet = server.fleet();
        int credential = inventory.credential("simulator", username, password);
        Map<String, Integer> ids = new HashMap<>();
        for (SimSwitch sw : fleet.switches()) {
            int site = inventory.site("site" + sw.site());
            Integer floor = sw.floor() == null ? null : inventory.floor(site, "floor" + sw.floor());
            int id = inventory.putSwitch(sw.name(), server.host(), server.port(sw.name()), sw.platform(), sw.model(),
                    site, floor, credential);
            if (sw.role() == porttracer.sim.Role.DISTRIBUTION) {
                // The distribution switch routes the site's VLANs: its ARP table gives hosts their IPs.
                inventory.setCollectArp(id, true);
            }
            ids.put(sw.name(), id);
        }
        return ids;
    }
}
