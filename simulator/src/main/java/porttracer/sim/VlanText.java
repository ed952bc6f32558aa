package porttracer.sim;

import java.util.List;

/** VLAN lists as the interface tables print them: "10,20,30", runs as ranges ("501-516"). */
final class VlanText {

    private VlanText() {
    }

    static String list(List<Integer> vlans) {
        return String.join(",", PortRanges.runs(vlans));
    }
}
