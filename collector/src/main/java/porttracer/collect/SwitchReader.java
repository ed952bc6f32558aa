package porttracer.collect;

import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import porttracer.store.Inventory;
import porttracer.store.SwitchRecord;

/**
 * Reading a switch over SSH: one session from the pool (its caps, host key pinning, reuse), paging off, then
 * the commands of the switch's CLI family ({@link Dialect}); a switch set to platform auto is asked
 * {@code show version} first. Nothing here parses beyond that.
 */
final class SwitchReader {

    private static final Logger LOG = LoggerFactory.getLogger(SwitchReader.class);

    private final SessionPool sessions;
    private final Inventory inventory;

    SwitchReader(SessionPool sessions, Inventory inventory) {
        this.sessions = sessions;
        this.inventory = inventory;
    }

    /** The raw answers of one poll; a command the switch does not know is null. */
    record Outputs(String macTable, String lldp, String interfaces, String switchport, String arp,
                   String portChannels) {
        Outputs(String macTable, String lldp, String interfaces, String switchport, String arp) {
            this(macTable, lldp, interfaces, switchport, arp, null);
        }
    }

    /** A poll's answers and the switch as the poll found it (its platform detected when set to auto). */
    record Fetched(SwitchRecord sw, Outputs out) {
    }

    /** {@code show version} of a switch set to platform auto names no Dell CLI family. */
    static final class UndetectedPlatformException extends IOException {
        UndetectedPlatformException(String message) {
            super(message);
        }
    }

    /** Every table a poll reads. */
    Fetched readAll(SwitchRecord configured, HostKeyPinning hostKeys) throws IOException {
        return sessions.withSession(configured, hostKeys, cli -> readAll(platformOf(configured, cli), cli));
    }

    /**
     * Only the MAC table of one port, by {@code command} ({@link Dialect#macTableOfPort}); when the switch refuses
     * it (an interface it does not have), every table instead, in the same session. {@code sw} has its platform.
     */
    PortRead readPort(SwitchRecord sw, HostKeyPinning hostKeys, String command) throws IOException {
        return sessions.withSession(sw, hostKeys, cli -> {
            cli.disablePaging(Dialect.of(sw.platform()).pagingOff());
            String answer = known(cli.run(command));
            return answer != null ? new PortRead(answer, null) : new PortRead(null, readAll(sw, cli));
        });
    }

    /** A port's MAC table, or (the port refused) the whole switch's answers. */
    record PortRead(String macTable, Fetched whole) {
    }

    private static Fetched readAll(SwitchRecord sw, CliSession cli) throws IOException {
        Dialect d = Dialect.of(sw.platform());
        cli.disablePaging(d.pagingOff());
        String mac = cli.run(d.macTable());
        String lldp = known(cli.run(d.lldpNeighbors()));
        String ifs = known(cli.run(d.interfaceStatus()));
        String sp = d.switchport() == null ? null : known(cli.run(d.switchport()));
        String arp = sw.collectArp() ? known(cli.run(d.arp())) : null;
        String pc = d.portChannels() == null ? null
                : d.portChannels().equals(d.switchport()) ? sp : known(cli.run(d.portChannels()));
        return new Fetched(sw, new Outputs(mac, lldp, ifs, sp, arp, pc));
    }

    private SwitchRecord platformOf(SwitchRecord configured, CliSession cli) throws IOException {
        return configured.autoPlatform() || configured.platform() == null ? detect(configured, cli) : configured;
    }

    /** Platform auto: {@code show version} names the CLI family (a firmware migration shows at the next poll). */
    private SwitchRecord detect(SwitchRecord sw, CliSession cli) throws IOException {
        PlatformProbe.Detected found = PlatformProbe.detect(cli);
        if (found.platform() != sw.platform() || found.model() != null && !found.model().equals(sw.model())) {
            inventory.setDetectedPlatform(sw.id(), found.platform(), found.model());
            LOG.atInfo().addKeyValue("switch", sw.name()).addKeyValue("platform", found.platform().id())
                    .addKeyValue("was", sw.platformId()).log("platform detected");
        }
        return sw.withPlatform(found.platform(), found.model());
    }

    /** True when the switch answered with its "unknown command" (or not-allowed) error. */
    static boolean unknownCommand(String output) {
        return known(output) == null;
    }

    /** Null when the switch answered with its "unknown command" error: that table is simply absent. */
    static String known(String output) {
        String t = output.strip();
        if (t.startsWith("%") || t.startsWith("^") && t.contains("\n%")) {
            return null;
        }
        return output;
    }
}
