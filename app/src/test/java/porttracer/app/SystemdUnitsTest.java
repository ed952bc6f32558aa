package porttracer.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * deploy/systemd's units pass systemd-analyze verify (unknown keys, a missing ExecStart binary, bad syntax all
 * fail it), run the launcher's main with the right role as an unprivileged user, and read the environment file.
 */
class SystemdUnitsTest {

    private static final Path UNITS = Repo.root().resolve("deploy/systemd");

    @Test
    void theUnitsVerifyAndRunEachRoleUnprivileged(@TempDir Path dir) throws Exception {
        boolean present = new ProcessBuilder("sh", "-c", "command -v systemd-analyze").start().waitFor() == 0;
        if (!present) {
            if (System.getenv("PORTTRACER_REQUIRE_SYSTEMD_ANALYZE") != null) {
                throw new AssertionError("systemd-analyze is missing (scripts/systemd-analyze.sh installs it)");
            }
            Assumptions.abort("systemd-analyze is not installed");
        }
        List<String> cmd = new ArrayList<>(List.of("systemd-analyze", "verify", "--man=no"));
        for (String role : List.of("collector", "api")) {
            Path unit = dir.resolve("porttracer-" + role + ".service");
            String text = Files.readString(UNITS.resolve(unit.getFileName()));
            // ExecStart's java must exist where the check runs: the JVM running this test stands in for /usr/bin/java.
            Files.writeString(unit, text.replace("/usr/bin/java", Path.of(System.getProperty("java.home"), "bin", "java").toString()));
            cmd.add(unit.toString());
            assertThat(text).contains("porttracer.app.Main " + role).contains("User=porttracer")
                    .contains("EnvironmentFile=/etc/porttracer/porttracer.env").contains("NoNewPrivileges=yes")
                    .contains("StateDirectory=porttracer").contains("Environment=PORTTRACER_STATE_DIR=/var/lib/porttracer");
        }
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).as("systemd-analyze has no remark").doesNotContain("Unknown").doesNotContain("ignoring");
        assertThat(Files.readString(UNITS.resolve("porttracer.env.example")))
                .contains("PORTTRACER_ES_USERNAME").contains("PORTTRACER_API_TLS_CERT_FILE").contains("PORTTRACER_SECRET_KEY_FILE");
    }
}
