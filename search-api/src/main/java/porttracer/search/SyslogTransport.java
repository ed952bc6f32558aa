package porttracer.search;

import java.io.IOException;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * Sends syslog messages over UDP (RFC 5426: one message per datagram) or TCP / TLS with
 * octet-counting framing, "MSG-LEN SP SYSLOG-MSG" (RFC 6587 3.4.1, RFC 5425 4.3), connecting lazily.
 */
final class SyslogTransport implements AutoCloseable {

    private static final int TIMEOUT_MS = 5_000;

    private final SyslogTarget target;
    private final SSLContext tls;
    private DatagramSocket udp;
    private InetSocketAddress udpTo;
    private Socket stream;
    private OutputStream out;

    SyslogTransport(SyslogTarget target, SSLContext tls) {
        this.target = target;
        this.tls = tls;
    }

    void send(byte[] message) throws IOException {
        if (target.protocol().equals("udp")) {
            if (udp == null) {
                udp = new DatagramSocket();
                udpTo = new InetSocketAddress(InetAddress.getByName(target.host()), target.port());
            }
            udp.send(new DatagramPacket(message, message.length, udpTo));
            return;
        }
        if (out == null) {
            connect();
        }
        try {
            out.write((message.length + " ").getBytes(StandardCharsets.US_ASCII));
            out.write(message);
            out.flush();
        } catch (IOException e) {
            close();
            throw e;
        }
    }

    private void connect() throws IOException {
        Socket s = new Socket();
        try {
            s.connect(new InetSocketAddress(target.host(), target.port()), TIMEOUT_MS);
            s.setSoTimeout(TIMEOUT_MS);
            if (target.protocol().equals("tls")) {
                SSLSocket ssl = (SSLSocket) tls.getSocketFactory().createSocket(s, target.host(), target.port(), true);
                SSLParameters p = ssl.getSSLParameters();
                // The collector's certificate must name the host it was reached by (RFC 5425 5.2).
                p.setEndpointIdentificationAlgorithm("HTTPS");
                ssl.setSSLParameters(p);
                ssl.startHandshake();
                s = ssl;
            }
        } catch (IOException e) {
            s.close();
            throw e;
        }
        stream = s;
        out = new java.io.BufferedOutputStream(s.getOutputStream(), 16 * 1024);
    }

    @Override
    public void close() {
        try {
            if (stream != null) {
                stream.close();
            }
        } catch (IOException ignored) {
            // Dropping the connection anyway.
        }
        stream = null;
        out = null;
        if (udp != null) {
            udp.close();
            udp = null;
        }
    }
}
