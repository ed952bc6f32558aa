package porttracer.sim;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;

/**
 * One SSH channel speaking a switch CLI: an interactive shell (prompt, echo, paging) or, when constructed with a
 * command line, a single exec'd command.
 */
final class CliChannel implements Command {

    private static final byte[] GARBAGE = {(byte) 0xff, (byte) 0xfe, 0x00, 0x1b, (byte) 0x9b, (byte) 0xc3, 0x28, 0x07};

    private final Session session;
    private final SwitchFaults faults;
    private final Duration latency;
    private final ExecutorService executor;
    private final String execLine;
    private InputStream in;
    private OutputStream out;
    private ExitCallback exitCallback;
    private Future<?> task;
    private ChannelSession channel;

    private final CommandLog log;
    private final ShellGate gate;

    CliChannel(Session session, SwitchFaults faults, Duration latency, ExecutorService executor, String execLine,
               CommandLog log, ShellGate gate) {
        this.session = session;
        this.gate = gate;
        this.log = log;
        this.faults = faults;
        this.latency = latency;
        this.executor = executor;
        this.execLine = execLine;
    }

    @Override
    public void setInputStream(InputStream in) {
        this.in = in;
    }

    @Override
    public void setOutputStream(OutputStream out) {
        this.out = out;
    }

    @Override
    public void setErrorStream(OutputStream err) {
        // switch CLIs write everything to the terminal
    }

    @Override
    public void setExitCallback(ExitCallback callback) {
        this.exitCallback = callback;
    }

    @Override
    public void start(ChannelSession channel, Environment env) {
        this.channel = channel;
        task = executor.submit(this::run);
    }

    @Override
    public void destroy(ChannelSession channel) {
        if (task != null) {
            task.cancel(true);
        }
    }

    private void run() {
        Terminal terminal = new Terminal(in, out);
        try {
            if (execLine != null) {
                answer(terminal, execLine, 0);
            } else {
                shell(terminal);
            }
        } catch (IOException | InterruptedException e) {
            // the client went away
        } finally {
            exitCallback.onExit(0);
        }
    }

    private void shell(Terminal terminal) throws IOException, InterruptedException {
        if (!gate.open(terminal, session)) {
            return;
        }
        while (true) {
            terminal.print(session.prompt());
            String line = LineReader.read(terminal, true);
            if (line != null && gate.isEnable(line, session)) {
                log.add(line);
                if (!gate.enable(terminal, session)) {
                    return;
                }
                continue;
            }
            int pageLength = faults.pagingStuck() ? Session.DEFAULT_PAGE_LENGTH : session.pageLength();
            if (line == null || !answer(terminal, line, pageLength)) {
                return;
            }
        }
    }

    /** Runs one line and prints its output; false when the session is over. */
    private boolean answer(Terminal terminal, String line, int pageLength) throws IOException, InterruptedException {
        log.add(line);
        Reply reply = session.execute(line);
        if (reply.ends()) {
            return false;
        }
        if (!reply.text().isEmpty() && faults.hang()) {
            while (terminal.readKey() != Terminal.EOF) {
                // swallow input, answer nothing
            }
            return false;
        }
        if (!latency.isZero()) {
            Thread.sleep(latency.toMillis());
        }
        if (faults.garbage()) {
            terminal.write(GARBAGE);
        }
        String text = faults.longLine() > 0 && line.contains("mac") ? withLongLine(reply.text(), faults.longLine())
                : reply.text();
        Pager pager = new Pager(terminal, session.dialect().pagerPrompt());
        if (pager.write(text, pageLength, faults.truncateAfterLines()) == Pager.Outcome.TRUNCATED) {
            channel.getSession().close(false);
            return false;
        }
        return true;
    }

    private static String withLongLine(String text, int characters) {
        int middle = text.indexOf('\n', text.length() / 2);
        if (middle < 0) {
            return text;
        }
        String filler = "0a1b.2c3d.4e5f " + "x".repeat(Math.max(0, characters - 16)) + "\n";
        return text.substring(0, middle + 1) + filler + text.substring(middle + 1);
    }
}
