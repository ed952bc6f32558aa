package porttracer.collect;

import porttracer.domain.Platform;

/**
 * How each Dell CLI family is spoken to: the command spellings a poll sends, as the real
 * captures show them. {@code switchport} is null where interface status already gives the mode
 * and VLANs. {@code portChannels} is the command whose output names port-channel members, null where
 * no real capture of such a command was found (OS10, OS6, PowerConnect); on OS9 it is the switchport
 * command itself, whose answer a poll reads for both.
 */
record Dialect(String pagingOff, String macTable, String lldpNeighbors, String interfaceStatus, String switchport,
               String arp, String portChannels) {

    static Dialect of(Platform platform) {
        return switch (platform) {
            case OS10 -> new Dialect("terminal length 0", "show mac address-table", "show lldp neighbors",
                    "show interface status", null, "show arp", null);
            case OS9 -> new Dialect("terminal length 0", "show mac-address-table", "show lldp neighbors",
                    "show interfaces status", "show interfaces switchport", "show arp",
                    "show interfaces switchport");
            case OS6 -> new Dialect("terminal length 0", "show mac address-table", "show lldp remote-device all",
                    "show interfaces status", null, "show arp", null);
            case POWERCONNECT -> new Dialect("terminal datadump", "show mac address-table", "show lldp neighbors",
                    "show interfaces status", null, "show arp", null);
        };
    }
}
