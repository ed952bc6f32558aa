package porttracer.domain;

import java.util.List;

/**
 * One VLAN of {@code show vlan}. {@code name} is null when none is printed; {@code status} (OS9
 * "active"/"inactive") and {@code type} (OS6/PowerConnect "default", "static", "permanent"...) are
 * lower case, null when the platform does not print them. {@code ports} are the member ports in
 * printed order with ranges expanded; {@code taggedPorts}/{@code untaggedPorts} split them where the
 * table says which is which (OS9 Q column, PowerConnect 55xx columns) and are null where it does not.
 */
public record VlanInfo(int id, String name, String status, String type, List<PortName> ports,
                       List<PortName> taggedPorts, List<PortName> untaggedPorts) {
    public VlanInfo {
        ports = List.copyOf(ports);
        taggedPorts = taggedPorts == null ? null : List.copyOf(taggedPorts);
        untaggedPorts = untaggedPorts == null ? null : List.copyOf(untaggedPorts);
    }
}
