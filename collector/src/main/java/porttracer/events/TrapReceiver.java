package porttracer.events;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives SNMPv1/v2c traps on UDP ({@code PORTTRACER_TRAP_LISTEN}). A message from an unknown
 * source is dropped before it is decoded; a malformed one is counted and dropped; a linkUp or
 * linkDown from a known switch asks for a poll of it.
 */
public final class TrapReceiver implements AutoCloseable {

    static final String LISTENER = "trap";
    private static final Logger LOG = LoggerFactory.getLogger(TrapReceiver.class);

    private final DatagramSocket socket;
    private final EventSink sink;
    private final byte[] community;
    private final Thread thread;

    private TrapReceiver(DatagramSocket socket, EventSink sink, String community) {
        this.socket = socket;
        this.sink = sink;
        this.community = community.isEmpty() ? null : community.getBytes(StandardCharsets.UTF_8);
        this.thread = new Thread(this::run, "porttracer-trap-receiver");
        thread.setDaemon(true);
    }

    /** {@code community}: the one accepted (compared in constant time, never logged), or empty for any. */
    static TrapReceiver start(InetSocketAddress bind, EventSink sink, String community) throws SocketException {
        DatagramSocket socket = new DatagramSocket(bind);
        // Room for a burst (a stack rebooting reports every port at once); the kernel may cap it lower.
        socket.setReceiveBufferSize(1 << 20);
        TrapReceiver r = new TrapReceiver(socket, sink, community);
        r.thread.start();
        LOG.atInfo().addKeyValue("address", r.socket.getLocalSocketAddress()).log("SNMP trap receiver listening");
        return r;
    }

    public int port() {
        return socket.getLocalPort();
    }

    private void run() {
        byte[] buf = new byte[65_535];
        DatagramPacket packet = new DatagramPacket(buf, buf.length);
        while (!socket.isClosed()) {
            try {
                packet.setLength(buf.length);
                socket.receive(packet);
            } catch (IOException e) {
                if (!socket.isClosed()) {
                    LOG.atWarn().addKeyValue("error", e.getMessage()).log("trap receive failed; listening on");
                }
                continue;
            }
            try {
                handle(packet);
            } catch (RuntimeException e) {
                // Never let one message stop the listener.
                sink.result(LISTENER, EventMetrics.Result.MALFORMED);
                LOG.atWarn().addKeyValue("error", e.toString()).log("trap handling failed; listening on");
            }
        }
    }

    private void handle(DatagramPacket packet) {
        Optional<Integer> sw = sink.known(LISTENER, packet.getAddress());
        if (sw.isEmpty()) {
            return;
        }
        TrapDecoder.Trap trap;
        try {
            trap = TrapDecoder.decode(packet.getData(), packet.getLength());
        } catch (TrapDecoder.Malformed e) {
            sink.result(LISTENER, EventMetrics.Result.MALFORMED);
            return;
        }
        if (community != null && !MessageDigest.isEqual(community, trap.community())) {
            sink.result(LISTENER, EventMetrics.Result.REFUSED);
            return;
        }
        if (!trap.linkChange()) {
            sink.result(LISTENER, EventMetrics.Result.IGNORED);
            return;
        }
        // A trap names its port by ifIndex, whose mapping to a port name is not known here: the whole switch.
        sink.linkChange(LISTENER, sw.get(), null);
    }

    @Override
    public void close() {
        socket.close();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
