package porttracer.domain;

import java.util.List;

/** A port-channel (LAG) and the physical ports bundled in it, in the order the switch lists them. */
public record PortChannel(PortName channel, List<PortName> members) {
    public PortChannel {
        if (channel == null) {
            throw new IllegalArgumentException("port-channel without a name");
        }
        members = List.copyOf(members);
    }

    /** "1" of "Port-channel 1" / "po1": the channel's number as the CLI prints it. */
    public String number() {
        return channel.key().startsWith("po") ? channel.key().substring(2) : channel.key();
    }
}
