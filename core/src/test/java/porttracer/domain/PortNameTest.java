package porttracer.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PortNameTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "Gi1/0/1                    | gi1/0/1",
        "Gi 1/0/1                   | gi1/0/1",
        "GigabitEthernet 1/0/1      | gi1/0/1",
        "gi1/0/1                    | gi1/0/1",
        "g48                        | gi48",
        "Tengigabitethernet1/0/1    | te1/0/1",
        "TenGigabitEthernet 0/1     | te0/1",
        "Te1/0/1                    | te1/0/1",
        "Te 0/32                    | te0/32",
        "ethernet1/1/3:1            | eth1/1/3:1",
        "Eth 1/1/3:1                | eth1/1/3:1",
        "port-channel1              | po1",
        "Port-channel 1             | po1",
        "Po 1                       | po1",
        "Po1                        | po1",
        "ch1                        | po1",
        "1/g1                       | 1/g1",
        "1/xg2                      | 1/xg2",
        "Fo 0/48                    | fo0/48",
        "fortyGigE 0/48             | fo0/48",
        "Tw1/0/3                    | tw1/0/3",
        "TwentyFiveGigE1/0/3        | tw1/0/3",
        "Hu 1/0/1                   | hu1/0/1",
        "hundredGigE 1/1            | hu1/1",
        "Fa1/0/1                    | fa1/0/1",
        "FastEthernet 1/0/1         | fa1/0/1",
        "Vl10                       | vlan10",
        "vlan 10                    | vlan10",
        "Vlan10                     | vlan10",
        "ManagementEthernet 0/0     | mgmt0/0",
        "mgmt1/1/1                  | mgmt1/1/1",
        "CPU                        | cpu",
        "Management                 | oob",
        "out-of-band                | oob",
        "0                          | 0",
        "'  Te1/0/4  '              | te1/0/4",
    })
    void canonicalKey(String printed, String key) {
        PortName p = PortName.of(printed);
        assertThat(p.key()).isEqualTo(key);
        assertThat(p.raw()).isEqualTo(printed.strip());
    }

    @Test
    void onePortHasOneIdentityAcrossSpellings() {
        assertThat(PortName.of("Tengigabitethernet2/0/3")).isEqualTo(PortName.of("Te2/0/3"))
                .hasSameHashCodeAs(PortName.of("Te 2/0/3"));
        assertThat(PortName.of("Te2/0/3")).isNotEqualTo(PortName.of("Te2/0/30"));
        assertThat(PortName.of("Gi1/0/1")).isNotEqualTo(PortName.of("Te1/0/1"));
        assertThat(PortName.of("Po1").samePort("port-channel 1")).isTrue();
        assertThat(PortName.of("Po1").raw()).isEqualTo("Po1");
    }

    @Test
    void rejectsBlank() {
        assertThatThrownBy(() -> PortName.of(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PortName.of(null)).isInstanceOf(IllegalArgumentException.class);
        assertThat(PortName.ofNullable("")).isNull();
    }
}
