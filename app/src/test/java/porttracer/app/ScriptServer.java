package porttracer.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real server (slapd, rsyslogd) run in the foreground by a project script on loopback ports this
 * test picked, until {@link #close()}. Its output goes to {@code <dir>/server.log}.
 */
final class ScriptServer implements AutoCloseable {

    private final List<String> command;
    private final Path dir;
    private final int readyPort;
    private final java.util.Map<String, String> env;
    private Process process;

    ScriptServer(Path dir, int readyPort, java.util.Map<String, String> env, String... command) {
        this.dir = dir;
        this.readyPort = readyPort;
        this.env = env;
        this.command = List.of(command);
    }

    /**
     * Fails when the binary is missing and the launcher asked for the test to run ({@code requireVar} set),
     * else skips the calling test.
     */
    static void requireInstalled(String binary, String requireVar, String installHint) {
        boolean installed = Files.isExecutable(Path.of(binary));
        if (System.getenv(requireVar) != null) {
            assertThat(installed).as(binary + " (" + installHint + ")").isTrue();
        }
        assumeTrue(installed, binary + " is not installed: run " + installHint);
    }

    /** A loopback port free at the time of asking. */
    static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A second free port: asked one after the other, the system can hand out the same port twice. */
    static int freePortOtherThan(int taken) {
        for (int attempt = 0; attempt < 50; attempt++) {
            int p = freePort();
            if (p != taken) {
                return p;
            }
        }
        throw new IllegalStateException("no loopback port other than " + taken + " after 50 tries");
    }

    ScriptServer start() throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Repo.root().resolve(command.get(0)).toString());
        cmd.addAll(command.subList(1, command.size()));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("server.log").toFile()));
        pb.environment().putAll(env);
        process = pb.start();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new AssertionError(command + " exited with " + process.exitValue() + ": "
                        + Files.readString(dir.resolve("server.log")));
            }
            if (accepts(readyPort)) {
                return this;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(command + " did not listen on port " + readyPort + " within 60 s: "
                + Files.readString(dir.resolve("server.log")));
    }

    private static boolean accepts(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Stops the server and waits until its port is closed. */
    void stop() throws InterruptedException {
        if (process == null) {
            return;
        }
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        process = null;
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (accepts(readyPort) && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
    }

    Path dir() {
        return dir;
    }

    @Override
    public void close() {
        try {
            stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
