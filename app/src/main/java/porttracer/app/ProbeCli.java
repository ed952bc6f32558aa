package porttracer.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import porttracer.collect.SwitchProbe;
import porttracer.config.Settings;
import porttracer.config.SshConfig;
import porttracer.domain.Platform;
import porttracer.store.Credentials;

/**
 * {@code porttracer probe --host H [--port 22] --user U [--platform auto|os6|os9|os10|powerconnect] [--legacy-crypto]}:
 * one connection to one switch, printed as one JSON object. Passwords come from PORTTRACER_PROBE_PASSWORD and
 * PORTTRACER_PROBE_ENABLE_PASSWORD, never from the command line (it shows in ps and shell history).
 */
final class ProbeCli {

    static final String USAGE = """
            usage: porttracer probe --host H [--port 22] --user U [--platform auto|os6|os9|os10|powerconnect] [--legacy-crypto]
            environment: PORTTRACER_PROBE_PASSWORD (required), PORTTRACER_PROBE_ENABLE_PASSWORD (when enable asks for one)""";

    private ProbeCli() {
    }

    /** Exit status: 0 every poll command succeeded, 1 the switch or a command failed, 2 bad usage. */
    static int run(List<String> args, Map<String, String> env, PrintStream out, PrintStream err) {
        String host = null;
        String user = null;
        String platform = "auto";
        int port = 22;
        boolean legacy = false;
        try {
            for (int i = 0; i < args.size(); i++) {
                String a = args.get(i);
                switch (a) {
                    case "--legacy-crypto" -> legacy = true;
                    case "--host", "--port", "--user", "--platform" -> {
                        if (i + 1 >= args.size()) {
                            throw new IllegalArgumentException(a + " needs a value");
                        }
                        String v = args.get(++i);
                        switch (a) {
                            case "--host" -> host = v;
                            case "--user" -> user = v;
                            case "--platform" -> platform = v;
                            default -> port = Integer.parseInt(v);
                        }
                    }
                    case "--password", "--enable-password" -> throw new IllegalArgumentException(
                            "passwords are not taken on the command line: set PORTTRACER_PROBE_PASSWORD / PORTTRACER_PROBE_ENABLE_PASSWORD");
                    default -> throw new IllegalArgumentException("unknown argument " + a);
                }
            }
            if (host == null || user == null) {
                throw new IllegalArgumentException("--host and --user are required");
            }
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("--port must be 1 to 65535");
            }
        } catch (NumberFormatException e) {
            err.println("probe: --port must be a number\n" + USAGE);
            return 2;
        } catch (IllegalArgumentException e) {
            err.println("probe: " + e.getMessage() + "\n" + USAGE);
            return 2;
        }
        String password = env.get("PORTTRACER_PROBE_PASSWORD");
        if (password == null || password.isEmpty()) {
            err.println("probe: set PORTTRACER_PROBE_PASSWORD to the switch password\n" + USAGE);
            return 2;
        }
        Platform p;
        try {
            p = platform.equalsIgnoreCase("auto") ? null : Platform.of(platform);
        } catch (IllegalArgumentException e) {
            err.println("probe: " + e.getMessage().replace("use os10", "use auto, os10") + "\n" + USAGE);
            return 2;
        }
        String enable = env.get("PORTTRACER_PROBE_ENABLE_PASSWORD");
        SshConfig ssh = SshConfig.from(Settings.load(env, Map.of()));
        SwitchProbe.Report report = SwitchProbe.run(new SwitchProbe.Target(host, port,
                        new Credentials(user, password, enable == null || enable.isEmpty() ? null : enable, null), p, legacy),
                ssh.connectTimeout(), ssh.commandTimeout());
        try {
            out.println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(report.fields()));
        } catch (JsonProcessingException e) {
            err.println("probe: could not print the report: " + e.getOriginalMessage());
            return 1;
        }
        if (report.failure() != null) {
            err.println("probe: " + report.failure().replace('\n', ' '));
            return 1;
        }
        return 0;
    }
}
