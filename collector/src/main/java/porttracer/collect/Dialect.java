package porttracer.collect;

import porttracer.domain.Platform;

/**
 * How each Dell CLI family is spoken to: the command spellings a poll sends, as the real
 * captures show them. {@code switchport} is null where interface status already gives the mode
 * and VLANs.
 */
record Dialect(String pagingOff, String macTable, String lldpNeighbors, String interfaceStatus, String switchport,
               String arp) {

    static Dialect of(Platform platform) {
        return switch (platform) {
            case OS10 -> new Dialect("terminal length 0", "show mac address-table", "show lldp neighbors",
                    "show interface status", null, "show arp");
            case OS9 -> new Dialect("terminal length 0", "show mac-address-table", "show lldp neighbors",
                    "show interfaces status", "show interfaces switchport", "show arp");
            case OS6 -> new Dialect("terminal length 0", "show mac address-table", "show lldp remote-device all",
                    "show interfaces status", null, "show arp");
            case POWERCONNECT -> new Dialect("terminal datadump", "show mac address-table", "show lldp neighbors",
                    "show interfaces status", null, "show arp");
        };
    }
}
