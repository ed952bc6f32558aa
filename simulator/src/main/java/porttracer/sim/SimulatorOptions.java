package porttracer.sim;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How the simulator serves its fleet. {@code hostKeyDir} null keeps host keys in memory (a restart gets new
 * keys); {@code basePort} 0 takes ephemeral ports, otherwise switch i listens on basePort + i.
 */
public record SimulatorOptions(String username, String password, Path hostKeyDir, int basePort,
                               Duration commandLatency, int maxSessionsPerSwitch) {

    public SimulatorOptions {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(commandLatency, "commandLatency");
        if (maxSessionsPerSwitch < 1) {
            throw new IllegalArgumentException("maxSessionsPerSwitch must be at least 1");
        }
    }

    public static SimulatorOptions defaults() {
        return new SimulatorOptions("admin", "admin", null, 0, Duration.ZERO, 4);
    }

    public SimulatorOptions withCredentials(String username, String password) {
        return new SimulatorOptions(username, password, hostKeyDir, basePort, commandLatency, maxSessionsPerSwitch);
    }

    public SimulatorOptions withHostKeyDir(Path hostKeyDir) {
        return new SimulatorOptions(username, password, hostKeyDir, basePort, commandLatency, maxSessionsPerSwitch);
    }

    public SimulatorOptions withBasePort(int basePort) {
        return new SimulatorOptions(username, password, hostKeyDir, basePort, commandLatency, maxSessionsPerSwitch);
    }

    public SimulatorOptions withCommandLatency(Duration commandLatency) {
        return new SimulatorOptions(username, password, hostKeyDir, basePort, commandLatency, maxSessionsPerSwitch);
    }

    public SimulatorOptions withMaxSessionsPerSwitch(int max) {
        return new SimulatorOptions(username, password, hostKeyDir, basePort, commandLatency, max);
    }
}
