package porttracer.store;

import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;

/** Claims of event-driven polls in PostgreSQL: at most one pending per switch, at most one per debounce window. */
public final class EventPollStore {

    // No row: fire after the delay. A pending poll (fire_at ahead): the event is folded into it.
    // Otherwise: the later of now + delay and the last poll + debounce.
    private static final String CLAIM = """
            insert into event_poll(switch_id, fire_at) values (?, now() + make_interval(secs => ?))
            on conflict (switch_id) do update
                set fire_at = greatest(now() + make_interval(secs => ?), event_poll.fire_at + make_interval(secs => ?))
                where event_poll.fire_at <= now()
            returning fire_at""";

    private final DataSource db;

    public EventPollStore(DataSource db) {
        this.db = db;
    }

    /** When the switch's claimed poll fires; empty when the event folds into a pending one. */
    public Optional<Instant> claim(int switchId, double delaySeconds, double debounceSeconds) {
        return Sql.first(db, "claiming an event poll of switch " + switchId, CLAIM,
                rs -> rs.getTimestamp(1).toInstant(), switchId, delaySeconds, delaySeconds, debounceSeconds);
    }
}
