package porttracer.sim;

import java.util.ArrayList;
import java.util.List;
import porttracer.domain.Platform;

/** The switch models the generator chooses from, and how each names its ports in the CLI. */
enum Hardware {
    N3024(Platform.OS6, "N3024", 24, "Gi1/0/%d", 1, "Te1/0/1"),
    N3048(Platform.OS6, "N3048", 48, "Gi1/0/%d", 1, "Te1/0/1"),
    N2048(Platform.OS6, "N2048", 48, "Gi1/0/%d", 1, "Te1/0/1"),
    N3248(Platform.OS6, "N3248", 48, "Gi1/0/%d", 1, "Te1/0/1"),
    N4032(Platform.OS6, "N4032", 32, "Te1/0/%d", 1, null),
    S4148F_ON(Platform.OS10, "S4148F-ON", 48, "ethernet1/1/%d", 1, "ethernet1/1/49"),
    S5248F_ON(Platform.OS10, "S5248F-ON", 48, "ethernet1/1/%d", 1, "ethernet1/1/49"),
    S3048_ON(Platform.OS9, "S3048-ON", 48, "Gi 1/%d", 1, "Te 1/49"),
    S4810(Platform.OS9, "S4810", 48, "Te 0/%d", 0, null),
    PC5524(Platform.POWERCONNECT, "PowerConnect 5524", 24, "gi1/0/%d", 1, "te1/0/1"),
    PC5548(Platform.POWERCONNECT, "PowerConnect 5548", 48, "gi1/0/%d", 1, "te1/0/1");

    private final Platform platform;
    private final String model;
    private final int portCount;
    private final String portPattern;
    private final int firstPort;
    private final String uplinkPort;

    Hardware(Platform platform, String model, int portCount, String portPattern, int firstPort, String uplinkPort) {
        this.platform = platform;
        this.model = model;
        this.portCount = portCount;
        this.portPattern = portPattern;
        this.firstPort = firstPort;
        this.uplinkPort = uplinkPort;
    }

    static List<Hardware> accessModels(Platform platform) {
        return switch (platform) {
            case OS6 -> List.of(N3024, N3048, N2048, N3248);
            case OS10 -> List.of(S4148F_ON, S5248F_ON);
            case OS9 -> List.of(S3048_ON);
            case POWERCONNECT -> List.of(PC5524, PC5548);
        };
    }

    static Hardware distributionModel(Platform platform) {
        return switch (platform) {
            case OS6 -> N4032;
            case OS10 -> S5248F_ON;
            case OS9 -> S4810;
            case POWERCONNECT -> PC5548;
        };
    }

    Platform platform() {
        return platform;
    }

    String model() {
        return model;
    }

    /** Front-panel port {@code index} counted from 0, as the CLI names it. */
    String port(int index) {
        return String.format(portPattern, firstPort + index);
    }

    List<String> ports(int count) {
        List<String> ports = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ports.add(port(i));
        }
        return ports;
    }

    int portCount() {
        return portCount;
    }

    String uplinkPort() {
        return uplinkPort;
    }
}
