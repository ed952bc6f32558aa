package porttracer.search;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;

/**
 * The one place that says which client a request comes from, for lockout, throttles and audit: the peer's
 * address, or the client a trusted proxy names in X-Forwarded-For ({@link TrustedProxies}).
 */
final class ClientAddress {

    private ClientAddress() {
    }

    /** Makes {@code ctx.ip()}, and so {@link #of}, ask the trusted proxies: Javalin's default is the socket peer only. */
    static void resolveThrough(TrustedProxies proxies, JavalinConfig cfg) {
        cfg.contextResolver.ip = ctx -> proxies.clientAddress(ctx.req().getRemoteAddr(), ctx.header("X-Forwarded-For"));
    }

    static String of(Context ctx) {
        return ctx.ip();
    }
}
