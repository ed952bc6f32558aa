package porttracer.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import porttracer.domain.PortInfo;
import porttracer.domain.PortName;
import porttracer.domain.VlanInfo;

/**
 * What {@code show vlan} reports on a switch: VLAN 1 (untagged on switch-facing ports) and the host VLANs
 * 10, 20, 30 (untagged on their access ports, tagged on switch-facing ports), with each platform's own
 * columns: OS9 status and Q split, OS6 type, PowerConnect 55xx type and tagged/untagged columns.
 */
final class VlanPlan {
    static final Map<Integer, String> NAMES = Map.of(10, "data", 20, "voice", 30, "print");

    private VlanPlan() {
    }

    static List<VlanInfo> of(SimSwitch sw, List<PortInfo> ports) {
        List<VlanInfo> vlans = new ArrayList<>();
        List<Integer> ids = new ArrayList<>(List.of(PortPlan.NATIVE_VLAN));
        ids.addAll(FleetGenerator.VLANS);
        for (int id : ids) {
            List<PortName> tagged = new ArrayList<>();
            List<PortName> untagged = new ArrayList<>();
            List<PortName> members = new ArrayList<>();
            boolean active = false;
            for (PortInfo p : ports) {
                boolean isUntagged = p.pvid() == id;
                boolean isTagged = p.vlans().contains(id);
                if (isUntagged || isTagged) {
                    (isTagged ? tagged : untagged).add(p.port());
                    members.add(p.port());
                    active |= "up".equals(p.linkState());
                }
            }
            List<PortName> taggedFirst = new ArrayList<>(tagged);
            taggedFirst.addAll(untagged);
            boolean dflt = id == PortPlan.NATIVE_VLAN;
            vlans.add(switch (sw.platform()) {
                case OS6 -> new VlanInfo(id, dflt ? "default" : NAMES.get(id), null, dflt ? "default" : "static",
                        members, null, null);
                case POWERCONNECT -> new VlanInfo(id, dflt ? "1" : NAMES.get(id), null,
                        dflt ? "default" : "permanent", taggedFirst, tagged, untagged);
                case OS9, OS10 -> new VlanInfo(id, dflt ? null : NAMES.get(id), active ? "active" : "inactive", null,
                        taggedFirst, tagged, untagged);
            });
        }
        return vlans;
    }
}
