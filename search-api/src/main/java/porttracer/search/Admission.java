package porttracer.search;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.security.RouteRole;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * What every request passes before a handler: security headers (HSTS under TLS), and for /api a bounded
 * number of requests in flight (503 past it), the cross-site guard, authentication (HTTP Basic against
 * local or directory users with per user+address lockout and a per-address throttle, or a Bearer API
 * token), NUL refusal, and the role the route declares (403, audited).
 */
final class Admission {

    private static final String PERMIT = "porttracer.permit";

    private final Users users;
    private final ApiTokens tokens;
    private final DirectoryLogin directory;
    private final LoginGuard guard;
    /** Failures from one address over all user names, so that guessing across users is slowed too. */
    private final AddressThrottle addressThrottle;
    private final AuditTrail audit;
    private final Semaphore admission;
    private final boolean tls;
    private final Counter shed;
    private final Counter loginThrottled;
    /** Password checks running now, by user and password digest: identical requests wait for that one answer. */
    private final ConcurrentHashMap<String, CompletableFuture<Users.User>> checking = new ConcurrentHashMap<>();

    Admission(ApiConfig config, Users users, ApiTokens tokens, DirectoryLogin directory, AuditTrail audit,
              PrometheusRegistry registry) {
        this.users = users;
        this.tokens = tokens;
        this.directory = directory;
        this.audit = audit;
        this.guard = new LoginGuard(config.loginMaxFailures(), config.loginLockout().toSeconds());
        this.addressThrottle = new AddressThrottle(config.loginMaxFailures() * 10);
        this.admission = new Semaphore(config.maxInFlight());
        this.tls = config.tls() != null;
        this.shed = Counter.builder().name("porttracer_http_shed_total")
                .help("API requests refused with 503 because too many were in flight").register(registry);
        this.loginThrottled = Counter.builder().name("porttracer_login_throttled_total")
                .help("Password logins answered 429 without a check: user+address wait, or address slowed down")
                .labelNames("scope").register(registry);
        int maxInFlight = config.maxInFlight();
        GaugeWithCallback.builder().name("porttracer_http_in_flight").help("API requests being served")
                .callback(g -> g.call(maxInFlight - admission.availablePermits())).register(registry);
        CounterWithCallback.builder().name("porttracer_password_hashes_total")
                .help("bcrypt password checks run (a remembered password renewed from its unchanged row runs none)")
                .callback(c -> c.call(users.hashChecks())).register(registry);
    }

    void install(Javalin app) {
        app.before(this::secureHeaders);
        app.before("/api/*", this::admit);
        app.beforeMatched(this::checkRole);
        app.after("/api/*", this::release);
    }

    private void secureHeaders(Context ctx) {
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'");
        if (tls) {
            ctx.header("Strict-Transport-Security", ApiTls.HSTS);
        }
    }

    private void admit(Context ctx) {
        if (!admission.tryAcquire()) {
            shed.inc();
            throw new ApiError(503, "too many requests in progress; retry shortly", Map.of(), 1);
        }
        ctx.attribute(PERMIT, Boolean.TRUE);
        // Answers depend on who asks: a shared cache must not hand one user's answer to another.
        ctx.header("Vary", "Authorization");
        CrossSiteGuard.check(ctx);
        authenticate(ctx);
        rejectNul(ctx);
    }

    /** A route declared with a role admits that role and those above it; others get 403, audited. */
    private void checkRole(Context ctx) {
        for (RouteRole declared : ctx.routeRoles()) {
            Role min = (Role) declared;
            if (!Caller.of(ctx).role().atLeast(min)) {
                audit.record(ctx, "denied", ctx.method() + " " + ctx.path(), "forbidden");
                throw new ApiError(403, "this needs the " + min.id() + " role");
            }
        }
    }

    /** Gives back the request's slot; a live-trace stream does so early, since it lasts as long as its trace. */
    void release(Context ctx) {
        if (ctx.attribute(PERMIT) != null) {
            ctx.attribute(PERMIT, null);
            admission.release();
        }
    }

    /** PostgreSQL text cannot hold NUL: refused here as bad input rather than failing in the store as a 503. */
    private static void rejectNul(Context ctx) {
        boolean nul = ctx.queryParamMap().values().stream().flatMap(List::stream).anyMatch(v -> v.indexOf('\0') >= 0);
        // A GET or HEAD carries no body any route reads (reading one costs a stream per lookup on the hot path).
        boolean bodyless = ctx.method() == HandlerType.GET || ctx.method() == HandlerType.HEAD;
        if (!nul && !bodyless && ctx.contentLength() != 0) {
            String body = ctx.body();
            nul = body.indexOf('\0') >= 0 || body.toLowerCase(Locale.ROOT).contains("\\u0000");
        }
        if (nul) {
            throw new ApiError(400, "text must not contain NUL characters");
        }
    }

