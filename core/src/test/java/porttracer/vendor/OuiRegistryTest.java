package porttracer.vendor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import porttracer.domain.MacAddress;

/** Vendor names by longest registered prefix, in the CSV layout of the IEEE registry, reloaded on change. */
class OuiRegistryTest {

    @Test
    void longestPrefixWinsAndChangesAreReloaded(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("oui.csv"), """
                Registry,Assignment,Organization Name,Organization Address
                MA-L,F8B156,Dell Inc.,"One Dell Way Round Rock TX US 78682"
                MA-L,0050C2,IEEE Registration Authority,"445 Hoes Lane Piscataway NJ US 08554"
                """);
        Files.writeString(dir.resolve("oui36.csv"), """
                Registry,Assignment,Organization Name,Organization Address
                MA-S,0050C2123,"Acme, Sensors Ltd","1 Road, Town"
                """);
        OuiRegistry r = OuiRegistry.load(dir);
        assertThat(r.vendor(MacAddress.parse("f8:b1:56:0c:45:c0"))).isEqualTo("Dell Inc.");
        assertThat(r.vendor(MacAddress.parse("00:50:c2:12:34:56"))).isEqualTo("Acme, Sensors Ltd");
        assertThat(r.vendor(MacAddress.parse("00:50:c2:99:34:56"))).isEqualTo("IEEE Registration Authority");
        assertThat(r.vendor(MacAddress.parse("02:00:00:00:00:01"))).isNull();
        assertThat(r.refreshIfChanged()).isFalse();

        Files.writeString(dir.resolve("oui.csv"), """
                Registry,Assignment,Organization Name,Organization Address
                MA-L,020000,Example Labs,"Somewhere"
                """);
        Files.setLastModifiedTime(dir.resolve("oui.csv"), FileTime.fromMillis(System.currentTimeMillis() + 5_000));
        assertThat(r.refreshIfChanged()).isTrue();
        assertThat(r.vendor(MacAddress.parse("02:00:00:00:00:01"))).isEqualTo("Example Labs");
        assertThat(r.vendor(MacAddress.parse("f8:b1:56:0c:45:c0"))).isNull();
    }

    @Test
    void aMissingRegistryKnowsNoVendor(@TempDir Path dir) throws Exception {
        assertThat(OuiRegistry.load(dir.resolve("absent")).vendor(MacAddress.parse("f8:b1:56:0c:45:c0"))).isNull();
    }
}
