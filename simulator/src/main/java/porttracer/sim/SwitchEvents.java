package porttracer.sim;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.snmp4j.CommunityTarget;
import org.snmp4j.PDU;
import org.snmp4j.PDUv1;
import org.snmp4j.Snmp;
import org.snmp4j.mp.SnmpConstants;
import org.snmp4j.smi.Integer32;
import org.snmp4j.smi.IpAddress;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.TimeTicks;
import org.snmp4j.smi.UdpAddress;
import org.snmp4j.smi.VariableBinding;
import org.snmp4j.transport.DefaultUdpTransportMapping;
import porttracer.domain.MacAddress;

/**
 * Plugs, unplugs and moves hosts on a simulated fleet as a switch would report it: a linkUp/linkDown
 * SNMP trap and a link up/down syslog line in its platform's format, each sent from the switch's
 * own source address on loopback ({@link #source}: 127.10.x.y, one per switch, since all simulated
 * switches serve SSH on 127.0.0.1). Either destination may be absent.
 */
public final class SwitchEvents implements AutoCloseable {

    /** How traps are sent. */
    public enum TrapVersion { V1, V2C }

    /** How syslog is sent: UDP datagrams, or TCP with RFC 6587 octet-counting or LF (non-transparent) framing. */
    public enum SyslogTransport { UDP, TCP_OCTET_COUNTING, TCP_NON_TRANSPARENT }

    // RFC 2863 IF-MIB ifIndex, ifAdminStatus, ifOperStatus: the objects of linkUp/linkDown.
    private static final String IF_INDEX = "1.3.6.1.2.1.2.2.1.1";
    private static final String IF_ADMIN = "1.3.6.1.2.1.2.2.1.7";
    private static final String IF_OPER = "1.3.6.1.2.1.2.2.1.8";
    private static final DateTimeFormatter BSD_TIME = DateTimeFormatter.ofPattern("MMM dd HH:mm:ss", Locale.ROOT);

    private final Fleet fleet;
    private final InetSocketAddress trapTo;
    private final TrapVersion trapVersion;
    private final String community;
    private final InetSocketAddress syslogTo;
    private final SyslogTransport syslogTransport;
    private final Map<String, Snmp> snmp = new HashMap<>();
    private final Map<String, DatagramSocket> udp = new HashMap<>();
    private final Map<String, Socket> tcp = new HashMap<>();
    private final long started = System.nanoTime();

    public SwitchEvents(Fleet fleet, InetSocketAddress trapTo, TrapVersion trapVersion, String community,
                        InetSocketAddress syslogTo, SyslogTransport syslogTransport) {
        this.fleet = fleet;
        this.trapTo = trapTo;
        this.trapVersion = trapVersion;
        this.community = community;
        this.syslogTo = syslogTo;
        this.syslogTransport = syslogTransport;
    }