    private void authenticate(Context ctx) {
        String header = ctx.header("Authorization");
        Users.User user = null;
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            user = tokens.verify(header.substring(7).strip()).map(this::tokenOwner).orElse(null);
            if (user == null) {
                audit.record(ctx, null, "login", "token", "failed");
            }
        } else if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            user = basic(ctx, header.substring(6).strip());
        }
        if (user == null) {
            // A page's own requests ask for no browser login dialog.
            if (BrowserRequests.mayPromptLogin(ctx)) {
                ctx.header("WWW-Authenticate", "Basic realm=\"PortTracer\", charset=\"UTF-8\"");
            }
            throw new ApiError(401, "authentication required: HTTP Basic with a PortTracer user, or Bearer with an API token");
        }
        Caller.set(ctx, user);
    }

    private Users.User basic(Context ctx, String encoded) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0 || colon > 100) {
            return null;
        }
        String username = decoded.substring(0, colon);
        String password = decoded.substring(colon + 1);
        Users.Login recent = users.recentLogin(username, password);
        if (recent != null) {
            return recent.user();
        }
        // A client that opens with many requests at once (or whose remembered minute ran out under load) sends the
        // same password in all of them: one check answers them all, rather than each counting as a guess in flight
        // and the rest being refused with 429.
        String key = username + '\0' + Base64.getEncoder().encodeToString(Users.sha256(password));
        CompletableFuture<Users.User> mine = new CompletableFuture<>();
        CompletableFuture<Users.User> running = checking.putIfAbsent(key, mine);
        if (running != null) {
            return awaitCheck(running);
        }
        try {
            Users.User user = check(ctx, username, password);
            mine.complete(user);
            return user;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            checking.remove(key, mine);
        }
    }

    /** The answer of the same check running in another request; its refusal (429, 503) is this one's too. */
    private static Users.User awaitCheck(CompletableFuture<Users.User> running) {
        try {
            return running.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new ApiError(503, "the password check is taking too long; retry shortly", Map.of(), 5);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiError(503, "interrupted while checking the password; retry shortly", Map.of(), 5);
        }
    }

    /** One password check, throttled per address and per user+address; the user, or null when refused. */
    private Users.User check(Context ctx, String username, String password) {
        String ip = ClientAddress.of(ctx);
        if (!addressThrottle.admit(ip)) {
            loginThrottled.labelValues("address").inc();
            audit.record(ctx, username, "login", "address slowed down", "throttled");
            throw new ApiError(429, "too many failed logins from this address: one password check per second; "
                    + "retry in 1 s", Map.of(), 1);
        }
        long wait = guard.begin(username, ip);
        if (wait > 0) {
            loginThrottled.labelValues("user-address").inc();
            audit.record(ctx, username, "login", "locked out", "throttled");
            throw new ApiError(429, "too many failed logins for " + username + " from this address; retry in " + wait
                    + " s", Map.of(), wait);
        }
        Users.Login login;
        try {
            // Longer than bcrypt reads: never a user's password (they are refused when set), so a plain failure.
            login = Users.fitsBcrypt(password) ? users.login(username, password) : new Users.Login(null, false);
            if (login.user() == null && directory.enabled()) {
                login = DirectoryAnswers.login(directory, username, password,
                        refused -> audit.record(ctx, username + DirectoryLogin.SUFFIX, "login", "directory", refused));
            }
        } catch (RuntimeException e) {
            guard.abandon(username, ip);
            throw e;
        }
        guard.finish(username, ip, login.user() != null);
        if (login.user() == null) {
            addressThrottle.failed(ip);
            audit.record(ctx, username, "login", "password", "failed");
            return null;
        }
        Caller.set(ctx, login.user());
        if (login.checked()) {
            audit.record(ctx, login.user().username(), "login",
                    DirectoryLogin.isDirectoryName(login.user().username()) ? "directory" : "password", "ok");
        }
        return login.user();
    }

    /** A directory user's token takes the user's current role; a local user's comes with it. */
    private Users.User tokenOwner(Users.User owner) {
        return owner.role() != null ? owner : DirectoryAnswers.owner(directory, owner.username());
    }
}
