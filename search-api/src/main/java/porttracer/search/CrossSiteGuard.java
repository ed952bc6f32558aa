package porttracer.search;

import io.javalin.http.Context;
import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * CSRF defence for the API: a request a browser marks as coming from another site (Origin, or
 * Sec-Fetch-Site per the Fetch Metadata spec, https://w3c.github.io/webappsec-fetch-metadata/) is
 * refused, and a state-changing request must carry a body type no HTML form can send (JSON or CSV),
 * so that a cross-site form post never reaches a handler.
 */
final class CrossSiteGuard {

    private static final Set<String> STATE_CHANGING = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final Set<String> SAME_SITE_FETCH = Set.of("same-origin", "none");

    private CrossSiteGuard() {
    }

    static void check(Context ctx) {
        String fetchSite = ctx.header("Sec-Fetch-Site");
        if (fetchSite != null && !SAME_SITE_FETCH.contains(fetchSite.strip().toLowerCase(Locale.ROOT))) {
            throw new ApiError(403, "cross-site request refused (Sec-Fetch-Site: " + fetchSite.strip() + ")");
        }
        String origin = ctx.header("Origin");
        if (origin != null && !sameOrigin(origin, ctx.header("Host"))) {
            throw new ApiError(403, "cross-site request refused: Origin " + origin.strip() + " is not this server");
        }
        String method = ctx.method().name();
        if (STATE_CHANGING.contains(method) && !(method.equals("DELETE") && ctx.contentLength() <= 0)) {
            String type = String.valueOf(ctx.contentType()).toLowerCase(Locale.ROOT);
            if (!type.startsWith("application/json") && !type.startsWith("text/csv")) {
                throw new ApiError(415, "send the body as application/json (text/csv for CSV imports); got "
                        + (ctx.contentType() == null ? "no Content-Type" : ctx.contentType()));
            }
        }
    }

    /** The Origin's host and port equal the Host the request was sent to ("null" never does). */
    private static boolean sameOrigin(String origin, String host) {
        if (host == null) {
            return false;
        }
        try {
            URI u = URI.create(origin.strip());
            if (u.getHost() == null) {
                return false;
            }
            int port = u.getPort() != -1 ? u.getPort() : "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
            return authority(u.getHost(), port).equals(hostHeader(host.strip(), port));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The Host header as host:port; without a port, the Origin's default port is assumed. */
    private static String hostHeader(String host, int originPort) {
        URI u = URI.create("http://" + host);
        return authority(u.getHost() == null ? host : u.getHost(), u.getPort() == -1 ? originPort : u.getPort());
    }

    private static String authority(String host, int port) {
        return host.toLowerCase(Locale.ROOT) + ":" + port;
    }
}
