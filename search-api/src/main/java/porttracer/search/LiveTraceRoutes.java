package porttracer.search;

import static io.javalin.http.HandlerType.GET;
import static io.javalin.http.HandlerType.POST;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.javalin.http.sse.SseHandler;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import porttracer.domain.MacAddress;
import porttracer.store.SwitchRecord;

/** Live traces: a MAC asked of every switch of a site (or floor) now, followed as Server-Sent Events. */
final class LiveTraceRoutes {

    private final LiveTraces live;
    private final LiveQuota quota;
    private final SwitchDirectory switches;
    private final AuditTrail audit;
    /** Gives back a request's admission slot (a stream must not hold one for its whole length). */
    private final Consumer<Context> releaseSlot;

    LiveTraceRoutes(LiveTraces live, LiveQuota quota, SwitchDirectory switches, AuditTrail audit,
                    Consumer<Context> releaseSlot) {
        this.live = live;
        this.quota = quota;
        this.switches = switches;
        this.audit = audit;
        this.releaseSlot = releaseSlot;
    }

    void register(Routes routes) {
        routes.add(POST, "/api/v1/live-traces", this::start)
                .add(GET, "/api/v1/live-traces/{id}/events", this::events);
    }

    private void start(Context ctx) {
        JsonNode body = Requests.body(ctx);
        MacAddress mac = Requests.mac(body.path("mac").asText(null), "field mac");
        String site = body.path("site").asText(null);
        String floor = body.path("floor").asText(null);
        if (site == null) {
            throw new ApiError(400, "give the site (and optionally the floor) whose switches to ask");
        }
        List<SwitchRecord> targets = switches.all().values().stream().map(SwitchDirectory.Entry::sw)
                .filter(sw -> sw.enabled() && sw.site().equals(site) && (floor == null || floor.equals(sw.floor())))
                .sorted((a, b) -> a.name().compareTo(b.name())).toList();
        if (targets.isEmpty()) {
            throw new ApiError(404, "no enabled switch on site " + site + (floor == null ? "" : " floor " + floor));
        }
        quota.admitForced(Caller.of(ctx), targets);
        LiveTraces.Job job = live.start(mac, targets, Caller.of(ctx));
        audit.record(ctx, "live-trace", mac + " on " + site + (floor == null ? "" : "/" + floor) + " (" + targets.size()
                + " switches)", "started");
        ctx.status(202).json(Map.of("id", job.id, "switches", targets.size(),
                "events", "/api/v1/live-traces/" + job.id + "/events"));
    }

    private void events(Context ctx) throws Exception {
        LiveTraces.Job job = live.job(ctx.pathParam("id"), Caller.of(ctx))
                .orElseThrow(() -> new ApiError(404, "no live trace " + ctx.pathParam("id")));
        if (!"text/event-stream".equals(ctx.header("Accept"))) {
            throw new ApiError(406, "this is a Server-Sent Events stream: send Accept: text/event-stream");
        }
        // A stream lasts as long as its trace; it does not hold a request slot meanwhile.
        releaseSlot.accept(ctx);
        new SseHandler(job::subscribe).handle(ctx);
    }
}
