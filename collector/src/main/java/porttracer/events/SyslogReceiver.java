package porttracer.events;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives syslog from switches ({@code PORTTRACER_SYSLOG_LISTEN}) on UDP (one message per
 * datagram, RFC 5426) and TCP (RFC 6587 framing) at the same address. A message from an unknown
 * source is dropped unread; a known switch's message matching the link-change pattern asks for a
 * poll of it. TCP connections are bounded in number and idle time.
 */
public final class SyslogReceiver implements AutoCloseable {

    static final String LISTENER = "syslog";
    private static final Logger LOG = LoggerFactory.getLogger(SyslogReceiver.class);
    // RFC 5425 §4.3.1 / RFC 6587: receivers should accept at least 2048 octets; switches send far less.
    static final int MAX_MESSAGE = 8192;
    private static final int MAX_CONNECTIONS = 256;
    private static final int IDLE_TIMEOUT_MS = 600_000;

    private final DatagramSocket udp;
    private final ServerSocket tcp;
    private final EventSink sink;
    private final SyslogLine lines;
    private final ExecutorService connections = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "porttracer-syslog-tcp");
        t.setDaemon(true);
        return t;
    });
    private final Semaphore slots = new Semaphore(MAX_CONNECTIONS);
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final Thread udpThread;
    private final Thread acceptThread;

    private SyslogReceiver(DatagramSocket udp, ServerSocket tcp, EventSink sink, SyslogLine lines) {
        this.udp = udp;
        this.tcp = tcp;
        this.sink = sink;
        this.lines = lines;
        this.udpThread = new Thread(this::receiveUdp, "porttracer-syslog-udp");
        this.acceptThread = new Thread(this::accept, "porttracer-syslog-accept");
        udpThread.setDaemon(true);
        acceptThread.setDaemon(true);
    }

    static SyslogReceiver start(InetSocketAddress bind, EventSink sink, SyslogLine lines) throws IOException {
        DatagramSocket udp = new DatagramSocket(bind);
        udp.setReceiveBufferSize(1 << 20); // room for a burst, as for traps
        ServerSocket tcp;
        try {
            tcp = new ServerSocket();
            tcp.setReuseAddress(true);
            // Port 0 (tests): TCP takes its own free port; otherwise the same port as UDP.
            tcp.bind(new InetSocketAddress(bind.getAddress(), bind.getPort()), 64);
        } catch (IOException e) {
            udp.close();
            throw e;
        }
        SyslogReceiver r = new SyslogReceiver(udp, tcp, sink, lines);
        r.udpThread.start();
        r.acceptThread.start();
        LOG.atInfo().addKeyValue("udp", udp.getLocalSocketAddress()).addKeyValue("tcp", tcp.getLocalSocketAddress())
                .log("syslog receiver listening");
        return r;
    }

    public int udpPort() {
        return udp.getLocalPort();
    }

    public int tcpPort() {
        return tcp.getLocalPort();
    }

    private void receiveUdp() {
        byte[] buf = new byte[65_535];
        DatagramPacket packet = new DatagramPacket(buf, buf.length);
        while (!udp.isClosed()) {
            try {
                packet.setLength(buf.length);
                udp.receive(packet);
                Optional<Integer> sw = sink.known(LISTENER, packet.getAddress());
                if (sw.isPresent()) {
                    int n = Math.min(packet.getLength(), MAX_MESSAGE);
                    handle(sw.get(), new String(buf, 0, n, StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                if (!udp.isClosed()) {
                    LOG.atWarn().addKeyValue("error", e.getMessage()).log("syslog receive failed; listening on");
                }
            } catch (RuntimeException e) {
                sink.result(LISTENER, EventMetrics.Result.MALFORMED);
                LOG.atWarn().addKeyValue("error", e.toString()).log("syslog handling failed; listening on");
            }
        }
    }

    private void accept() {
        while (!tcp.isClosed()) {
            Socket s;
            try {
                s = tcp.accept();
            } catch (IOException e) {
                if (!tcp.isClosed()) {
                    LOG.atWarn().addKeyValue("error", e.getMessage()).log("syslog accept failed; listening on");
                }
                continue;
            }
            Optional<Integer> sw = sink.known(LISTENER, s.getInetAddress());
            if (sw.isEmpty() || !slots.tryAcquire()) {
                closeQuietly(s);
                continue;
            }
            open.add(s);
            try {
                connections.execute(() -> serve(s, sw.get()));
            } catch (RuntimeException e) {
                open.remove(s);
                slots.release();
                closeQuietly(s);
            }
        }
    }

    private void serve(Socket s, int switchId) {
        InetAddress peer = s.getInetAddress();
        try (s) {
            s.setSoTimeout(IDLE_TIMEOUT_MS);
            SyslogFraming frames = new SyslogFraming(new BufferedInputStream(s.getInputStream()), MAX_MESSAGE);
            String message;
            while ((message = frames.next()) != null) {
                handle(switchId, message);
            }
        } catch (SyslogFraming.Malformed e) {
            sink.result(LISTENER, EventMetrics.Result.MALFORMED);
            LOG.atDebug().addKeyValue("peer", peer.getHostAddress()).addKeyValue("error", e.getMessage())
                    .log("syslog stream not RFC 6587; connection closed");
        } catch (IOException | RuntimeException e) {
            // The peer went away or idled out: it reconnects when it has more to say.
        } finally {
            open.remove(s);
            slots.release();
        }
    }

    private void handle(int switchId, String message) {
        int kind = lines.classify(message);
        if (kind == SyslogLine.MALFORMED) {
            sink.result(LISTENER, EventMetrics.Result.MALFORMED);
        } else if (kind == SyslogLine.IGNORED) {
            sink.result(LISTENER, EventMetrics.Result.IGNORED);
        } else {
            sink.linkChange(LISTENER, switchId, lines.port(message));
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // Closing a socket we are dropping anyway.
        }
    }

    @Override
    public void close() {
        udp.close();
        closeQuietly(tcp);
        open.forEach(SyslogReceiver::closeQuietly);
        connections.shutdownNow();
        try {
            connections.awaitTermination(5, TimeUnit.SECONDS);
            udpThread.join(5_000);
            acceptThread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(ServerSocket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // Shutting down.
        }
    }
}
