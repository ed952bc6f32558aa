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

    /**
     * The time between consecutive polls of each switch over the whole run, from every node's poll records: a
     * switch polled twice for one firing (two nodes, or a retry) shows as two polls far less than an interval apart.
     */
    static Map<String, Object> spacing(String esUrl, String prefix, int interval) throws Exception {
        String url = esUrl.split(",")[0].strip() + "/" + prefix + "-polls*/_search";
        java.util.List<Double> gaps = new java.util.ArrayList<>();
        String after = null;
        int lastSwitch = -1;
        long lastAt = 0;
        long records = 0;
        while (true) {
            String body = "{\"size\":10000,\"_source\":false,\"docvalue_fields\":[\"switchId\"],"
                    + "\"sort\":[{\"switchId\":\"asc\"},{\"@timestamp\":\"asc\"}]" + (after == null ? "" : ",\"search_after\":" + after) + "}";
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            JsonNode hits = JSON.readTree(r.body()).path("hits").path("hits");
            if (hits.isEmpty()) {
                break;
            }
            for (JsonNode h : hits) {
                int sw = h.path("sort").path(0).asInt();
                long at = h.path("sort").path(1).asLong();
                if (sw == lastSwitch) {
                    gaps.add((at - lastAt) / 1000.0);
                }
                lastSwitch = sw;
                lastAt = at;
                records++;
            }
            after = hits.get(hits.size() - 1).path("sort").toString();
        }
        gaps.sort(null);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("poll_records", records);
        m.put("consecutive_pairs", gaps.size());
        m.put("gap_min_s", gaps.isEmpty() ? null : Report.round(gaps.get(0), 1));
        m.put("gap_p50_s", gaps.isEmpty() ? null : Report.round(gaps.get(gaps.size() / 2), 1));
        m.put("gap_p99_s", gaps.isEmpty() ? null : Report.round(gaps.get((int) Math.min(gaps.size() - 1, gaps.size() * 0.99)), 1));
        m.put("gap_max_s", gaps.isEmpty() ? null : Report.round(gaps.get(gaps.size() - 1), 1));
        // A switch that waited more than an interval plus the 30 s misfire threshold missed a turn, wherever the windows fall.
        m.put("pairs_longer_than_interval_plus_30s", gaps.stream().filter(g -> g > interval + 30.0).count());
        m.put("pairs_closer_than_half_interval", gaps.stream().filter(g -> g < interval / 2.0).count());
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
