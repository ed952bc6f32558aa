package porttracer.search;

import static io.javalin.http.HandlerType.DELETE;
import static io.javalin.http.HandlerType.GET;
import static io.javalin.http.HandlerType.POST;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.Map;

/** Who am I, my API tokens (everyone), local users and the audit log (superadmin). */
record AccountRoutes(Users users, ApiTokens tokens, AuditLog auditLog, AuditTrail audit) {

    void register(Routes routes) {
        routes.add(GET, "/api/v1/me", ctx -> ctx.json(Map.of("username", Caller.of(ctx).username(),
                        "role", Caller.of(ctx).role().id())))
                .add(GET, "/api/v1/tokens", ctx -> ctx.json(tokens.list(Caller.of(ctx).username())))
                .add(POST, "/api/v1/tokens", this::createToken)
                .add(DELETE, "/api/v1/tokens/{id}", this::revokeToken)
                .add(GET, "/api/v1/users", Role.SUPERADMIN, ctx -> ctx.json(users.list()))
                .add(POST, "/api/v1/users", Role.SUPERADMIN, this::putUser)
                .add(GET, "/api/v1/audit", Role.SUPERADMIN, ctx -> ctx.json(auditLog.page(ctx.queryParam("user"),
                        ctx.queryParam("action"), Requests.intParam(ctx, "page", 1, 1, 10_000),
                        Requests.intParam(ctx, "size", 100, 1, 1_000))));
    }

    private void createToken(Context ctx) {
        JsonNode body = Requests.body(ctx);
        String name = body.path("name").asText("").strip();
        if (name.isEmpty() || name.length() > 100) {
            throw new ApiError(400, "give the token a name of 1 to 100 characters");
        }
        Duration ttl = null;
        if (body.has("ttlDays")) {
            int days = body.path("ttlDays").asInt(-1);
            if (days < 1 || days > 3650) {
                throw new ApiError(400, "ttlDays must be from 1 to 3650");
            }
            ttl = Duration.ofDays(days);
        }
        Map<String, Object> token = tokens.create(Caller.of(ctx).username(), name, ttl);
        audit.record(ctx, "token-create", name, "ok");
        ctx.status(201).json(token);
    }

    private void revokeToken(Context ctx) {
        int id = Requests.intPath(ctx, "id");
        boolean revoked = tokens.revoke(id, Caller.of(ctx));
        audit.record(ctx, "token-revoke", Integer.toString(id), revoked ? "ok" : "not found");
        if (!revoked) {
            throw new ApiError(404, "no active token " + id + " of yours");
        }
        ctx.status(204);
    }

    private void putUser(Context ctx) {
        JsonNode body = Requests.body(ctx);
        String username = body.path("username").asText("");
        String password = body.path("password").asText("");
        Role role;
        try {
            role = Role.of(body.path("role").asText(""));
        } catch (IllegalArgumentException e) {
            throw new ApiError(400, "role must be oss, netadmin or superadmin");
        }
        if (!username.matches("[A-Za-z0-9._@-]{1,64}") || password.length() < 8 || !Users.fitsBcrypt(password)) {
            throw new ApiError(400, "username: 1 to 64 letters, digits or ._@-; password: 8 characters to 72 UTF-8 bytes");
        }
        if (DirectoryLogin.isDirectoryName(username)) {
            throw new ApiError(400, "names ending in " + DirectoryLogin.SUFFIX + " are directory users'");
        }
        users.put(username, password, role);
        // Audited under "inventory" as before, so that filters on the audit's action keep finding user changes.
        audit.record(ctx, "inventory", "user " + username + " as " + role.id(), "ok");
        ctx.status(204);
    }
}
