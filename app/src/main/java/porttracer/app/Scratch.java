package porttracer.app;

import java.util.ArrayList;
import java.util.List;
import porttracer.config.Settings;
import porttracer.index.Elastic;
import porttracer.store.StoreReset;

/**
 * Wiping a scratch database and index prefix, as the test suite and the benchmarks do before each
 * run. Never pointed at a production database: callers pass their own scratch settings.
 */
public final class Scratch {

    private Scratch() {
    }

    /** Empties the project's tables (schema kept) and Quartz's; a no-op before the first migration. */
    public static void resetDatabase(Settings s) throws Exception {
        porttracer.config.DbConfig db = porttracer.config.DbConfig.from(s);
        StoreReset.emptyAll(db.url(), db.user(), db.password());
    }

    /** Deletes every index and template of the prefix. */
    public static void deleteIndices(Elastic elastic) throws Exception {
        // Wildcard deletes are refused by default (action.destructive_requires_name): name each index.
        List<String> names = new ArrayList<>(elastic.client().indices()
                .get(g -> g.index(elastic.prefix() + "-*").allowNoIndices(true)).result().keySet());
        if (!names.isEmpty()) {
            elastic.client().indices().delete(d -> d.index(names).ignoreUnavailable(true));
        }
        for (String t : new String[] {elastic.current(), elastic.events(), elastic.polls(), elastic.ports()}) {
            try {
                elastic.client().indices().deleteIndexTemplate(d -> d.name(t));
            } catch (co.elastic.clients.elasticsearch._types.ElasticsearchException e) {
                // Never made (a first demo start): nothing to delete.
                if (!"index_template_missing_exception".equals(e.error().type())) {
                    throw e;
                }
            }
        }
    }
}
