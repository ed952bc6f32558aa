package porttracer.search;

import io.javalin.http.Context;

/** The authenticated user of a request, as {@link Admission} found it. */
final class Caller {

    private static final String USER = "porttracer.user";

    private Caller() {
    }

    /** The caller; null only before authentication (or on routes outside /api). */
    static Users.User of(Context ctx) {
        return ctx.attribute(USER);
    }

    static void set(Context ctx, Users.User user) {
        ctx.attribute(USER, user);
    }
}
