package porttracer.events;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import porttracer.store.Inventory;
import porttracer.store.SwitchRecord;

/**
 * Which switch a message comes from, by its source address: a listed source address
 * ({@code events.sources}: {@code address=switch name or id}, comma-separated; for switches that
 * send from a loopback or management address other than the SSH one) or else the inventory host.
 * A host shared by several switches (e.g. a terminal server) names none of them.
 */
public final class EventSources {

    private static final Logger LOG = LoggerFactory.getLogger(EventSources.class);
    // Misses re-read the inventory at most this often, so a flood of unknown sources costs no database load.
    private static final long MISS_REFRESH_NANOS = 5_000_000_000L;

    private final Inventory inventory;
    private final String listed;
    private volatile Map<InetAddress, Integer> byAddress = Map.of();
    private volatile long refreshedAt = System.nanoTime() - 2 * MISS_REFRESH_NANOS;

    public EventSources(Inventory inventory, String listed) {
        this.inventory = inventory;
        this.listed = listed == null ? "" : listed;
        parseListed(this.listed, Map.of()); // a typo fails at start, not at the first trap
    }

    /** The enabled switch that sends from {@code source}, if any. */
    public Optional<Integer> switchAt(InetAddress source) {
        Integer id = byAddress.get(source);
        if (id == null && System.nanoTime() - refreshedAt > MISS_REFRESH_NANOS) {
            refresh();
            id = byAddress.get(source);
        }
        return Optional.ofNullable(id);
    }

    /** Re-reads the inventory (a new or moved switch is known from then on). */
    public synchronized void refresh() {
        refreshedAt = System.nanoTime();
        Map<String, Integer> byName = new HashMap<>();
        Map<InetAddress, Integer> map = new HashMap<>();
        Set<InetAddress> shared = new HashSet<>();
        for (SwitchRecord sw : inventory.switches()) {
            if (!sw.enabled()) {
                continue;
            }
            byName.put(sw.name(), sw.id());
            byName.put(Integer.toString(sw.id()), sw.id());
            for (InetAddress a : resolve(sw.host())) {
                Integer before = map.put(a, sw.id());
                if (before != null && before != sw.id()) {
                    shared.add(a);
                }
            }
        }
        shared.forEach(map::remove);
        map.putAll(parseListed(listed, byName));
        byAddress = Map.copyOf(map);
    }

    private static Map<InetAddress, Integer> parseListed(String listed, Map<String, Integer> byName) {
        Map<InetAddress, Integer> out = new HashMap<>();
        for (String entry : listed.split(",")) {
            String e = entry.strip();
            if (e.isEmpty()) {
                continue;
            }
            int eq = e.indexOf('=');
            if (eq <= 0 || eq == e.length() - 1) {
                throw new IllegalArgumentException("PORTTRACER_EVENTS_SOURCES entry '" + e + "' must be address=switch");
            }
            InetAddress address = literal(e.substring(0, eq).strip());
            if (address == null) {
                throw new IllegalArgumentException("PORTTRACER_EVENTS_SOURCES entry '" + e + "': not an IP address");
            }
            String sw = e.substring(eq + 1).strip();
            Integer id = byName.get(sw);
            if (id != null) {
                out.put(address, id);
            } else if (!byName.isEmpty()) {
                LOG.atWarn().addKeyValue("switch", sw).log("events.sources names a switch not in the inventory (or disabled)");
            }
        }
        return out;
    }

    private static Set<InetAddress> resolve(String host) {
        InetAddress lit = literal(host);
        if (lit != null) {
            return Set.of(lit);
        }
        try {
            return Set.of(InetAddress.getAllByName(host));
        } catch (UnknownHostException | RuntimeException e) {
            return Set.of();
        }
    }

    /** An IP literal without any DNS lookup, or null. */
    private static InetAddress literal(String s) {
        if (s.isEmpty() || !(Character.digit(s.charAt(0), 16) >= 0 || s.charAt(0) == ':' || s.charAt(0) == '[')) {
            return null;
        }
        String v = s.startsWith("[") && s.endsWith("]") ? s.substring(1, s.length() - 1) : s;
        boolean ipv4 = v.matches("\\d{1,3}(\\.\\d{1,3}){3}");
        boolean ipv6 = v.contains(":") && v.matches("[0-9A-Fa-f:.%a-zA-Z0-9]+");
        if (!ipv4 && !ipv6) {
            return null;
        }
        try {
            return InetAddress.getByName(v); // a literal: no lookup
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
