package porttracer.index;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import porttracer.domain.MacAddress;
import porttracer.domain.Sighting;

/**
 * A switch's last indexed MAC table in compact form, to find what changed since: one sorted
 * {@code long} per row (MAC << 12 | VLAN) and one {@code int} (port number << 1 | edge bit).
 * At 10 000 switches × 500 MACs this is ~65 MB where a map of records would take ~1 GB.
 */
final class SwitchTable {

    private final long[] keys;
    private final int[] values;
    /** Per port, a 64-bit fingerprint of its signature: keeping the strings took ~100 MB at 10 000 switches. */
    private final long[] ports;

    private SwitchTable(long[] keys, int[] values, long[] ports) {
        this.keys = keys;
        this.values = values;
        this.ports = ports;
    }

    static SwitchTable of(List<Sighting> sightings) {
        Map<String, Integer> portIds = new HashMap<>();
        long[] rows = new long[sightings.size()];
        int[] vals = new int[sightings.size()];
        Integer[] order = new Integer[sightings.size()];
        for (int i = 0; i < rows.length; i++) {
            Sighting s = sightings.get(i);
            rows[i] = key(s.mac(), s.vlan());
            int port = portIds.computeIfAbsent(signature(s), k -> portIds.size());
            vals[i] = port << 1 | (s.edge() ? 1 : 0);
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Long.compare(rows[a], rows[b]));
        long[] k = new long[rows.length];
        int[] v = new int[rows.length];
        for (int i = 0; i < order.length; i++) {
            k[i] = rows[order[i]];
            v[i] = vals[order[i]];
        }
        long[] prints = new long[portIds.size()];
        portIds.forEach((signature, id) -> prints[id] = fingerprint(signature));
        return new SwitchTable(k, v, prints);
    }

    /**
     * A port as far as the documents care: its key and what the switch says about it. An edge port's
     * MAC count too (its badges depend on it, and it holds few MACs); an uplink's is left out, else each
     * change of its count would rewrite every MAC behind it.
     */
    private static String signature(Sighting s) {
        var i = s.portInfo();
        String members = (s.members() == null ? "" : '\u0000' + String.join(",", s.members()))
                + (s.edge() ? "\u0000#" + s.macsOnPort() : "");
        if (i == null) {
            return s.portKey() + members;
        }
        return s.portKey() + '\u0000' + i.description() + '\u0000' + i.mode() + '\u0000' + i.pvid() + '\u0000' + i.vlans()
                + members;
    }

    /**
     * Two independent 32-bit hashes side by side (String.hashCode and CRC-32C): a changed port
     * passing for unchanged would need both to collide at once, about 1 in 2^64.
     */
    static long fingerprint(String signature) {
        java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        crc.update(signature.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return (long) signature.hashCode() << 32 | crc.getValue();
    }

    private static long key(MacAddress mac, int vlan) {
        return mac.value() << 12 | (vlan & 0xFFF);
    }

    /** Calls {@code changed} with every MAC whose rows differ between {@code before} and {@code after}. */
    static void diff(SwitchTable before, SwitchTable after, Consumer<MacAddress> changed) {
        int i = 0;
        int j = 0;
        long last = -1;
        while (i < before.keys.length || j < after.keys.length) {
            long a = i < before.keys.length ? before.keys[i] : Long.MAX_VALUE;
            long b = j < after.keys.length ? after.keys[j] : Long.MAX_VALUE;
            long differing = -1;
            if (a == b) {
                boolean samePort = before.ports[before.values[i] >>> 1] == after.ports[after.values[j] >>> 1];
                boolean sameRole = ((before.values[i] ^ after.values[j]) & 1) == 0;
                if (!samePort || !sameRole) {
                    differing = a;
                }
                i++;
                j++;
            } else if (a < b) {
                differing = a;
                i++;
            } else {
                differing = b;
                j++;
            }
            if (differing >= 0) {
                long mac = differing >>> 12;
                if (mac != last) {
                    changed.accept(MacAddress.of(mac));
                    last = mac;
                }
            }
        }
    }

    static Set<MacAddress> all(SwitchTable t) {
        Set<MacAddress> out = new java.util.HashSet<>();
        for (long k : t.keys) {
            out.add(MacAddress.of(k >>> 12));
        }
        return out;
    }

    int size() {
        return keys.length;
    }
}
