package porttracer.sim;

/** A cable between two switch ports; the wiring LLDP reports. */
public record Link(String switchA, String portA, String switchB, String portB) {

    public boolean touches(String switchName) {
        return switchA.equals(switchName) || switchB.equals(switchName);
    }

    /** This link seen from {@code switchName}'s side. */
    public End from(String switchName) {
        return switchA.equals(switchName) ? new End(portA, switchB, portB) : new End(portB, switchA, portA);
    }

    public record End(String localPort, String peerSwitch, String peerPort) {
    }
}
