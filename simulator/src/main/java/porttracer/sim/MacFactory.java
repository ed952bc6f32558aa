package porttracer.sim;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import porttracer.domain.MacAddress;

/** Unique unicast host MACs under OUIs that real desktops, phones, printers and VMs carry. */
final class MacFactory {

    private static final List<Long> OUIS = List.of(
            0xf8b156L, // Dell
            0x14187dL, // Dell
            0x3cfdfeL, // Intel
            0xa4bb6dL, // Dell
            0x005056L, // VMware
            0x3cd92bL, // Hewlett Packard
            0x0017c8L, // Kyocera printers
            0x001b54L, // Cisco IP phones
            0xd4bed9L, // Dell
            0x8c8caaL, // Lenovo (LCFC)
            0xacde48L, // Apple
            0x00e04cL  // Realtek
    );

    private final Set<MacAddress> issued = new HashSet<>();

    MacAddress next(Random random) {
        while (true) {
            long oui = OUIS.get(random.nextInt(OUIS.size()));
            MacAddress mac = MacAddress.of((oui << 24) | random.nextInt(1 << 24));
            if (issued.add(mac)) {
                return mac;
            }
        }
    }

    void reserve(MacAddress mac) {
        issued.add(mac);
    }
}
