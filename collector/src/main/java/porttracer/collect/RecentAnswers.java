package porttracer.collect;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import porttracer.domain.MacEntry;
import porttracer.domain.PortName;
import porttracer.parse.ParseResult;
import porttracer.store.SwitchRecord;

/**
 * The last whole answers of the switches that events poll, so that an event naming a port can read that
 * port's MAC table alone and merge it in: the other ports' sightings, LLDP and interface status stay as the
 * last whole poll read them. Bounded (least recently used out), since only event-polled switches need it.
 */
final class RecentAnswers {

    /** One switch's answers as a snapshot is built from them, and when the poll that read them started. */
    record Answers(SwitchRecord sw, SwitchReader.Outputs out, ParseResult<MacEntry> macs, Instant polledAt) {
    }

    private final Map<Integer, Answers> bySwitch;

    RecentAnswers(int capacity) {
        this.bySwitch = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Integer, Answers> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized Answers get(int switchId) {
        return bySwitch.get(switchId);
    }

    /** Keeps a switch's answers (an event poll's). */
    synchronized void keep(Answers a) {
        bySwitch.put(a.sw().id(), a);
    }

    /** Replaces a switch's answers if they are kept (a scheduled poll refreshes them; others it does not add). */
    synchronized void refresh(Answers a) {
        bySwitch.computeIfPresent(a.sw().id(), (id, old) -> a);
    }

    /**
     * {@code before}'s rows with those of port {@code portKey} replaced by {@code port}'s rows of that port;
     * the unparsed lines are the port answer's (the ones just read).
     */
    static ParseResult<MacEntry> merge(ParseResult<MacEntry> before, String portKey, ParseResult<MacEntry> port) {
        List<MacEntry> rows = new ArrayList<>(before.rows().size() + port.rows().size());
        for (MacEntry e : before.rows()) {
            if (!PortName.keyOf(e.port()).equals(portKey)) {
                rows.add(e);
            }
        }
        for (MacEntry e : port.rows()) {
            if (PortName.keyOf(e.port()).equals(portKey)) {
                rows.add(e);
            }
        }
        return new ParseResult<>(rows, port.unparsedLines());
    }
}
