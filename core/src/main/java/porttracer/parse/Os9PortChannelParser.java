package porttracer.parse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import porttracer.domain.PortChannel;
import porttracer.domain.PortName;

/**
 * Port-channel membership as OS9/FTOS {@code show interfaces switchport} prints it: a member's block
 * is named "Name: GigabitEthernet 0/24 (Port-channel 2)", the channel's own block "Name: Port-channel 2".
 * Only the "Name:" lines matter here; the rest of each block is {@link Os9SwitchportParser}'s. A "Name:"
 * line whose parenthesis does not name a port-channel is unparsed.
 */
final class Os9PortChannelParser {
    private static final String NAME = "Name:";

    private Os9PortChannelParser() {
    }

    static ParseResult<PortChannel> parse(String output) {
        Map<PortName, List<PortName>> channels = new LinkedHashMap<>();
        List<String> unparsed = new ArrayList<>();
        Lines l = new Lines(output);
        while (l.next()) {
            if (l.isBlank()) {
                continue;
            }
            String text = l.line();
            if (!text.startsWith(NAME)) {
                continue;
            }
            String name = text.substring(NAME.length()).strip();
            int open = name.indexOf('(');
            if (open < 0) {
                PortName port = PortName.ofNullable(name);
                if (port != null && port.key().startsWith("po")) {
                    channels.computeIfAbsent(port, k -> new ArrayList<>());
                }
                continue;
            }
            PortName member = PortName.ofNullable(name.substring(0, open));
            PortName channel = name.endsWith(")") ? PortName.ofNullable(name.substring(open + 1, name.length() - 1)) : null;
            if (member == null || channel == null || !channel.key().startsWith("po")) {
                unparsed.add(text);
                continue;
            }
            channels.computeIfAbsent(channel, k -> new ArrayList<>()).add(member);
        }
        List<PortChannel> rows = new ArrayList<>();
        channels.forEach((channel, members) -> rows.add(new PortChannel(channel, members)));
        return new ParseResult<>(rows, unparsed);
    }
}
