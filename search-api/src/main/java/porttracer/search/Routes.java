package porttracer.search;

import io.javalin.Javalin;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.util.ArrayList;
import java.util.List;

/** Where route groups add their routes: each is remembered as "METHOD path" for the OpenAPI contract test. */
final class Routes {

    private final Javalin app;
    private final List<String> served = new ArrayList<>();

    Routes(Javalin app) {
        this.app = app;
    }

    /** A route for everyone authenticated (or, outside /api, for anyone). */
    Routes add(HandlerType method, String path, Handler handler) {
        served.add(method + " " + path);
        app.addHttpHandler(method, path, handler);
        return this;
    }

    /** A route for users of the role {@code min} and above: {@link Admission} checks it before the handler. */
    Routes add(HandlerType method, String path, Role min, Handler handler) {
        served.add(method + " " + path);
        app.addHttpHandler(method, path, handler, min);
        return this;
    }

    List<String> served() {
        return List.copyOf(served);
    }
}
