package porttracer.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class MacAddressTest {
    private static final long VALUE = 0x001eb0a4cf21L;

    @ParameterizedTest
    @ValueSource(strings = {
        "00:1e:b0:a4:cf:21", "00:1E:B0:A4:CF:21", "00-1e-b0-a4-cf-21", "00-1E-B0-A4-CF-21",
        "001e.b0a4.cf21", "001E.B0A4.CF21", "001eb0a4cf21", "001EB0A4CF21", "  00:1e:b0:a4:cf:21\t", "\r\n001E.b0a4.CF21 ",
    })
    void acceptsAllFourNotationsInAnyCase(String text) {
        MacAddress mac = MacAddress.parse(text);
        assertThat(mac.value()).isEqualTo(VALUE);
        assertThat(mac).hasToString("00:1e:b0:a4:cf:21");
        assertThat(MacAddress.tryParse(text)).isEqualTo(mac);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "00:1e:b0:a4:cf", "00:1e:b0:a4:cf:21:22", "001e.b0a4.cf2", "001eb0a4cf2", "001eb0a4cf211",
        "00:1e:b0:a4:cf:2g", "001e.b0a4.cfzz", "00-1e-b0-a4-cf-2x", "ghijklmnopqr",
        "00:1e-b0:a4:cf:21", "00-1e:b0-a4:cf-21", "001e:b0a4:cf21", "001e.b0a4:cf21", "00:1eb0:a4:cf:21",
        "0:1e:b0:a4:cf:21:", "00 1e b0 a4 cf 21", "00:1e:b0:a4:cf:21x", "+01eb0a4cf21", "00:1e:b0:a4:cf:٢١",
        "   ",
    })
    void rejectsMalformed(String text) {
        assertThat(MacAddress.tryParse(text)).isNull();
        assertThatThrownBy(() -> MacAddress.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("aa:bb:cc:dd:ee:ff");
    }

    @ParameterizedTest
    @NullAndEmptySource
    void rejectsNullAndEmpty(String text) {
        assertThat(MacAddress.tryParse(text)).isNull();
        assertThatThrownBy(() -> MacAddress.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void parsesARegionWithoutTrimming() {
        String line = "1        000E.1EB0.4F03        Dynamic";
        assertThat(MacAddress.tryParse(line, 9, 23)).isEqualTo(MacAddress.parse("00:0e:1e:b0:4f:03"));
        assertThat(MacAddress.tryParse(line, 8, 23)).isNull();
    }

    @Test
    void printsDottedAndBareForms() {
        MacAddress mac = MacAddress.of(VALUE);
        assertThat(mac.dotted()).isEqualTo("001E.B0A4.CF21");
        assertThat(mac.bare()).isEqualTo("001eb0a4cf21");
        assertThat(mac.oui()).isEqualTo("001eb0");
        assertThat(MacAddress.parse("01:00:5e:00:00:01").isMulticast()).isTrue();
        assertThat(mac.isMulticast()).isFalse();
    }

    @Test
    void ordersAndComparesByValue() {
        assertThat(MacAddress.parse("00:00:00:00:00:01")).isLessThan(MacAddress.parse("00:00:00:00:00:02"));
        assertThat(MacAddress.parse("aabb.ccdd.eeff")).isEqualTo(MacAddress.parse("AA-BB-CC-DD-EE-FF"))
                .hasSameHashCodeAs(MacAddress.parse("aabbccddeeff"));
        assertThatThrownBy(() -> MacAddress.of(1L << 48)).isInstanceOf(IllegalArgumentException.class);
    }
}
