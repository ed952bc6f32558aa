package porttracer.collect;

import porttracer.config.DaemonThreads;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.connection.channel.direct.Session;
import net.schmizz.sshj.transport.verification.HostKeyVerifier;
import porttracer.store.Credentials;

/**
 * An interactive CLI session on a switch over SSH: logs in, finds the prompt, and runs commands
 * one at a time, returning each command's output without the echoed command and the prompt.
 * Every wait is bounded: a watchdog closes the connection when a command overruns its timeout.
 */
public final class CliSession implements AutoCloseable {

    /** Thrown when the switch did not answer in time. */
    public static final class TimeoutException extends IOException {
        TimeoutException(String message) {
            super(message);
        }
    }

    private static final ScheduledExecutorService WATCHDOG = DaemonThreads.scheduler("porttracer-ssh-watchdog");
    // A Dell prompt: hostname (and mode) then # or >, alone on the last, unterminated line.
    // Control bytes or escape codes may precede it on that line, so it is looked for at the end.
    private static final Pattern PROMPT = Pattern.compile("[\\w.\\-()/:@]{1,80}[#>]$");
    /** Pager prompts: OS6 "--More-- or (q)uit", OS9 " --More-- ", OS10 "--more--", PowerConnect "More: <space>, ...". */
    private static final Pattern PAGER = Pattern.compile("(?i)--\\s*more\\s*--|^more: <space>");
    private static final int MAX_OUTPUT_CHARS = 64 * 1024 * 1024;
    // In-shell login prompts: PowerConnect "User Name:" (Netmiko dell_powerconnect.py special_login_handler),
    // FASTPATH "User:" (Netmiko dell_powerconnect_telnet.py), Cisco-style "Username:", Unix "login:".
    private static final Pattern USER_PROMPT = Pattern.compile("(?i)(user name|username|user|login):$");
    private static final Pattern PASSWORD_PROMPT = Pattern.compile("(?i)password:$");
    // A prompt counts once the switch has been silent this long after it: banners and MOTD text
    // before the prompt may hold '>' or '#' at the end of a chunk.
    private static final long QUIET_NANOS = 150_000_000L;

    private final SSHClient ssh;
    private final Session session;
    private final Session.Shell shell;
    private final InputStream in;
    private final OutputStream out;
    private final Duration commandTimeout;
    private final byte[] buf = new byte[32 * 1024];
    private String prompt;
    private volatile boolean timedOut;
    private Runnable pacer = () -> { };
    private String pagingOffSent;
    private LoginInfo login;

    private CliSession(SSHClient ssh, Session session, Session.Shell shell, Duration commandTimeout) {
        this.ssh = ssh;
        this.session = session;
        this.shell = shell;
        this.in = shell.getInputStream();
        this.out = shell.getOutputStream();
        this.commandTimeout = commandTimeout;
    }

    public static CliSession open(String host, int port, Credentials creds, HostKeyVerifier hostKeys,
                                  Duration connectTimeout, Duration commandTimeout) throws IOException {
        return open(host, port, creds, hostKeys, connectTimeout, commandTimeout, false);
    }

    /**
     * Connects, authenticates with what the switch offers, answers an in-shell login, and enters
     * privileged EXEC ({@code enable}) when the session lands in user EXEC. {@code legacyCrypto}
     * adds the SHA-1/CBC algorithms old firmware is limited to.
     */
    public static CliSession open(String host, int port, Credentials creds, HostKeyVerifier hostKeys,
                                  Duration connectTimeout, Duration commandTimeout, boolean legacyCrypto) throws IOException {
        SSHClient ssh = new SSHClient(SshAlgorithms.of(legacyCrypto));
        ssh.addHostKeyVerifier(hostKeys);
        ssh.setConnectTimeout((int) connectTimeout.toMillis());
        ssh.setTimeout((int) Math.max(connectTimeout.toMillis(), commandTimeout.toMillis()));
        Session session = null;
        try {
            ssh.connect(host, port);
            ssh.getConnection().getKeepAlive().setKeepAliveInterval(30);
            String method = SshLogin.authenticate(ssh, creds);
            session = ssh.startSession();
            // Wide terminal so that switches do not wrap long table rows.
            session.allocatePTY("vt100", 511, 24, 0, 0, Map.of());
            Session.Shell shell = session.startShell();
            CliSession cli = new CliSession(ssh, session, shell, commandTimeout);
            cli.login = new LoginInfo(method, false, null, legacyCrypto);
            cli.prompt = cli.awaitPrompt(creds);
            cli.enable(creds);
            return cli;
        } catch (IOException | RuntimeException | Error e) {
            // Errors too (OutOfMemoryError under a burst): an unclosed client keeps its socket, reader thread and
            // buffer for ever (bench/RESULTS.md, "A failed SSH set-up that ends in an Error leaked the client").
            closeQuietly(ssh);
            throw e;
        }
    }

