package porttracer.index;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes the monthly events and polls indices whose whole month is older than its retention:
 * {@code porttracer-events-2026.01} goes once 1 February 2026 is more than the events' retention
 * days ago. A retention of 0 keeps every month.
 */
public final class Retention {

    private static final Logger LOG = LoggerFactory.getLogger(Retention.class);
    private static final Pattern MONTH = Pattern.compile("-(\\d{4})\\.(\\d{2})$");

    private final Elastic elastic;
    private final int eventsDays;
    private final int pollsDays;
    private final BiConsumer<String, Integer> deleted;

    /** {@code deleted} hears the family ("events", "polls") and how many indices went (a metric). */
    public Retention(Elastic elastic, int eventsDays, int pollsDays, BiConsumer<String, Integer> deleted) {
        if (eventsDays < 0 || pollsDays < 0) {
            throw new IllegalArgumentException("retention days must be 0 (keep) or more, not " + eventsDays + "/" + pollsDays);
        }
        this.elastic = elastic;
        this.eventsDays = eventsDays;
        this.pollsDays = pollsDays;
        this.deleted = deleted;
    }

    /** Deletes what is past retention at {@code now}; returns the names deleted. */
    public List<String> run(Instant now) throws IOException {
        List<String> gone = new ArrayList<>();
        gone.addAll(sweep("events", elastic.events(), eventsDays, now));
        gone.addAll(sweep("polls", elastic.polls(), pollsDays, now));
        return gone;
    }

    private List<String> sweep(String family, String alias, int days, Instant now) throws IOException {
        if (days == 0) {
            return List.of();
        }
        List<String> old = new ArrayList<>();
        for (String name : elastic.client().indices().get(g -> g.index(alias + "-*").allowNoIndices(true)
                .ignoreUnavailable(true)).result().keySet()) {
            Matcher m = MONTH.matcher(name);
            if (!m.find() || !name.equals(alias + m.group())) {
                continue;
            }
            Instant monthEnd = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), 1).plusMonths(1)
                    .atStartOfDay(ZoneOffset.UTC).toInstant();
            if (monthEnd.plus(Duration.ofDays(days)).isBefore(now)) {
                old.add(name);
            }
        }
        if (!old.isEmpty()) {
            // Named one by one: wildcard deletes are refused by default (action.destructive_requires_name).
            elastic.client().indices().delete(d -> d.index(old).ignoreUnavailable(true));
            LOG.atInfo().addKeyValue("family", family).addKeyValue("indices", old).addKeyValue("retentionDays", days)
                    .log("indices past retention deleted");
        }
        deleted.accept(family, old.size());
        return old;
    }
}
