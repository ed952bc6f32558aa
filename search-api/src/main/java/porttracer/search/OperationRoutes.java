package porttracer.search;

import static io.javalin.http.HandlerType.GET;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import porttracer.index.Elastic;
import porttracer.store.Database;

/** Health (liveness and readiness), Prometheus metrics and the OpenAPI document: for anyone, without a login. */
record OperationRoutes(Elastic elastic, Database db, PrometheusRegistry registry) {

    void register(Routes routes) {
        routes.add(GET, "/health", this::ready)
                .add(GET, "/health/live", ctx -> ctx.json(Map.of("status", "ok")))
                .add(GET, "/health/ready", this::ready)
                .add(GET, "/metrics", this::metrics)
                .add(GET, "/openapi.json", this::openapi);
    }

    /** Readiness (also plain /health): 503 until both stores answer. Liveness is /health/live. */
    private void ready(Context ctx) {
        boolean es = elastic.isReachable();
        boolean pg = db.isReachable();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", es && pg ? "ok" : "degraded");
        body.put("elasticsearch", es ? "up" : "down");
        body.put("postgres", pg ? "up" : "down");
        ctx.status(es && pg ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).json(body);
    }

    private void metrics(Context ctx) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
        new PrometheusTextFormatWriter(false).write(out, registry.scrape());
        ctx.contentType(PrometheusTextFormatWriter.CONTENT_TYPE).result(out.toByteArray());
    }

    private void openapi(Context ctx) throws IOException {
        try (InputStream in = OperationRoutes.class.getResourceAsStream("/openapi.json")) {
            ctx.header("Cache-Control", "public, max-age=300").contentType("application/json").result(in.readAllBytes());
        }
    }
}
