package porttracer.domain;

/**
 * What {@code show version} says about a switch: model ("N4032", "S5248F-ON", "S4810"), running OS
 * version ("6.2.0.5", "10.5.6.1", "9.10(0.1P13)"), service tag and serial number where printed,
 * and the CLI family the output is written in. Fields the output does not give are null.
 * FASTPATH-style PowerConnect (62xx/70xx/M-series) output is detected as {@link Platform#OS6}.
 */
public record VersionInfo(String model, String osVersion, String serviceTag, String serial, Platform detectedPlatform) {

    /**
     * True when the output is consistent with the inventory's platform: the same family, or a
     * {@code powerconnect} switch that speaks the FASTPATH (OS6-family) CLI of the 62xx/70xx/M-series.
     */
    public boolean confirms(Platform inventory) {
        return detectedPlatform == inventory
                || inventory == Platform.POWERCONNECT && detectedPlatform == Platform.OS6;
    }
}
