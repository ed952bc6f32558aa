package porttracer.collect;

import java.io.IOException;
import porttracer.domain.Platform;
import porttracer.domain.VersionInfo;
import porttracer.parse.Parsers;

/** Platform auto-detection: every Dell family answers {@code show version}, and its output names the family. */
public final class PlatformProbe {

    /** The detected family, model (null when not printed, as on PowerConnect 55xx) and OS version. */
    public record Detected(Platform platform, String model, String version) {
    }

    private PlatformProbe() {
    }

    /** As {@link #detect}, null when show version names no family. */
    static Detected detectOrNull(CliSession cli) throws IOException {
        try {
            return detect(cli);
        } catch (SwitchReader.UndetectedPlatformException e) {
            return null;
        }
    }

    public static Detected detect(CliSession cli) throws IOException {
        String out = cli.run("show version");
        VersionInfo v = Parsers.version(out);
        if (v.detectedPlatform() == null) {
            String first = out.strip().lines().findFirst().orElse("");
            throw new SwitchReader.UndetectedPlatformException("platform auto: show version names no Dell OS family (os10, os9, "
                    + "os6, powerconnect); first line " + Poller.printable(first) + "; set the platform by hand");
        }
        return new Detected(v.detectedPlatform(), v.model(), v.osVersion());
    }
}
