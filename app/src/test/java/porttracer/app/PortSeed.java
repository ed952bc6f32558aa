package porttracer.app;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import porttracer.index.Snapshot;
import porttracer.domain.PortInfo;
import porttracer.index.PortIndex;
import porttracer.store.SwitchRecord;

/** Gives a simulated switch a past: one poll at {@code at} that found every one of its ports down and empty. */
final class PortSeed {

    private PortSeed() {
    }

    static void allDownAt(TestFleet f, String switchName, Instant at) throws Exception {
        SwitchRecord rec = f.pt.inventory().switchById(f.ids.get(switchName)).orElseThrow();
        List<PortInfo> down = new ArrayList<>();
        for (PortInfo p : f.sim.fleet().ports(switchName)) {
            down.add(new PortInfo(p.port(), p.description(), "down", p.speed(), p.duplex(), p.mode(), p.pvid(), p.vlans()));
        }
        new PortIndex(f.pt.elastic(), n -> { }).apply(new Snapshot(rec, at, List.of(), Map.of(), 0, down));
        // The collector's first poll reads a switch's ports by search, which sees only refreshed documents.
        f.pt.elastic().client().indices().refresh(r -> r.index(f.pt.elastic().ports()));
    }
}
