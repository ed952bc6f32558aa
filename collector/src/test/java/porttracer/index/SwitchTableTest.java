package porttracer.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import porttracer.domain.MacAddress;
import porttracer.domain.PortInfo;
import porttracer.domain.PortName;
import porttracer.domain.Sighting;

class SwitchTableTest {

    private static final MacAddress A = MacAddress.parse("00:11:22:33:44:01");
    private static final MacAddress B = MacAddress.parse("00:11:22:33:44:02");
    private static final MacAddress C = MacAddress.parse("00:11:22:33:44:03");

    private static Sighting on(MacAddress mac, String port, String description, boolean edge) {
        PortInfo info = new PortInfo(PortName.of(port), description, "up", "1000", "full", "access", 10, List.of());
        return new Sighting(mac, 10, port, PortName.keyOf(port), edge, "test", info);
    }

    private static List<MacAddress> diff(List<Sighting> before, List<Sighting> after) {
        List<MacAddress> changed = new ArrayList<>();
        SwitchTable.diff(SwitchTable.of(before), SwitchTable.of(after), changed::add);
        return changed;
    }

    @Test
    void anUnchangedTableHasNoChanges() {
        List<Sighting> t = List.of(on(A, "Gi1/0/1", "pc", true), on(B, "Gi1/0/2", "printer", true));
        assertThat(diff(t, List.copyOf(t))).isEmpty();
    }

    @Test
    void aChangedDescriptionRoleOrPortChangesOnlyThatPortsMacs() {
        List<Sighting> before = List.of(on(A, "Gi1/0/1", "pc", true), on(B, "Gi1/0/2", "printer", true),
                on(C, "Gi1/0/3", "ap", true));
        List<Sighting> after = List.of(on(A, "Gi1/0/1", "pc moved desk", true), on(B, "Gi1/0/2", "printer", false),
                on(C, "Gi1/0/4", "ap", true));
        assertThat(diff(before, after)).containsExactly(A, B, C);
        assertThat(diff(before, List.of(on(A, "Gi1/0/1", "pc", true), on(B, "Gi1/0/2", "printer", true),
                on(C, "Gi1/0/3", "ap", true)))).isEmpty();
    }

    @Test
    void appearedAndGoneMacsAreChanges() {
        assertThat(diff(List.of(on(A, "Gi1/0/1", "pc", true)), List.of(on(B, "Gi1/0/1", "pc", true))))
                .containsExactlyInAnyOrder(A, B);
    }

    @Test
    void portChannelMembershipIsPartOfThePort() {
        Sighting before = new Sighting(A, 10, "Po1", "po1", false, "port-channel", null, List.of("Te0/0"));
        Sighting after = new Sighting(A, 10, "Po1", "po1", false, "port-channel", null, List.of("Te0/0", "Te0/1"));
        assertThat(diff(List.of(before), List.of(after))).containsExactly(A);
    }

    private static Sighting counted(MacAddress mac, String port, boolean edge, int macsOnPort) {
        return new Sighting(mac, 10, port, PortName.keyOf(port), edge, "test", null, null, macsOnPort);
    }

    @Test
    void anEdgePortsMacCountIsPartOfThePortAnUplinksIsNot() {
        // A third MAC on an edge port changes the badges of the two already there: their documents are rewritten.
        assertThat(diff(List.of(counted(A, "Gi1/0/1", true, 2), counted(B, "Gi1/0/1", true, 2)),
                List.of(counted(A, "Gi1/0/1", true, 3), counted(B, "Gi1/0/1", true, 3), counted(C, "Gi1/0/1", true, 3))))
                .containsExactly(A, B, C);
        // Behind an uplink the count moves every poll: only the MAC that came is rewritten.
        assertThat(diff(List.of(counted(A, "Te1/0/1", false, 2), counted(B, "Te1/0/1", false, 2)),
                List.of(counted(A, "Te1/0/1", false, 3), counted(B, "Te1/0/1", false, 3), counted(C, "Te1/0/1", false, 3))))
                .containsExactly(C);
    }

    @Test
    void fingerprintsTellSignaturesApart() {
        assertThat(SwitchTable.fingerprint("gi1/0/1\u0000pc")).isEqualTo(SwitchTable.fingerprint("gi1/0/1\u0000pc"))
                .isNotEqualTo(SwitchTable.fingerprint("gi1/0/1\u0000pc "));
    }
}
