package porttracer.collect;

import porttracer.domain.Platform;

/** How each Dell CLI family is spoken to: the command spellings a poll sends. */
record Dialect(String pagingOff, String macTable, String lldpNeighbors) {

    static Dialect of(Platform platform) {
        return switch (platform) {
            case OS10 -> new Dialect("terminal length 0", "show mac address-table", "show lldp neighbors");
            case OS9 -> new Dialect("terminal length 0", "show mac-address-table", "show lldp neighbors");
            case OS6 -> new Dialect("terminal length 0", "show mac address-table", "show lldp remote-device all");
            case POWERCONNECT -> new Dialect("terminal datadump", "show mac address-table", "show lldp neighbors");
        };
    }
}
