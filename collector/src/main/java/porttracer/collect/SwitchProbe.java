package porttracer.collect;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import net.schmizz.sshj.common.Buffer;
import net.schmizz.sshj.common.KeyType;
import net.schmizz.sshj.transport.verification.HostKeyVerifier;
import porttracer.domain.Platform;
import porttracer.parse.ParseResult;
import porttracer.parse.Parsers;
import porttracer.store.Credentials;
import porttracer.store.SwitchRecord;

/**
 * One connection to one switch, as a poll makes it, reported in full: host key (shown, not pinned), how the
 * login went, the platform, and each poll command's time, lines and unparsed lines. What a network engineer
 * runs against one real switch before adding a fleet.
 */
public final class SwitchProbe {

    /** What to probe; {@code platform} null: auto-detect. */
    public record Target(String host, int port, Credentials creds, Platform platform, boolean legacyCrypto) {
    }

    /** The report, in the order printed, and the one-line reason when something failed (null when all succeeded). */
    public record Report(Map<String, Object> fields, String failure) {
    }

    private SwitchProbe() {
    }

    public static Report run(Target t, Duration connectTimeout, Duration commandTimeout) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("host", t.host());
        r.put("port", t.port());
        KeySeen key = new KeySeen();
        try (CliSession cli = CliSession.open(t.host(), t.port(), t.creds(), key, connectTimeout, commandTimeout,
                t.legacyCrypto())) {
            r.put("hostKey", key.fields());
            putLogin(r, cli.login());
            r.put("prompt", cli.prompt());
            PlatformProbe.Detected d = PlatformProbe.detectOrNull(cli);
            Platform platform = t.platform() != null ? t.platform() : d == null ? null : d.platform();
            r.put("platform", platform == null ? null : platform.id());
            r.put("model", d == null ? null : d.model());
            r.put("version", d == null ? null : d.version());
            if (platform == null) {
                r.put("commands", List.of());
                return new Report(r, "platform auto: show version names no Dell OS family; give --platform");
            }
            return commands(r, cli, platform);
        } catch (IOException | RuntimeException e) {
            if (key.key != null) {
                r.putIfAbsent("hostKey", key.fields());
            }
            if (e instanceof LoginRefusedException refused) {
                putLogin(r, refused.login());
            }
            SwitchRecord sw = new SwitchRecord(0, t.host(), t.host(), t.port(), t.platform(), null, null, null, true,
                    null, false, t.platform() == null, t.legacyCrypto());
            Poller.Failure f = Poller.classify(e, null, sw);
            r.put("error", f.outcome().id() + ": " + f.error());
            return new Report(r, f.outcome().id() + ": " + f.error());
        }
    }

    private static void putLogin(Map<String, Object> r, LoginInfo login) {
        r.put("auth", login.method());
        r.put("inShellLogin", login.inShellLogin());
        r.put("enable", login.enable());
        r.put("legacyCrypto", login.legacyCrypto());
    }

    private static Report commands(Map<String, Object> r, CliSession cli, Platform platform) throws IOException {
        Dialect d = Dialect.of(platform);
        r.put("paging", d.pagingOff());
        List<Map<String, Object>> commands = new ArrayList<>();
        r.put("commands", commands);
        String failure = null;
        cli.disablePaging(d.pagingOff());
        int macs = 0;
        int lldp = 0;
        int ifs = 0;
        for (String c : pollCommands(d)) {
            long c0 = System.nanoTime();
            String out = cli.run(c);
            ParseResult<?> parsed = parse(c, d, platform, out);
            commands.add(command(c, out, c0, parsed));
            if (SwitchReader.unknownCommand(out)) {
                failure = failure != null ? failure : "the switch refused '" + c + "': " + Poller.printable(out.strip().lines()
                        .reduce((a, b) -> b).orElse(""));
                continue;
            }
            if (c.equals(d.macTable())) {
                macs = parsed.rows().size();
            } else if (c.equals(d.lldpNeighbors())) {
                lldp = parsed.rows().size();
            } else if (c.equals(d.interfaceStatus())) {
                ifs = parsed.rows().size();
            }
        }
        r.put("macEntries", macs);
        r.put("lldpNeighbours", lldp);
        r.put("interfaces", ifs);
        return new Report(r, failure);
    }

    /** The commands a poll of a switch without ARP collection sends after paging off. */
    static List<String> pollCommands(Dialect d) {
        List<String> c = new ArrayList<>(List.of(d.macTable(), d.lldpNeighbors(), d.interfaceStatus()));
        if (d.switchport() != null) {
            c.add(d.switchport());
        }
        if (d.portChannels() != null && !c.contains(d.portChannels())) {
            c.add(d.portChannels());
        }
        return c;
    }

    private static ParseResult<?> parse(String command, Dialect d, Platform p, String out) {
        Map<String, BiFunction<Platform, String, ParseResult<?>>> parsers = new LinkedHashMap<>();
        parsers.put(d.macTable(), (platform, text) -> Parsers.macTable(text));
        parsers.put(d.lldpNeighbors(), (platform, text) -> Parsers.lldp(text));
        parsers.put(d.interfaceStatus(), (platform, text) -> Parsers.interfaces(text));
        if (d.switchport() != null) {
            parsers.put(d.switchport(), (platform, text) -> Parsers.switchport(text));
        }
        if (d.portChannels() != null) {
            parsers.putIfAbsent(d.portChannels(), Parsers::portChannels);
        }
        return parsers.get(command).apply(p, out);
    }

    private static Map<String, Object> command(String command, String out, long startNanos, ParseResult<?> parsed) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("command", command);
        m.put("ms", (System.nanoTime() - startNanos) / 1_000_000);
        m.put("lines", out.lines().filter(l -> !l.isBlank()).count());
        m.put("unparsedLines", parsed.unparsedLines().size());
        return m;
    }

    /** Accepts any host key (a probe pins nothing) and keeps it to show. */
    private static final class KeySeen implements HostKeyVerifier {
        volatile PublicKey key;

        @Override
        public boolean verify(String hostname, int port, PublicKey key) {
            this.key = key;
            return true;
        }

        @Override
        public List<String> findExistingAlgorithms(String hostname, int port) {
            return List.of();
        }

        Map<String, Object> fields() {
            byte[] blob = new Buffer.PlainBuffer().putPublicKey(key).getCompactData();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("type", KeyType.fromKey(key).toString());
            try {
                // OpenSSH's fingerprint notation: SHA256: and the unpadded base64 of the key blob's digest.
                m.put("sha256", "SHA256:" + Base64.getEncoder().withoutPadding()
                        .encodeToString(MessageDigest.getInstance("SHA-256").digest(blob)));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is part of every JRE", e);
            }
            return m;
        }
    }
}
