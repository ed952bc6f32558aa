package porttracer.app;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import porttracer.config.Settings;

/** The one launcher behind ./porttracer: one subcommand per role. */
public final class Main {

    private static final String USAGE = """
            usage: porttracer <command> [args]
              demo                 simulated fleet + collector + API on 127.0.0.1:8080
              collector            run the collector role (Quartz, clustered on PostgreSQL)
              api                  run the search API role
              collector-api        run both roles in one process
              simulator [opts]     run a simulated fleet (see porttracer.sim.SimulatorMain)
              parse --platform P K parse a capture on standard input (K: mac-table|interfaces|lldp|arp|version)
              trace <mac> [--live] [--json]      where a MAC is, asked of the API (PORTTRACER_API_URL)
              search <text> [--page N] [--json]  one-box search over the API
              probe --host H --user U [--port N] [--platform P] [--legacy-crypto]
                                   log in to one switch as a poll does and report it as JSON
                                   (passwords: PORTTRACER_PROBE_PASSWORD, PORTTRACER_PROBE_ENABLE_PASSWORD)
              user add NAME --role R | list | disable NAME | delete NAME   accounts (password: stdin or PORTTRACER_USER_PASSWORD)
              rotate-key           re-encrypt every stored secret under a new credential key (PORTTRACER_SECRET_KEY_FILE)
            Configuration: environment variables PORTTRACER_* (see README).""";

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        try {
            dispatch(args);
        } catch (porttracer.config.StartupException e) {
            // A setting to fix: one line naming it, no stack trace.
            System.err.println("porttracer: " + e.getMessage());
            System.exit(2);
        }
    }

    private static void dispatch(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println(USAGE);
            System.exit(2);
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        if (args[0].equals("trace") || args[0].equals("search")) {
            System.exit(ApiCli.run(args[0], Arrays.asList(rest), System.getenv(), System.out, System.err));
        }
        if (args[0].equals("probe")) {
            System.exit(ProbeCli.run(Arrays.asList(rest), System.getenv(), System.out, System.err));
        }
        Settings settings = Settings.load();
        Path state = porttracer.config.NodeConfig.from(settings).stateDir();
        if (settings.get("secret.key").isBlank() && settings.get("secret.key-file").isBlank()) {
            settings = settings.with("secret.key-file", state.resolve("credential.key").toString());
        }
        switch (args[0]) {
            case "demo" -> Demo.run(DemoSettings.of(settings, state), state);
            case "collector" -> runRoles(settings, true, false);
            case "api" -> runRoles(settings, false, true);
            case "collector-api" -> runRoles(settings, true, true);
            case "simulator" -> porttracer.sim.SimulatorMain.main(rest);
            case "parse" -> porttracer.parse.ParseCli.main(rest);
            case "user" -> {
                int status;
                try (porttracer.store.Database db = porttracer.store.Database.open(porttracer.config.DbConfig.from(settings))) {
                    var stdin = new java.io.BufferedReader(new java.io.InputStreamReader(System.in, java.nio.charset.StandardCharsets.UTF_8));
                    status = UserCommand.run(Arrays.asList(rest), db.dataSource(), System.getenv(), stdin, System.out, System.err);
                }
                System.exit(status);
            }
            case "rotate-key" -> System.exit(KeyCommand.rotate(settings, System.out, System.err));
            default -> {
                System.err.println("unknown command " + args[0] + "\n" + USAGE);
                System.exit(2);
            }
        }
    }

    private static void runRoles(Settings settings, boolean collector, boolean api) throws Exception {
        PortTracer pt = new PortTracer(settings);
        PortTracer.registerJvmMetrics(pt.registry());
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            pt.close();
            stop.countDown();
        }));
        if (collector) {
            pt.startCollector();
        }
        if (api) {
            pt.startApi(settings.get("api.host"), settings.getInt("api.port"));
        }
        int metricsPort = porttracer.config.NodeConfig.from(settings).metricsPort();
        if (metricsPort > 0) {
            pt.startMetricsServer(settings.get("api.host"), metricsPort);
        }
        stop.await();
    }
}
