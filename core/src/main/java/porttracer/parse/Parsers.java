package porttracer.parse;

import java.util.Objects;
import java.util.Optional;
import porttracer.domain.ArpEntry;
import porttracer.domain.LldpNeighbor;
import porttracer.domain.MacEntry;
import porttracer.domain.PortChannel;
import porttracer.domain.PortInfo;
import porttracer.domain.Platform;
import porttracer.domain.VersionInfo;
import porttracer.domain.VlanInfo;

/**
 * Entry point to the Dell CLI parsers: one static method per command. Only {@link #portChannels} takes the platform:
 * the other parsers find their columns from each table's own header and row shapes, which read every family alike.
 */
public final class Parsers {
    private Parsers() {
    }

    /**
     * {@code show mac address-table} on any platform, or {@code show bridge address-table} on
     * PowerConnect; on PowerConnect both the Radlan (55xx) and the FASTPATH (62xx/M-series) layouts are read.
     */
    public static ParseResult<MacEntry> macTable(String output) {
        return MacTableParser.parse(output);
    }

    /** {@code show interfaces status}: one {@link PortInfo} per port (and port-channel, OOB port where printed). */
    public static ParseResult<PortInfo> interfaces(String output) {
        return InterfaceStatusParser.parse(output);
    }

    /** {@code show interfaces description} (OS6, PowerConnect): port and description, other fields null. */
    public static ParseResult<PortInfo> description(String output) {
        return InterfaceStatusParser.parse(output);
    }

    /** OS9 {@code show interfaces switchport}: mode, native VLAN and tagged VLANs per port. */
    public static ParseResult<PortInfo> switchport(String output) {
        return Os9SwitchportParser.parse(output);
    }

    /** {@code show arp} (OS9, OS6, PowerConnect both families). */
    public static ParseResult<ArpEntry> arp(String output) {
        return ArpParser.parse(output);
    }

    /**
     * LLDP neighbours: the summary tables ({@code show lldp neighbors} on OS10/OS9/PowerConnect 55xx,
     * {@code show lldp remote-device all} on OS6/PowerConnect FASTPATH).
     */
    public static ParseResult<LldpNeighbor> lldp(String output) {
        return LldpSummaryParser.parse(output);
    }

    /**
     * {@code show version}: model, OS version, serial/service tag where printed, and the CLI family
     * the output is written in (the output names its family).
     */
    public static VersionInfo version(String output) {
        return VersionParser.parse(output);
    }

    /** The CLI family a {@code show version} output is written in, to confirm the inventory's platform. */
    public static Optional<Platform> detectPlatform(String showVersionOutput) {
        return Optional.ofNullable(VersionParser.parse(showVersionOutput).detectedPlatform());
    }

    /**
     * {@code show vlan} (OS9, OS6, PowerConnect both families): id, name, status/type and member
     * ports, split into tagged and untagged where the table says so.
     */
    public static ParseResult<VlanInfo> vlans(String output) {
        return VlanParser.parse(output);
    }

    /**
     * LLDP neighbour detail ({@code show lldp neighbors detail} on OS10/OS9, {@code show lldp
     * remote-device detail <port>} on OS6): full system names and the enabled capabilities.
     */
    public static ParseResult<LldpNeighbor> lldpDetail(String output) {
        return LldpDetailParser.parse(output);
    }

    /**
     * Port-channel membership. Only OS9 is read, from its {@code show interfaces switchport} output
     * (a member's block names its channel): no real capture of {@code show port-channel summary} (OS10)
     * or {@code show interfaces port-channel} (OS6, PowerConnect) was found to read those from.
     *
     * @throws IllegalArgumentException for a platform whose membership format is not known
     */
    public static ParseResult<PortChannel> portChannels(Platform platform, String output) {
        Objects.requireNonNull(platform, "platform");
        if (platform != Platform.OS9) {
            throw new IllegalArgumentException("no port-channel membership format known for " + platform.id());
        }
        return Os9PortChannelParser.parse(output);
    }
}
