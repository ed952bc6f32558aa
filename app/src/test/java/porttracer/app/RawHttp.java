package porttracer.app;

import java.io.ByteArrayOutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** HTTP/1.1 over a plain socket, for requests no client library would send (raw bytes in the target). */
final class RawHttp {

    record Reply(int status, String head, String body) {
    }

    private RawHttp() {
    }

    static Reply get(int port, byte[] target, String authorization) throws Exception {
        ByteArrayOutputStream req = new ByteArrayOutputStream();
        req.writeBytes("GET ".getBytes(StandardCharsets.US_ASCII));
        req.writeBytes(target);
        req.writeBytes((" HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nAuthorization: " + authorization
                + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(30_000);
            s.getOutputStream().write(req.toByteArray());
            String all = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int split = all.indexOf("\r\n\r\n");
            String head = split < 0 ? all : all.substring(0, split);
            String body = split < 0 ? "" : all.substring(split + 4);
            return new Reply(Integer.parseInt(head.substring(9, 12)), head, body);
        }
    }
}
