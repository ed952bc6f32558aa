package porttracer.events;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Splits a syslog TCP stream into messages, RFC 6587: octet-counting ({@code MSG-LEN SP SYSLOG-MSG},
 * §3.4.1, a frame opening with a digit) or non-transparent framing (a message ended by LF, §3.4.2,
 * a frame opening with '<'); a peer may mix them frame by frame. Anything else, or a frame longer
 * than the limit, is malformed and the stream cannot be resynchronised.
 */
final class SyslogFraming {

    /** The stream is not RFC 6587 syslog: the connection is to be closed. */
    static final class Malformed extends Exception {
        Malformed(String message) {
            super(message, null, false, false);
        }
    }

    private final InputStream in;
    private final int maxLength;
    private final byte[] buf;

    SyslogFraming(InputStream in, int maxLength) {
        this.in = in;
        this.maxLength = maxLength;
        this.buf = new byte[maxLength];
    }

    /** The next message, or null at a clean end of stream. */
    String next() throws IOException, Malformed {
        int first = in.read();
        while (first == '\n' || first == '\r') {
            first = in.read(); // a stray trailer between frames
        }
        if (first < 0) {
            return null;
        }
        if (first >= '1' && first <= '9') {
            return octetCounted(first - '0');
        }
        if (first == '<') {
            return lineFramed();
        }
        throw new Malformed("frame opens with byte " + first + ", neither a length nor '<'");
    }

    private String octetCounted(int firstDigit) throws IOException, Malformed {
        long length = firstDigit;
        int c;
        while ((c = in.read()) >= '0' && c <= '9') {
            length = length * 10 + (c - '0');
            if (length > maxLength) {
                throw new Malformed("frame length over " + maxLength);
            }
        }
        if (c != ' ') {
            throw new Malformed("MSG-LEN not followed by a space");
        }
        int off = 0;
        while (off < length) {
            int r = in.read(buf, off, (int) length - off);
            if (r < 0) {
                throw new Malformed("stream ended inside a frame");
            }
            off += r;
        }
        return new String(buf, 0, off, StandardCharsets.UTF_8);
    }

    private String lineFramed() throws IOException, Malformed {
        buf[0] = '<';
        int off = 1;
        int c;
        while ((c = in.read()) >= 0 && c != '\n') {
            if (off == maxLength) {
                throw new Malformed("line over " + maxLength + " bytes");
            }
            buf[off++] = (byte) c;
        }
        if (off > 0 && buf[off - 1] == '\r') {
            off--;
        }
        return new String(buf, 0, off, StandardCharsets.UTF_8);
    }
}
