package porttracer.parse;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import porttracer.domain.Platform;
import porttracer.domain.VersionInfo;

class VersionTest {
    private static final String OS9 = "dell_force10/show_version/";
    private static final String OS10 = "dell_os10/show_version/";
    private static final String OS6 = "dell_os6/show_version/";

    private static VersionInfo parse(Platform p, String fixture) {
        return Parsers.version(Fixtures.raw(fixture));
    }

    @Test
    void os6N1548MatchesGenie() {
        String name = OS6 + "genie_dell_os6_n1548_golden_output1";
        JsonNode v = Fixtures.json(name + ".genie_expected.json").get("version");
        VersionInfo info = parse(Platform.OS6, name + ".raw");
        assertThat(info).isEqualTo(new VersionInfo(v.get("model").asText(),
                v.get("versioning").get("curr_act_ver").asText(), null, v.get("serial").asText(), Platform.OS6));
    }

    @Test
    void os6N4032Captures() {
        assertThat(parse(Platform.OS6, OS6 + "napalm_dellos6_n4032.raw"))
                .isEqualTo(new VersionInfo("N4032", "6.2.0.5", null, "CN04G4FP2829859O0195F03", Platform.OS6));
        assertThat(parse(Platform.OS6, OS6 + "ansible_dellemc_os6.raw"))
                .isEqualTo(new VersionInfo("N4032", "6.3.3.7", null, "CN04G4FP282984AI0097A01", Platform.OS6));
    }

    @Test
    void os10Captures() {
        assertThat(parse(Platform.OS10, OS10 + "ansible_dellemc_os10.raw"))
                .isEqualTo(new VersionInfo("S6000-VM", "10.4.0E(R1)", null, null, Platform.OS10));
        assertThat(parse(Platform.OS10, OS10 + "arcswitch_s5248f_10.5.6.1.raw"))
                .isEqualTo(new VersionInfo("S5248F-ON", "10.5.6.1", null, null, Platform.OS10));
        assertThat(parse(Platform.OS10, OS10 + "arcswitch_s5248f_10.6.0.5.raw"))
                .isEqualTo(new VersionInfo("S5248F-ON", "10.6.0.5", null, null, Platform.OS10));
    }

    @Test
    void os9NocCapturesMatchNoc() {
        for (String name : new String[] {"noc_force10_c300_8.3.1.1", "noc_force10_e600i_8.4.1.0",
                "noc_force10_s25n_7.7.1.1", "noc_force10_s50n_8.4.2.1", "noc_force10_s60_8.3.3.6"}) {
            JsonNode expected = Fixtures.json(OS9 + name + ".noc_get_version.json");
            assertThat(parse(Platform.OS9, OS9 + name + ".raw")).as(name).isEqualTo(new VersionInfo(
                    expected.get("platform").asText(), expected.get("version").asText(), null, null, Platform.OS9));
        }
    }

    @Test
    void os9NtcCaptureMatchesNtc() {
        JsonNode expected = Fixtures.ntcSample(OS9 + "ntc_dell_force10_show_version.yml").get(0);
        VersionInfo info = parse(Platform.OS9, OS9 + "ntc_dell_force10_show_version.raw");
        assertThat(info.model()).isEqualTo(expected.get("device_type").asText());
        assertThat(info.osVersion()).isEqualTo(expected.get("os_version").asText());
        assertThat(info.detectedPlatform()).isEqualTo(Platform.OS9);
    }

    @Test
    void os9OtherCaptures() {
        assertThat(parse(Platform.OS9, OS9 + "ansible_dellemc_os9.raw"))
                .isEqualTo(new VersionInfo("S6000-ON", "9.10(0.1P13)", null, null, Platform.OS9));
        assertThat(parse(Platform.OS9, OS9 + "dellasm_force10_m-series.raw"))
                .isEqualTo(new VersionInfo("MXL-10/40GbE", "9.2(0.2)", null, null, Platform.OS9));
        assertThat(parse(Platform.OS9, OS9 + "dellasm_force10_s-series.raw"))
                .isEqualTo(new VersionInfo("S4810", "9.2(0.2)", null, null, Platform.OS9));
    }

    @Test
    void powerConnect55xxUnitTable() {
        // Layout of Dell KB 000134871 ("show version" on a PowerConnect 5500); no model is printed.
        String out = "Unit      SW version         Boot version         HW version\n"
                + "------------------- ------------------- ------------------- ----------------\n"
                + " 1          4.1.0.1            1.0.0.14             00.00.02\n";
        assertThat(Parsers.version(out))
                .isEqualTo(new VersionInfo(null, "4.1.0.1", null, null, Platform.POWERCONNECT));
    }

    @Test
    void detectsEveryCaptureFamilyAndConfirmsInventory() {
        for (String f : Fixtures.raws(OS9.substring(0, OS9.length() - 1))) {
            assertThat(Parsers.detectPlatform(Fixtures.raw(f))).as(f).contains(Platform.OS9);
        }
        for (String f : Fixtures.raws(OS10.substring(0, OS10.length() - 1))) {
            assertThat(Parsers.detectPlatform(Fixtures.raw(f))).as(f).contains(Platform.OS10);
        }
        for (String f : Fixtures.raws(OS6.substring(0, OS6.length() - 1))) {
            assertThat(Parsers.detectPlatform(Fixtures.raw(f))).as(f).contains(Platform.OS6);
        }
        assertThat(Parsers.detectPlatform("garbage\n")).isEmpty();
        VersionInfo fastpath = new VersionInfo("PCT6224", null, null, null, Platform.OS6);
        assertThat(fastpath.confirms(Platform.POWERCONNECT)).isTrue();
        assertThat(fastpath.confirms(Platform.OS6)).isTrue();
        assertThat(fastpath.confirms(Platform.OS10)).isFalse();
    }
}