    /** How this session logged in. */
    public LoginInfo login() {
        return login;
    }

    public String prompt() {
        return prompt;
    }

    /** Called before each command, e.g. to respect a per-switch command rate. */
    void pace(Runnable pacer) {
        this.pacer = pacer;
    }

    /** Turns paging off once per session: a reused session already has it off. */
    public void disablePaging(String command) throws IOException {
        if (!command.equals(pagingOffSent)) {
            run(command);
            pagingOffSent = command;
        }
    }

    /** Connected, authenticated and its shell channel still open. */
    public boolean isAlive() {
        return !timedOut && ssh.isConnected() && ssh.isAuthenticated() && shell.isOpen();
    }

    /** Runs one command and returns its output. The command must already be normalised by the caller. */
    public String run(String command) throws IOException {
        if (command.indexOf('\n') >= 0 || command.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("one command per call");
        }
        pacer.run();
        out.write((command + "\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        String expected = prompt;
        String raw = readUntil(l -> l.endsWith(expected));
        return stripEcho(raw.substring(0, raw.length() - lastLine(raw).length()), command);
    }

    /**
     * Switches print a prompt unasked after login. Waiting for it, rather than sending a newline
     * at once, keeps exactly one prompt per command in the stream; a newline is sent only when
     * nothing shows up within a few seconds (a banner without a prompt, a slow switch, a
     * PowerConnect that waits for a key before its "User Name:"). An in-shell login is answered on
     * the way: the user name at a user prompt, the password at "Password:", each once.
     */
    private String awaitPrompt(Credentials creds) throws IOException {
        StringBuilder sb = new StringBuilder();
        long start = System.nanoTime();
        long deadline = start + commandTimeout.toNanos();
        long lastData = start;
        boolean nudged = false;
        boolean userSent = false;
        boolean passwordSent = false;
        while (System.nanoTime() < deadline) {
            int avail = in.available();
            if (avail > 0) {
                int n = in.read(buf, 0, Math.min(avail, buf.length));
                sb.append(new String(buf, 0, n, StandardCharsets.ISO_8859_1));
                lastData = System.nanoTime();
                continue;
            }
            long now = System.nanoTime();
            String last = lastLine(sb).strip();
            if (now - lastData >= QUIET_NANOS && !last.isEmpty()) {
                var m = PROMPT.matcher(last);
                if (m.find()) {
                    return m.group();
                }
                if (USER_PROMPT.matcher(last).find()) {
                    if (passwordSent || userSent) {
                        throw inShellRefused();
                    }
                    send(creds.username());
                    userSent = true;
                    login = new LoginInfo(login.method(), true, null, login.legacyCrypto());
                    sb.setLength(0);
                    continue;
                }
                if (PASSWORD_PROMPT.matcher(last).find()) {
                    if (passwordSent) {
                        throw inShellRefused();
                    }
                    send(creds.password());
                    passwordSent = true;
                    login = new LoginInfo(login.method(), true, null, login.legacyCrypto());
                    sb.setLength(0);
                    continue;
                }
            }
            if (!nudged && now - lastData > Math.min(3_000_000_000L, commandTimeout.toNanos() / 2)) {
                out.write('\n');
                out.flush();
                nudged = true;
            }
            sleepQuietly(20);
        }
        throw new TimeoutException("no prompt within " + commandTimeout.toSeconds() + " s of login"
                + (sb.length() == 0 ? "" : ", last line " + Poller.printable(lastLine(sb).strip())));
    }

    private LoginRefusedException inShellRefused() {
        return new LoginRefusedException("in-shell login refused: the switch asked again after the password", login);
    }

    /**
     * Privileged EXEC, as Netmiko's Dell OS6 and PowerConnect drivers enter it in every session:
     * at a "hostname>" prompt send {@code enable}, answer "Password:" with the enable password,
     * and expect "hostname#". Nothing is sent that no prompt asked for.
     */
    private void enable(Credentials creds) throws IOException {
        if (!prompt.endsWith(">")) {
            login = new LoginInfo(login.method(), login.inShellLogin(), LoginInfo.ENABLE_NOT_NEEDED, login.legacyCrypto());
            return;
        }
        out.write("enable\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        String last = lastLine(readUntil(l -> PROMPT.matcher(l).find() || PASSWORD_PROMPT.matcher(l).find())).strip();
        if (PASSWORD_PROMPT.matcher(last).find()) {
            if (creds.enablePassword() == null) {
                throw enableRefused("the switch asks for an enable password and none is configured");
            }
            send(creds.enablePassword());
            last = lastLine(readUntil(l -> PROMPT.matcher(l).find() || PASSWORD_PROMPT.matcher(l).find())).strip();
            if (PASSWORD_PROMPT.matcher(last).find()) {
                throw enableRefused("the switch asked for the enable password again");
            }
        }
        var m = PROMPT.matcher(last);
        if (!m.find() || !m.group().endsWith("#")) {
            throw enableRefused("the prompt stayed in user EXEC");
        }
        prompt = m.group();
        login = new LoginInfo(login.method(), login.inShellLogin(), LoginInfo.ENABLE_OK, login.legacyCrypto());
    }

    private LoginRefusedException enableRefused(String why) {
        login = new LoginInfo(login.method(), login.inShellLogin(), LoginInfo.ENABLE_REFUSED, login.legacyCrypto());
        return new LoginRefusedException("enable refused: " + why, login);
    }

    private void send(String secretOrName) throws IOException {
        // A line break would end the answer early and type the rest as a command.
        if (secretOrName.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new LoginRefusedException("login refused: the credential holds a control character or line break, "
                    + "which cannot be typed at a prompt", login);
        }
        out.write((secretOrName + "\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static void sleepQuietly(long ms) throws IOException {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while waiting for the prompt");
        }
    }

    /** Reads until {@code done} accepts the last, unterminated line (stripped), answering pager prompts. */
    private String readUntil(java.util.function.Predicate<String> done) throws IOException {
        StringBuilder sb = new StringBuilder(4096);
        ScheduledFuture<?> alarm = WATCHDOG.schedule(this::expire, commandTimeout.toMillis(), TimeUnit.MILLISECONDS);
        try {
            while (true) {
                int n;
                try {
                    n = in.read(buf);
                } catch (IOException e) {
                    if (timedOut) {
                        throw new TimeoutException("no prompt within " + commandTimeout.toSeconds() + " s");
                    }
                    throw e;
                }
                if (n < 0) {
                    if (timedOut) {
                        throw new TimeoutException("no prompt within " + commandTimeout.toSeconds() + " s");
                    }
                    throw new IOException("switch closed the session");
                }
                // ISO-8859-1 maps every byte to one char, so garbage bytes cannot break decoding.
                sb.append(new String(buf, 0, n, StandardCharsets.ISO_8859_1));
                if (sb.length() > MAX_OUTPUT_CHARS) {
                    throw new IOException("output exceeds " + MAX_OUTPUT_CHARS + " characters");
                }
                String last = lastLine(sb).strip();
                if (PAGER.matcher(last).find()) {
                    out.write(' ');
                    out.flush();
                    sb.setLength(sb.length() - lastLine(sb).length());
                    continue;
                }
                if (done.test(last)) {
                    return sb.toString();
                }
            }
        } finally {
            alarm.cancel(false);
        }
    }

    private void expire() {
        timedOut = true;
        closeQuietly(ssh);
    }

    /** The text after the last line break: where a prompt or a paging marker sits. */
    private static String lastLine(CharSequence s) {
        int i = s.length() - 1;
        while (i >= 0 && s.charAt(i) != '\n' && s.charAt(i) != '\r') {
            i--;
        }
        return s.subSequence(i + 1, s.length()).toString();
    }

    private static String stripEcho(String raw, String command) {
        String text = raw.replace("\r\n", "\n").replace('\r', '\n');
        int nl = text.indexOf('\n');
        if (nl >= 0 && text.substring(0, nl).contains(command)) {
            text = text.substring(nl + 1);
        }
        return text;
    }

    private static void closeQuietly(SSHClient ssh) {
        try {
            ssh.disconnect();
        } catch (IOException | RuntimeException ignored) {
            // Closing a broken connection: nothing more to do.
        }
    }

    @Override
    public void close() {
        try {
            out.write("exit\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
        } catch (IOException | RuntimeException ignored) {
            // The switch may already have gone.
        }
        try {
            shell.close();
            session.close();
        } catch (IOException | RuntimeException ignored) {
            // idem
        }
        closeQuietly(ssh);
    }
}
