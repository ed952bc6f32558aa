package porttracer.collect;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import porttracer.domain.Platform;

/**
 * How each Dell CLI family is spoken to: the command spellings a poll sends, as the real
 * captures show them. {@code switchport} is null where interface status already gives the mode
 * and VLANs. {@code portChannels} is the command whose output names port-channel members, null where
 * no real capture of such a command was found (OS10, OS6, PowerConnect); on OS9 it is the switchport
 * command itself, whose answer a poll reads for both. {@code ethernetMacTable} prefixes an Ethernet port's
 * number to read that port's MAC table alone ({@link #macTableOfPort}), null where not known.
 */
record Dialect(String pagingOff, String macTable, String lldpNeighbors, String interfaceStatus, String switchport,
               String arp, String portChannels, String ethernetMacTable) {

    static Dialect of(Platform platform) {
        return switch (platform) {
            case OS10 -> new Dialect("terminal length 0", "show mac address-table", "show lldp neighbors",
                    "show interface status", null, "show arp", null,
                    "show mac address-table interface ethernet ");
            case OS9 -> new Dialect("terminal length 0", "show mac-address-table", "show lldp neighbors",
                    "show interfaces status", "show interfaces switchport", "show arp",
                    "show interfaces switchport", null);
            case OS6 -> new Dialect("terminal length 0", "show mac address-table", "show lldp remote-device all",
                    "show interfaces status", null, "show arp", null, null);
            case POWERCONNECT -> new Dialect("terminal datadump", "show mac address-table", "show lldp neighbors",
                    "show interfaces status", null, "show arp", null, null);
        };
    }

    // OS10 Ethernet ports by their key ("eth1/1/5", breakout "eth1/1/12:1"), as PortName keys them.
    private static final Pattern OS10_ETHERNET = Pattern.compile("eth(\\d+/\\d+/\\d+(?::\\d+)?)");

    /**
     * The command that reads the MAC table of one port (by its {@link porttracer.domain.PortName} key), or null
     * where no public Dell reference shows that command with its output: then the whole switch is polled.
     * OS10: "show mac address-table interface ethernet 1/1/3", answered with the same table as the unfiltered
     * command (Dell EMC OS10 Enterprise Edition Reference Guide 10.x, "show mac address-table", Example (Ethernet)).
     * OS9 documents an {@code interface} filter without an example answer, OS6/PowerConnect none that was found.
     */
    String macTableOfPort(String portKey) {
        if (ethernetMacTable == null) {
            return null;
        }
        Matcher m = OS10_ETHERNET.matcher(portKey);
        return m.matches() ? ethernetMacTable + m.group(1) : null;
    }
}
