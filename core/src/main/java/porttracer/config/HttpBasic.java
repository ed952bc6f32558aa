package porttracer.config;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** The one place an HTTP Basic {@code Authorization} value is built (RFC 7617: UTF-8 "user:password" in base64). */
public final class HttpBasic {

    private HttpBasic() {
    }

    public static String header(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
