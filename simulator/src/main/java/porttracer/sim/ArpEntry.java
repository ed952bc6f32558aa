package porttracer.sim;

import java.util.Comparator;
import porttracer.domain.MacAddress;

/** One resolved host address on a routed VLAN interface. */
record ArpEntry(String ip, MacAddress mac, int vlan) {

    static final Comparator<ArpEntry> ORDER = Comparator.comparingInt(ArpEntry::vlan)
            .thenComparingLong(e -> numeric(e.ip()));

    private static long numeric(String ip) {
        long n = 0;
        for (String octet : ip.split("\\.")) {
            n = n * 256 + Integer.parseInt(octet);
        }
        return n;
    }
}
