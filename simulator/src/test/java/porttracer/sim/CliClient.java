package porttracer.sim;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.time.Duration;
import java.util.List;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.connection.channel.direct.Session;
import net.schmizz.sshj.transport.verification.HostKeyVerifier;

/** A test-side SSH client (sshj) driving a simulated switch's shell like a collector would. */
final class CliClient implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final SSHClient ssh;
    private PublicKey hostKey;
    private Session session;
    private InputStream in;
    private OutputStream out;
    private final StringBuilder received = new StringBuilder();

    private CliClient() {
        ssh = new SSHClient();
        ssh.setConnectTimeout((int) TIMEOUT.toMillis());
        ssh.setTimeout((int) TIMEOUT.toMillis());
        ssh.addHostKeyVerifier(new HostKeyVerifier() {
            @Override
            public boolean verify(String hostname, int port, PublicKey key) {
                hostKey = key;
                return true;
            }

            @Override
            public List<String> findExistingAlgorithms(String hostname, int port) {
                return List.of();
            }
        });
    }

    static CliClient login(SimulatorServer server, String switchName, String user, String password) throws IOException {
        CliClient client = new CliClient();
        try {
            client.ssh.connect(server.host(), server.port(switchName));
            client.ssh.authPassword(user, password);
        } catch (IOException | RuntimeException e) {
            client.close();
            throw e;
        }
        return client;
    }

    static CliClient login(SimulatorServer server, String switchName) throws IOException {
        return login(server, switchName, "admin", "admin");
    }

    PublicKey hostKey() {
        return hostKey;
    }

    /** Opens the interactive shell and returns everything up to the first prompt. */
    String shell(String prompt) throws IOException {
        session = ssh.startSession();
        session.allocateDefaultPTY();
        Session.Shell shell = session.startShell();
        in = shell.getInputStream();
        out = shell.getOutputStream();
        return readUntil(prompt);
    }

    /** Runs one exec-channel command and returns its whole output. */
    String exec(String command) throws IOException {
        try (Session s = ssh.startSession()) {
            Session.Command cmd = s.exec(command);
            String output = new String(cmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            cmd.join();
            return output;
        }
    }

    void send(String keys) throws IOException {
        out.write(keys.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** Types a command and returns what follows the echoed line up to the next prompt, CRLF turned into LF. */
    String run(String command, String prompt) throws IOException {
        send(command + "\r");
        String text = readUntil("\n" + prompt).replace("\r\n", "\n");
        String afterEcho = text.substring(text.indexOf('\n') + 1);
        return afterEcho.substring(0, afterEcho.length() - prompt.length());
    }

    /** Reads until the received text ends with {@code marker}; returns it and forgets it. */
    String readUntil(String marker) throws IOException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        byte[] buf = new byte[8192];
        while (!received.toString().replace("\r\n", "\n").endsWith(marker.replace("\r\n", "\n"))) {
            if (System.nanoTime() > deadline) {
                throw new IOException("timed out waiting for '" + marker + "', got: " + received);
            }
            if (in.available() > 0 || !session.isOpen()) {
                int n = in.read(buf);
                if (n < 0) {
                    throw new IOException("connection closed, got: " + received);
                }
                received.append(new String(buf, 0, n, StandardCharsets.UTF_8));
            } else {
                sleep();
            }
        }
        String text = received.toString();
        received.setLength(0);
        return text;
    }

    private static void sleep() throws IOException {
        try {
            Thread.sleep(2);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    @Override
    public void close() throws IOException {
        if (session != null) {
            session.close();
        }
        ssh.disconnect();
        ssh.close();
    }
}
