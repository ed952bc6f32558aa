package porttracer.search;

import io.javalin.http.Context;

/**
 * The one place that says which client a request comes from, for lockout, quotas and audit.
 * Today the socket's remote address; trusted-proxy handling (X-Forwarded-For) plugs in here.
 */
final class ClientAddress {

    private ClientAddress() {
    }

    static String of(Context ctx) {
        return ctx.ip();
    }
}
