package porttracer.search;

import io.javalin.http.Context;

/** Audits what a request did, with its caller, the caller's role and the client address. */
final class AuditTrail {

    private final AuditLog log;

    AuditTrail(AuditLog log) {
        this.log = log;
    }

    /** An entry in the caller's name. */
    void record(Context ctx, String action, String detail, String result) {
        Users.User u = Caller.of(ctx);
        record(ctx, u == null ? null : u.username(), action, detail, result);
    }

    /** An entry in a given name (a login attempt has no caller yet). */
    void record(Context ctx, String username, String action, String detail, String result) {
        Users.User u = Caller.of(ctx);
        log.record(username, u == null ? null : u.role(), action, detail, ClientAddress.of(ctx), result);
    }
}
