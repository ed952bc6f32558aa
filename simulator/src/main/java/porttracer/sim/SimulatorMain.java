package porttracer.sim;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import porttracer.domain.Platform;

/**
 * Runs a generated fleet in its own process and prints {@code name platform 127.0.0.1 port} per switch.
 * Options: --seed --sites --floors --switches (per floor) --hosts (per access switch) --host-key-dir
 * --platforms os6,os10,... (access, round-robin) --distribution os10 --base-port --latency-ms
 * --max-sessions --username --password --login-mix on (switches log in as {@link LoginMix} says, enable password
 * from --enable-password, default "enable").
 */
public final class SimulatorMain {

    private SimulatorMain() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = options(args);
        FleetSpec spec = new FleetSpec(
                Long.parseLong(opt.getOrDefault("seed", "1")),
                Integer.parseInt(opt.getOrDefault("sites", "1")),
                Integer.parseInt(opt.getOrDefault("floors", "2")),
                Integer.parseInt(opt.getOrDefault("switches", "2")),
                Integer.parseInt(opt.getOrDefault("hosts", "12")),
                platforms(opt.getOrDefault("platforms", "os6,os10")),
                Platform.of(opt.getOrDefault("distribution", "os10")));
        SimulatorOptions sim = SimulatorOptions.defaults()
                .withCredentials(opt.getOrDefault("username", "admin"), opt.getOrDefault("password", "admin"))
                .withBasePort(Integer.parseInt(opt.getOrDefault("base-port", "0")))
                .withCommandLatency(Duration.ofMillis(Long.parseLong(opt.getOrDefault("latency-ms", "0"))))
                .withMaxSessionsPerSwitch(Integer.parseInt(opt.getOrDefault("max-sessions", "4")));
        if (opt.containsKey("host-key-dir")) {
            sim = sim.withHostKeyDir(Path.of(opt.get("host-key-dir")));
        }
        String enable = opt.getOrDefault("enable-password", "enable");
        SimulatorServer server = "on".equals(opt.get("login-mix"))
                ? SimulatorServer.start(Fleet.generate(spec), sim, sw -> LoginMix.of(sw, enable))
                : SimulatorServer.start(Fleet.generate(spec), sim);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }));
        for (SimSwitch sw : server.fleet().switches()) {
            System.out.println(sw.name() + " " + sw.platform().id() + " " + server.host() + " " + server.port(sw.name()));
        }
        System.out.flush();
        stopped.await();
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> opt = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --name value pairs, got " + args[i]);
            }
            opt.put(args[i].substring(2), args[++i]);
        }
        return opt;
    }

    private static List<Platform> platforms(String list) {
        List<Platform> platforms = new ArrayList<>();
        for (String id : list.split(",")) {
            platforms.add(Platform.of(id));
        }
        return platforms;
    }
}
