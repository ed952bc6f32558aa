package porttracer.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import porttracer.store.PollRecord;
import porttracer.store.SwitchRecord;

/** One {@code porttracer-polls} document per poll: the collector's history for dashboards. */
public final class PollLog {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record PollDoc(@JsonProperty("@timestamp") String timestamp, int switchId, @JsonProperty("switch") String switchName,
                   String site, String floor, String platform, long durationMs, int entries, int changes,
                   String outcome, String error, int unparsedLines, String node) {
    }

    private final ElasticsearchClient es;
    private final String alias;

    public PollLog(Elastic elastic) {
        this.es = elastic.client();
        this.alias = elastic.polls();
    }

    public void write(SwitchRecord sw, PollRecord r, int changes) throws IOException {
        PollDoc doc = new PollDoc(Elastic.time(r.startedAt()), sw.id(), sw.name(), sw.site(), sw.floor(),
                sw.platformId(), r.durationMs(), r.entries(), changes, r.outcome().id(), r.error(),
                r.unparsedLines(), r.node());
        // The poll's own id: a record that reached Elasticsearch while its answer was lost (then spooled and
        // replayed) is written again in place, never twice.
        String id = sw.id() + "-" + r.startedAt().getEpochSecond() + String.format("%09d", r.startedAt().getNano())
                + "-" + String.valueOf(r.node());
        es.index(i -> i.index(Elastic.monthly(alias, r.startedAt())).id(id).document(doc));
    }
}