    /** The loopback address {@code switchName} sends its traps and syslog from. */
    public InetAddress source(String switchName) {
        List<SimSwitch> all = fleet.switches();
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).name().equals(switchName)) {
                int n = i + 1;
                try {
                    return InetAddress.getByAddress(new byte[] {127, 10, (byte) (n >> 8), (byte) n});
                } catch (UnknownHostException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        throw new IllegalArgumentException("no switch named " + switchName);
    }

    /** {@code address=switch name} for every switch: the collector's {@code events.sources}. */
    public String sourcesSetting() {
        StringBuilder sb = new StringBuilder();
        for (SimSwitch sw : fleet.switches()) {
            sb.append(sb.length() == 0 ? "" : ",").append(source(sw.name()).getHostAddress()).append('=').append(sw.name());
        }
        return sb.toString();
    }

    public synchronized SimHost plug(MacAddress mac, int vlan, String switchName, String port) {
        SimHost host = fleet.addHost(mac, vlan, switchName, port);
        link(switchName, port, true);
        return host;
    }

    public synchronized Optional<SimHost> unplug(MacAddress mac) {
        Optional<SimHost> gone = fleet.removeHost(mac);
        gone.ifPresent(h -> link(h.switchName(), h.port(), false));
        return gone;
    }

    public synchronized SimHost move(MacAddress mac, String switchName, String port) {
        SimHost old = fleet.host(mac).orElseThrow(() -> new IllegalArgumentException("no host " + mac));
        SimHost moved = fleet.moveHost(mac, switchName, port);
        link(old.switchName(), old.port(), false);
        link(switchName, port, true);
        return moved;
    }

    /** Reports a port going up or down (a flapping cable, say) without changing any host. */
    public synchronized void link(String switchName, String port, boolean up) {
        SimSwitch sw = fleet.switchNamed(switchName);
        try {
            if (trapTo != null) {
                sendTrap(sw, port, up);
            }
            if (syslogTo != null) {
                sendSyslog(sw, syslogLine(sw, port, up));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("sending " + (up ? "link up" : "link down") + " of " + switchName + " " + port, e);
        }
    }

    private void sendTrap(SimSwitch sw, String port, boolean up) throws IOException {
        Snmp s = snmp.get(sw.name());
        if (s == null) {
            s = new Snmp(new DefaultUdpTransportMapping(new UdpAddress(source(sw.name()), 0)));
            s.listen();
            snmp.put(sw.name(), s);
        }
        CommunityTarget<UdpAddress> target = new CommunityTarget<>(new UdpAddress(trapTo.getAddress(), trapTo.getPort()),
                new OctetString(community));
        int ifIndex = sw.edgePorts().indexOf(port) + 1;
        int status = up ? 1 : 2;
        PDU pdu;
        if (trapVersion == TrapVersion.V1) {
            // RFC 1215: linkUp is generic-trap 3, linkDown 2; the agent address is the switch's.
            PDUv1 v1 = new PDUv1();
            v1.setType(PDU.V1TRAP);
            v1.setGenericTrap(up ? PDUv1.LINKUP : PDUv1.LINKDOWN);
            v1.setEnterprise(SnmpConstants.snmpTraps);
            v1.setAgentAddress(new IpAddress(source(sw.name())));
            v1.setTimestamp(uptime());
            pdu = v1;
            target.setVersion(SnmpConstants.version1);
        } else {
            pdu = new PDU();
            pdu.setType(PDU.TRAP);
            pdu.add(new VariableBinding(SnmpConstants.sysUpTime, new TimeTicks(uptime())));
            pdu.add(new VariableBinding(SnmpConstants.snmpTrapOID, up ? SnmpConstants.linkUp : SnmpConstants.linkDown));
            target.setVersion(SnmpConstants.version2c);
        }
        pdu.add(new VariableBinding(new org.snmp4j.smi.OID(IF_INDEX + "." + ifIndex), new Integer32(ifIndex)));
        pdu.add(new VariableBinding(new org.snmp4j.smi.OID(IF_ADMIN + "." + ifIndex), new Integer32(1)));
        pdu.add(new VariableBinding(new org.snmp4j.smi.OID(IF_OPER + "." + ifIndex), new Integer32(status)));
        s.send(pdu, target);
    }

    private long uptime() {
        return (System.nanoTime() - started) / 10_000_000L;
    }

    /**
     * The switch's link log line. OS6/PowerConnect: "&lt;PRI&gt; timestamp ip-stack Component[thread]: file(line)
     * seq %% message" (Dell PowerConnect/N-series CLI guide, Syslog Commands) with the FASTPATH trap manager's
     * "Link Up/Down: port"; OS9: "%IFM-1-OSTATE_UP: changed interface state to up:%s" (Dell Networking OS9
     * guides, SNMP Traps table); OS10: "%IFM_OSTATE_UP" events (Dell EMC SmartFabric OS10 User Guide, event list).
     */
    static String syslogLine(SimSwitch sw, String port, boolean up, InetAddress source, ZonedDateTime now) {
        String bsd = BSD_TIME.format(now).toUpperCase(Locale.ROOT);
        return switch (sw.platform()) {
            case OS6, POWERCONNECT -> "<189> " + bsd + " " + source.getHostAddress() + "-1 TRAPMGR[0x5c3ea0b0]: "
                    + "traputil.c(721) 1042 %% Link " + (up ? "Up" : "Down") + ": " + port;
            case OS9 -> "<185>" + BSD_TIME.format(now) + " " + sw.name() + ": %IFM-1-OSTATE_" + (up ? "UP" : "DN")
                    + ": changed interface state to " + (up ? "up" : "down") + ":" + port;
            case OS10 -> "<189>1 " + now.toInstant() + " " + sw.name() + " dn_alm 1000 - - Node.1-Unit.1:PRI [event], "
                    + "Dell EMC (OS10) %IFM_OSTATE_" + (up ? "UP" : "DN") + ": Interface operational state is "
                    + (up ? "up" : "down") + " :" + port;
        };
    }

    private String syslogLine(SimSwitch sw, String port, boolean up) {
        return syslogLine(sw, port, up, source(sw.name()), ZonedDateTime.now(ZoneOffset.UTC));
    }

    private void sendSyslog(SimSwitch sw, String line) throws IOException {
        byte[] msg = line.getBytes(StandardCharsets.UTF_8);
        if (syslogTransport == SyslogTransport.UDP) {
            DatagramSocket d = udp.get(sw.name());
            if (d == null) {
                d = new DatagramSocket(new InetSocketAddress(source(sw.name()), 0));
                udp.put(sw.name(), d);
            }
            d.send(new DatagramPacket(msg, msg.length, syslogTo));
            return;
        }
        Socket t = tcp.get(sw.name());
        if (t == null || t.isClosed()) {
            t = new Socket();
            t.bind(new InetSocketAddress(source(sw.name()), 0));
            t.connect(syslogTo, 10_000);
            tcp.put(sw.name(), t);
        }
        OutputStream out = t.getOutputStream();
        if (syslogTransport == SyslogTransport.TCP_OCTET_COUNTING) {
            out.write((msg.length + " ").getBytes(StandardCharsets.US_ASCII)); // RFC 6587 §3.4.1
            out.write(msg);
        } else {
            out.write(msg);
            out.write('\n'); // RFC 6587 §3.4.2
        }
        out.flush();
    }

    @Override
    public synchronized void close() {
        for (Snmp s : snmp.values()) {
            try {
                s.close();
            } catch (IOException ignored) {
                // Closing anyway.
            }
        }
        udp.values().forEach(DatagramSocket::close);
        for (Socket s : tcp.values()) {
            try {
                s.close();
            } catch (IOException ignored) {
                // Closing anyway.
            }
        }
    }
}
