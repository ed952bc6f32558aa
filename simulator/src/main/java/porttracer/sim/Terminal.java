package porttracer.sim;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** The byte side of a CLI session: CRLF output, and keys in with CR LF folded into one Enter. */
final class Terminal {

    static final int ENTER = '\r';
    static final int EOF = -1;

    private final InputStream in;
    private final OutputStream out;
    private final StringBuilder pendingEcho = new StringBuilder();
    private boolean afterCr;

    Terminal(InputStream in, OutputStream out) {
        this.in = in;
        this.out = out;
    }

    /** The next key; CR, LF and CR LF all read as one {@link #ENTER}. */
    int readKey() throws IOException {
        while (true) {
            if (pendingEcho.length() > 0 && in.available() == 0) {
                flushEcho();
            }
            int b = in.read();
            if (b == '\n' && afterCr) {
                afterCr = false;
                continue;
            }
            afterCr = b == '\r';
            return b == '\n' ? ENTER : b;
        }
    }

    /** Echo of typed input, sent once the client has no more input queued (one packet per burst). */
    void echo(String text) {
        pendingEcho.append(text);
    }

    private void flushEcho() throws IOException {
        String echo = pendingEcho.toString();
        pendingEcho.setLength(0);
        print(echo);
    }

    void print(String text) throws IOException {
        if (pendingEcho.length() > 0) {
            flushEcho();
        }
        out.write(text.replace("\r\n", "\n").replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    void write(byte[] bytes) throws IOException {
        if (pendingEcho.length() > 0) {
            flushEcho();
        }
        out.write(bytes);
        out.flush();
    }
}
