package porttracer.search;

import static io.javalin.http.HandlerType.DELETE;
import static io.javalin.http.HandlerType.GET;
import static io.javalin.http.HandlerType.POST;
import static io.javalin.http.HandlerType.PUT;

import io.javalin.http.Context;
import java.util.Map;

/** Alert rules and their webhook deliveries: for netadmin and above. */
record AlertRoutes(AlertRules rules, AuditTrail audit) {

    void register(Routes routes) {
        routes.add(GET, "/api/v1/alert-rules", Role.NETADMIN, ctx -> ctx.json(rules.list()))
                .add(POST, "/api/v1/alert-rules", Role.NETADMIN, this::create)
                .add(PUT, "/api/v1/alert-rules/{id}", Role.NETADMIN, this::update)
                .add(DELETE, "/api/v1/alert-rules/{id}", Role.NETADMIN, this::delete)
                .add(GET, "/api/v1/alert-rules/{id}/deliveries", Role.NETADMIN, ctx -> ctx.json(rules.deliveries(
                        Requests.intPath(ctx, "id"), Requests.intParam(ctx, "size", 100, 1, 1_000))));
    }

    private void create(Context ctx) {
        int id = rules.create(Requests.body(ctx), Caller.of(ctx).username());
        audit.record(ctx, "alert-rule-create", Integer.toString(id), "ok");
        ctx.status(201).json(Map.of("id", id));
    }

    private void update(Context ctx) {
        int id = Requests.intPath(ctx, "id");
        boolean updated = rules.update(id, Requests.body(ctx));
        audit.record(ctx, "alert-rule-update", Integer.toString(id), updated ? "ok" : "not found");
        if (!updated) {
            throw new ApiError(404, "no alert rule " + id);
        }
        ctx.status(204);
    }

    private void delete(Context ctx) {
        int id = Requests.intPath(ctx, "id");
        boolean deleted = rules.delete(id);
        audit.record(ctx, "alert-rule-delete", Integer.toString(id), deleted ? "ok" : "not found");
        if (!deleted) {
            throw new ApiError(404, "no alert rule " + id);
        }
        ctx.status(204);
    }
}
