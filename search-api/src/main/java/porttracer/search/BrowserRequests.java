package porttracer.search;

import io.javalin.http.Context;
import java.util.Locale;

/** Tells a browser's script requests (the web page's own) from navigations and non-browser clients. */
final class BrowserRequests {

    private BrowserRequests() {
    }

    /**
     * Whether a 401 may carry {@code WWW-Authenticate: Basic}: not for script requests, which mark
     * themselves with X-Requested-With or, in every current browser, Sec-Fetch-Mode other than navigate
     * (https://w3c.github.io/webappsec-fetch-metadata/#sec-fetch-mode-header), so that the page
     * shows its own login form instead of the browser's dialog.
     */
    static boolean mayPromptLogin(Context ctx) {
        if (ctx.header("X-Requested-With") != null) {
            return false;
        }
        String mode = ctx.header("Sec-Fetch-Mode");
        return mode == null || mode.strip().toLowerCase(Locale.ROOT).equals("navigate");
    }
}
