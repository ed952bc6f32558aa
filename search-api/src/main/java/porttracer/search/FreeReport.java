package porttracer.search;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import porttracer.index.PortIndex.PortDoc;

/** Ports free for at least {@code days} days, by site, floor and switch, as of {@code asOf}. */
record FreeReport(String site, String floor, int days, String asOf, int total, boolean capped, List<Floor> floors) {

    record Floor(String site, String floor, int free, List<Switch> switches) {
    }

    record Switch(int id, String name, List<Port> ports) {
    }

    record Port(String port, String portKey, String description, String speed, String freeSince, String lastMacSeen,
                long daysFree) {
    }

    /** Free ports sorted by site, floor, switch and port, grouped in that order. */
    static List<Floor> group(List<PortDoc> sorted, Instant now) {
        Map<String, Map<Integer, List<PortDoc>>> byFloor = new LinkedHashMap<>();
        for (PortDoc d : sorted) {
            byFloor.computeIfAbsent(d.site() + "\u0000" + d.floor(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(d.switchId(), k -> new ArrayList<>()).add(d);
        }
        List<Floor> floors = new ArrayList<>();
        for (Map<Integer, List<PortDoc>> bySwitch : byFloor.values()) {
            List<Switch> switches = new ArrayList<>();
            int free = 0;
            for (List<PortDoc> ports : bySwitch.values()) {
                switches.add(new Switch(ports.get(0).switchId(), ports.get(0).switchName(), ports.stream()
                        .map(p -> new Port(p.port(), p.portKey(), p.description(), p.speed(), p.freeSince(),
                                p.lastMacAt(), Duration.between(Instant.parse(p.freeSince()), now).toDays()))
                        .toList()));
                free += ports.size();
            }
            PortDoc first = bySwitch.values().iterator().next().get(0);
            floors.add(new Floor(first.site(), first.floor(), free, switches));
        }
        return floors;
    }

    /** One CSV row per port. */
    String csv() {
        List<List<Object>> rows = new ArrayList<>();
        for (Floor fl : floors) {
            for (Switch sw : fl.switches()) {
                for (Port p : sw.ports()) {
                    rows.add(java.util.Arrays.asList(fl.site(), fl.floor(), sw.name(), p.port(), p.description(),
                            p.speed(), p.freeSince(), p.lastMacSeen(), p.daysFree()));
                }
            }
        }
        return Csv.write(List.of("site", "floor", "switch", "port", "description", "speed", "freeSince", "lastMacSeen",
                "daysFree"), rows);
    }
}
