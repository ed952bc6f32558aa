package porttracer.search;

import static io.javalin.http.HandlerType.GET;
import static io.javalin.http.HandlerType.POST;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import porttracer.domain.MacAddress;
import porttracer.domain.PortName;

/**
 * Where a MAC is and was, and what is on a switch's ports: trace (one, or a batch as JSON or CSV), search,
 * a MAC's history, the switch list, a switch's ports, a port's history and free ports. For every role;
 * what each role sees is decided by the answering classes. Answers may be cached briefly per user.
 */
record LookupRoutes(Traces traces, Search search, SwitchDirectory switches, SwitchSummaries summaries,
                    PortViews portViews, PortHistory portHistory, AuditTrail audit, Histogram traceDuration) {

    private static final int MAX_BATCH = 1_000;
    private static final int MAX_QUERY = 200;

    LookupRoutes(Traces traces, Search search, SwitchDirectory switches, SwitchSummaries summaries, PortViews portViews,
                 PortHistory portHistory, AuditTrail audit, PrometheusRegistry registry) {
        this(traces, search, switches, summaries, portViews, portHistory, audit,
                Histogram.builder().name("porttracer_trace_duration_seconds")
                        .help("Time to answer one trace, by whether switches were asked live").labelNames("live")
                        .register(registry));
    }

    void register(Routes routes) {
        routes.add(GET, "/api/v1/trace", this::trace)
                .add(POST, "/api/v1/trace/batch", this::batch)
                .add(GET, "/api/v1/search", this::search)
                .add(GET, "/api/v1/macs/{mac}/history", this::history)
                .add(GET, "/api/v1/switches", this::listSwitches)
                .add(GET, "/api/v1/switches/{id}/ports", this::switchPorts)
                .add(GET, "/api/v1/switches/{id}/ports/history", ctx -> portHistory(ctx, ctx.queryParam("port")))
                // Port names hold slashes: the path carries them encoded (Gi1%2F0%2F5), see ApiServer's URI compliance.
                .add(GET, "/api/v1/switches/{id}/ports/{port}/history", ctx -> portHistory(ctx, ctx.pathParam("port")))
                .add(GET, "/api/v1/ports/free", this::freePorts);
    }

    /** Lookups may be cached by the browser briefly; the ETag lets it revalidate for free. */
    private static Context cacheable(Context ctx) {
        // Answers differ by user and role: a browser must not serve one user's cached answer to the next.
        return ctx.header("Cache-Control", "private, max-age=5").header("Vary", "Authorization");
    }

    private void trace(Context ctx) throws IOException {
        MacAddress mac = Requests.mac(ctx.queryParam("mac"), "query parameter mac");
        boolean forceLive = Requests.bool(ctx, "live");
        long t0 = System.nanoTime();
        TraceAnswer answer = traces.trace(mac, Caller.of(ctx), forceLive);
        boolean asked = answer != null && answer.liveCheck() != null;
        traceDuration.labelValues(Boolean.toString(asked)).observe((System.nanoTime() - t0) / 1e9);
        audit.record(ctx, forceLive ? "trace-live" : "trace", mac.toString(), answer == null ? "not found" : "ok");
        if (answer == null) {
            throw new ApiError(404, "MAC " + mac + " has not been seen on any polled switch; "
                    + "POST /api/v1/live-traces asks a site's switches live", Map.of("mac", mac.toString()));
        }
        (forceLive ? ctx.header("Cache-Control", "no-store") : cacheable(ctx)).json(answer);
    }

    private void batch(Context ctx) throws IOException {
        JsonNode macs = Requests.body(ctx).path("macs");
        if (!macs.isArray() || macs.isEmpty()) {
            throw new ApiError(400, "body must be {\"macs\": [\"aa:bb:cc:dd:ee:ff\", ...]}");
        }
        if (macs.size() > MAX_BATCH) {
            throw new ApiError(400, "at most " + MAX_BATCH + " MACs per batch; got " + macs.size());
        }
        List<MacAddress> parsed = new ArrayList<>();
        List<String> bad = new ArrayList<>();
        for (JsonNode m : macs) {
            MacAddress mac = MacAddress.tryParse(m.asText());
            if (mac == null) {
                bad.add(m.asText());
            } else {
                parsed.add(mac);
            }
        }
        if (!bad.isEmpty()) {
            throw new ApiError(400, bad.size() + " malformed MAC addresses", Map.of("malformed", bad.subList(0,
                    Math.min(bad.size(), 20)), "accepted", MacAddress.ACCEPTED_NOTATIONS));
        }
        List<BatchItem> answers = traces.batch(parsed, Caller.of(ctx).role());
        boolean csv = String.valueOf(ctx.header("Accept")).contains("text/csv");
        audit.record(ctx, "export", "batch trace of " + parsed.size() + " MACs as " + (csv ? "csv" : "json"), "ok");
        if (csv) {
            ctx.contentType("text/csv; charset=utf-8").header("Content-Disposition", "attachment; filename=\"trace.csv\"")
                    .result(batchCsv(answers));
        } else {
            ctx.json(Map.of("results", answers));
        }
    }

    private static String batchCsv(List<BatchItem> answers) {
        List<List<Object>> rows = new ArrayList<>();
        for (BatchItem a : answers) {
            boolean found = a instanceof TraceAnswer;
            if (a.locations().isEmpty()) {
                rows.add(Arrays.asList(a.mac(), found, null, null, null, null, null, null, null, null));
            }
            for (LocationView l : a.locations()) {
                rows.add(List.of(a.mac(), found, l.sw().site(), String.valueOf(l.sw().floor()), l.sw().name(), l.port(),
                        l.vlan(), l.edge(), l.stale(), String.valueOf(l.lastSeen())));
            }
        }
        return Csv.write(List.of("mac", "found", "site", "floor", "switch", "port", "vlan", "edge", "stale", "lastSeen"),
                rows);
    }

    private void search(Context ctx) throws IOException {
        String q = ctx.queryParam("q");
        if (q == null || q.isBlank()) {
            throw new ApiError(400, "missing query parameter q: a MAC (full or partial), OUI, vendor, IP or IP prefix, "
                    + "switch or port name, or port description text");
        }
        if (q.length() > MAX_QUERY) {
            throw new ApiError(400, "q is longer than " + MAX_QUERY + " characters");
        }
        int page = Requests.intParam(ctx, "page", 1, 1, Search.CAP);
        int size = Requests.intParam(ctx, "size", 50, 1, 200);
        SearchAnswer answer = search.search(q, page, size, Caller.of(ctx).role());
        audit.record(ctx, "search", q, answer.total() + " matches");
        cacheable(ctx).json(answer);
    }

    private void history(Context ctx) throws IOException {
        MacAddress mac = Requests.mac(ctx.pathParam("mac"), "the MAC in the path");
        HistoryAnswer answer = search.history(mac, Requests.intParam(ctx, "page", 1, 1, 10_000),
                Requests.intParam(ctx, "size", 50, 1, 500), Caller.of(ctx).role());
        audit.record(ctx, "history", mac.toString(), "ok");
        cacheable(ctx).json(answer);
    }

    private void listSwitches(Context ctx) {
        cacheable(ctx).json(summaries.all(Instant.now(), Caller.of(ctx).role()));
    }

    private void switchPorts(Context ctx) throws IOException {
        SwitchDirectory.Entry e = switchOf(ctx);
        Role role = Caller.of(ctx).role();
        Map<String, Object> out = summaries.one(e, Instant.now(), role);
        out.put("ports", portViews.ports(e.sw().id(), role, e.status() == null ? null : e.status().lastOkAt()));
        audit.record(ctx, "switch-ports", e.sw().name(), "ok");
        cacheable(ctx).json(out);
    }

    /** Stays of MACs on one port, or on every port of the switch when no port is given. */
    private void portHistory(Context ctx, String rawPort) throws IOException {
        SwitchDirectory.Entry e = switchOf(ctx);
        String port = rawPort == null ? null : PortPaths.port(rawPort);
        int id = e.sw().id();
        PortHistory.Answer out = portHistory.history(id, e.sw().name(), port == null ? null : PortName.keyOf(port), port,
                Requests.intParam(ctx, "page", 1, 1, 10_000), Requests.intParam(ctx, "size", 50, 1, 500));
        audit.record(ctx, "port-history", e.sw().name() + " " + (port == null ? "every port" : port), "ok");
        cacheable(ctx).json(out);
    }

    private SwitchDirectory.Entry switchOf(Context ctx) {
        int id = Requests.intPath(ctx, "id");
        SwitchDirectory.Entry e = switches.get(id);
        if (e == null) {
            throw new ApiError(404, "no switch with id " + id);
        }
        return e;
    }

    private void freePorts(Context ctx) throws IOException {
        String site = PortPaths.optional(ctx.queryParam("site"), "site");
        String floor = PortPaths.optional(ctx.queryParam("floor"), "floor");
        FreeReport report = portViews.free(site, floor, Requests.intParam(ctx, "days", PortViews.FREE_DAYS, 0, 3650));
        audit.record(ctx, "free-ports", (site == null ? "*" : site) + "/" + (floor == null ? "*" : floor),
                report.total() + " free");
        if (PortPaths.wantsCsv(ctx.header("Accept"), ctx.queryParam("format"))) {
            cacheable(ctx).contentType("text/csv; charset=utf-8").result(report.csv());
        } else {
            cacheable(ctx).json(report);
        }
    }
}
