package porttracer.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Counts, from the poll records every node writes to Elasticsearch (one per poll), how many switches were
 * polled in a window of time, how many more than once (duplicates) and by which node: the same figures
 * whichever node or process ran the polls.
 */
final class PollWindows {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private PollWindows() {
    }

    static Map<String, Object> count(String esUrl, String prefix, Instant from, Instant to, int switches) throws Exception {
        String body = """
                {"size":0,"query":{"range":{"@timestamp":{"gte":"%s","lt":"%s"}}},
                 "aggs":{"sw":{"terms":{"field":"switchId","size":%d}},
                         "nodes":{"terms":{"field":"node","size":20}},
                         "outcomes":{"terms":{"field":"outcome","size":20}}}}""".formatted(from, to, Math.max(10, switches * 2));
        String url = esUrl.split(",")[0].strip() + "/" + prefix + "-polls*/_search?request_cache=false";
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode aggs = JSON.readTree(r.body()).path("aggregations");
        long polled = 0;
        long dup = 0;
        long extra = 0;
        for (JsonNode b : aggs.path("sw").path("buckets")) {
            polled++;
            long n = b.path("doc_count").asLong();
            if (n > 1) {
                dup++;
                extra += n - 1;
            }
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("switches_polled", polled);
        m.put("switches_missed", switches - polled);
        m.put("switches_polled_twice_or_more", dup);
        m.put("duplicate_polls", extra);
        m.put("by_node", buckets(aggs.path("nodes")));
        m.put("by_outcome", buckets(aggs.path("outcomes")));
        return m;
    }

    private static Map<String, Long> buckets(JsonNode agg) {
        Map<String, Long> m = new LinkedHashMap<>();
        for (JsonNode b : agg.path("buckets")) {
            m.put(b.path("key").asText(), b.path("doc_count").asLong());
        }
        return m;
    }
}
