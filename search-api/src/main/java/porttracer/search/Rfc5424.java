package porttracer.search;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * One audit row as an RFC 5424 syslog message: facility authpriv, app-name {@code porttracer},
 * MSGID the action, structured data {@code [porttracer@32473 user= role= action= target= result= client=]}.
 */
final class Rfc5424 {

    /** RFC 5424 6.3.2: private SD-IDs are name@<enterprise number>; 32473 is the documentation number (RFC 5612). */
    static final String SD_ID = "porttracer@32473";
    private static final int AUTHPRIV = 10;
    private static final int WARNING = 4;
    private static final int NOTICE = 5;
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final String hostname;
    private final String procId;

    Rfc5424(String hostname, long pid) {
        this.hostname = printable(hostname, 255);
        this.procId = Long.toString(pid);
    }

    byte[] format(AuditLog.Entry e, Instant at) {
        boolean refused = e.action().equals("denied") || (e.action().equals("login") && !"ok".equals(e.result()));
        int pri = AUTHPRIV * 8 + (refused ? WARNING : NOTICE);
        StringBuilder b = new StringBuilder(256);
        // HEADER: <PRI>VERSION SP TIMESTAMP SP HOSTNAME SP APP-NAME SP PROCID SP MSGID (RFC 5424 6.2).
        b.append('<').append(pri).append(">1 ")
                .append(DateTimeFormatter.ISO_INSTANT.format(at.truncatedTo(ChronoUnit.MILLIS))).append(' ')
                .append(hostname).append(" porttracer ").append(procId).append(' ')
                .append(printable(e.action(), 32)).append(" [").append(SD_ID);
        param(b, "user", e.username());
        param(b, "role", e.role());
        param(b, "action", e.action());
        param(b, "target", e.detail());
        param(b, "result", e.result());
        param(b, "client", e.remoteAddr());
        b.append("] ");
        ByteArrayOutputStream out = new ByteArrayOutputStream(b.length() + 128);
        out.writeBytes(b.toString().getBytes(StandardCharsets.UTF_8));
        out.writeBytes(BOM);
        String msg = (e.username() == null ? "-" : e.username()) + " " + e.action()
                + (e.detail() == null ? "" : " " + e.detail()) + ": " + e.result();
        out.writeBytes(msg.getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    /** PARAM-VALUE (UTF-8) with '"', '\' and ']' escaped (RFC 5424 6.3.3); control characters become spaces. */
    private static void param(StringBuilder b, String name, String value) {
        if (value == null) {
            return;
        }
        b.append(' ').append(name).append("=\"");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\' || c == ']') {
                b.append('\\').append(c);
            } else if (c < 0x20 || c == 0x7f) {
                b.append(' ');
            } else {
                b.append(c);
            }
        }
        b.append('"');
    }

    /** Header fields are PRINTUSASCII (33-126), at most {@code max} long, or the NILVALUE "-". */
    private static String printable(String s, int max) {
        if (s == null || s.isEmpty()) {
            return "-";
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length() && b.length() < max; i++) {
            char c = s.charAt(i);
            b.append(c >= 33 && c <= 126 ? c : '_');
        }
        return b.toString();
    }
}
