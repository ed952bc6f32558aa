package porttracer.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

/** Elasticsearch figures read over its REST API: version, heap, the bench indices' sizes and write counts. */
final class EsStats {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private EsStats() {
    }

    static JsonNode get(String esUrl, String path) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(esUrl + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(r.body());
    }

    static String version(String esUrl) {
        try {
            return get(esUrl, "/_nodes/_local/jvm").path("nodes").elements().next().path("version").asText();
        } catch (Exception e) {
            return "?";
        }
    }

    /** Documents indexed (index_total) into the prefix's indices so far: every write ES accepted. */
    static long indexTotal(String esUrl, String prefix) throws Exception {
        JsonNode n = get(esUrl, "/" + prefix + "-*/_stats/indexing?allow_no_indices=true");
        return n.path("_all").path("primaries").path("indexing").path("index_total").asLong();
    }

    /** Per index family (current, events, polls): documents indexed so far. */
    static Map<String, Long> indexTotals(String esUrl, String prefix) throws Exception {
        JsonNode n = get(esUrl, "/" + prefix + "-*/_stats/indexing?allow_no_indices=true");
        Map<String, Long> out = new LinkedHashMap<>();
        out.put("current", 0L);
        out.put("events", 0L);
        out.put("polls", 0L);
        n.path("indices").fields().forEachRemaining(e -> {
            String family = e.getKey().substring(prefix.length() + 1).replaceAll("-.*", "");
            out.merge(family, e.getValue().path("primaries").path("indexing").path("index_total").asLong(), Long::sum);
        });
        return out;
    }

    static Map<String, Object> summary(String esUrl, String prefix) {
        Map<String, Object> m = new LinkedHashMap<>();
        try {
            JsonNode node = get(esUrl, "/_nodes/_local/stats/jvm").path("nodes").elements().next();
            m.put("version", version(esUrl));
            m.put("heap_used_mb", node.path("jvm").path("mem").path("heap_used_in_bytes").asLong() >> 20);
            m.put("heap_max_mb", node.path("jvm").path("mem").path("heap_max_in_bytes").asLong() >> 20);
            JsonNode st = get(esUrl, "/" + prefix + "-*/_stats/docs,store?allow_no_indices=true");
            m.put("docs", st.path("_all").path("primaries").path("docs").path("count").asLong());
            m.put("store_mb", st.path("_all").path("primaries").path("store").path("size_in_bytes").asLong() >> 20);
            JsonNode seg = get(esUrl, "/" + prefix + "-*/_stats/segments?allow_no_indices=true");
            m.put("segments_memory_kb", seg.path("_all").path("primaries").path("segments").path("memory_in_bytes").asLong() >> 10);
        } catch (Exception e) {
            m.put("error", e.toString());
        }
        return m;
    }
}
