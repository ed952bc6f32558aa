package porttracer.search;

import io.javalin.http.sse.SseClient;
import io.prometheus.metrics.core.metrics.Gauge;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import porttracer.collect.LiveVerifier;
import porttracer.domain.MacAddress;
import porttracer.domain.Sighting;
import porttracer.index.LocationDoc;
import porttracer.store.PollOutcome;
import porttracer.store.SwitchRecord;

/**
 * Asking switches live where a MAC is, through the collector's {@link LiveVerifier} (which folds
 * each answer into the index), on a bounded pool: either waited for (a forced or stale trace) or
 * as a job whose per-switch progress and result are streamed as Server-Sent Events.
 */
final class LiveTraces implements AutoCloseable {

    /** One asynchronous live trace: its events so far, replayed to every stream that joins. */
    static final class Job {
        final String id;
        final Users.User owner;
        final Instant created = Instant.now();
        private final List<Map.Entry<String, Object>> events = new ArrayList<>();
        private final List<SseClient> clients = new ArrayList<>();
        private boolean done;

        Job(String id, Users.User owner) {
            this.id = id;
            this.owner = owner;
        }

        synchronized void emit(String event, Object data) {
            events.add(Map.entry(event, data));
            clients.removeIf(SseClient::terminated);
            clients.forEach(c -> c.sendEvent(event, data));
        }

        synchronized void finish(Object result) {
            emit("result", result);
            done = true;
            clients.forEach(SseClient::close);
            clients.clear();
        }

        synchronized void subscribe(SseClient client) {
            events.forEach(e -> client.sendEvent(e.getKey(), e.getValue()));
            if (done) {
                client.close();
            } else {
                client.keepAlive();
                clients.add(client);
            }
        }
    }

    private static final Duration JOB_TTL = Duration.ofMinutes(15);
    private static final int MAX_JOBS_RUNNING = 32;

    private final LiveVerifier verifier;
    private final Locations locations;
    private final ThreadPoolExecutor pool;
    private final Duration perSwitchLimit;
    private final Gauge inFlight;
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final AtomicInteger running = new AtomicInteger();
    private final SecureRandom random = new SecureRandom();

    LiveTraces(LiveVerifier verifier, Locations locations, int threads, Duration perSwitchLimit,
               Gauge inFlight) {
        this.verifier = verifier;
        this.locations = locations;
        this.perSwitchLimit = perSwitchLimit;
        this.inFlight = inFlight;
        AtomicInteger n = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(1_000), r -> {
            Thread t = new Thread(r, "porttracer-live-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        pool.allowCoreThreadTimeOut(true);
    }

    /**
     * Asks every switch in parallel and waits for them all, at most {@code limit} (null: as long as a
     * switch may take); a switch that has not answered by then is reported so, and its answer still
     * reaches the index when it comes.
     */
    List<LiveVerifier.Result> verify(List<SwitchRecord> switches, MacAddress mac, Duration limit) {
        Duration wait = limit == null || limit.compareTo(perSwitchLimit) > 0 ? perSwitchLimit : limit;
        inFlight.inc();
        try {
            List<CompletableFuture<LiveVerifier.Result>> asked = ask(switches, mac, r -> { });
            List<LiveVerifier.Result> out = new ArrayList<>();
            long deadline = System.nanoTime() + wait.toNanos();
            for (int i = 0; i < asked.size(); i++) {
                try {
                    out.add(asked.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
                } catch (TimeoutException e) {
                    out.add(new LiveVerifier.Result(switches.get(i), mac, PollOutcome.TIMEOUT,
                            "no answer within " + wait.toMillis() + " ms", List.of(), wait.toMillis()));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                } catch (ExecutionException e) {
                    throw new IllegalStateException(e.getCause());
                }
            }
            return out;
        } finally {
            inFlight.dec();
        }
    }

    /** Starts a streamed live trace of {@code mac} over {@code switches} for {@code owner}. */
    Job start(MacAddress mac, List<SwitchRecord> switches, Users.User owner) {
        jobs.values().removeIf(j -> j.created.plus(JOB_TTL).isBefore(Instant.now()));
        if (running.get() >= MAX_JOBS_RUNNING) {
            throw busy();
        }
        byte[] id = new byte[16];
        random.nextBytes(id);
        Job job = new Job(HexFormat.of().formatHex(id), owner);
        jobs.put(job.id, job);
        running.incrementAndGet();
        inFlight.inc();
        Map<String, Object> started = new LinkedHashMap<>();
        started.put("mac", mac.toString());
        started.put("switches", switches.size());
        job.emit("started", started);
        List<LocationView> found = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger failed = new AtomicInteger();
        List<CompletableFuture<LiveVerifier.Result>> asked;
        try {
            asked = ask(switches, mac, r -> {
                if (r.outcome() != PollOutcome.OK) {
                    failed.incrementAndGet();
                }
                List<LocationView> here = visible(r, owner.role());
                found.addAll(here);
                job.emit("switch", progress(r, owner.role(), here));
            });
        } catch (ApiError e) {
            finishJob(job, mac, switches.size(), failed.get(), found);
            throw e;
        }
        CompletableFuture.allOf(asked.toArray(CompletableFuture[]::new))
                .orTimeout(perSwitchLimit.toMillis() + 5_000, TimeUnit.MILLISECONDS)
                .whenComplete((ok, err) -> finishJob(job, mac, switches.size(), failed.get(), found));
        return job;
    }

    /** The last event of a live trace: every location found, edge first. */
    record Outcome(String mac, int switches, int failed, boolean found, List<LocationView> locations) {
    }

    private void finishJob(Job job, MacAddress mac, int switches, int failed, List<LocationView> found) {
        List<LocationView> locs;
        synchronized (found) {
            locs = new ArrayList<>(found);
        }
        locs.sort(Comparator.comparing(l -> !l.edge()));
        job.finish(new Outcome(mac.toString(), switches, failed, !locs.isEmpty(), locs));
        running.decrementAndGet();
        inFlight.dec();
    }

    /** The job when it exists and the user may see it. */
    Optional<Job> job(String id, Users.User user) {
        Job job = jobs.get(id);
        if (job == null || !(job.owner.username().equals(user.username()) || user.role() == Role.SUPERADMIN)) {
            return Optional.empty();
        }
        return Optional.of(job);
    }

    private List<CompletableFuture<LiveVerifier.Result>> ask(List<SwitchRecord> switches, MacAddress mac,
                                                              Consumer<LiveVerifier.Result> each) {
        List<CompletableFuture<LiveVerifier.Result>> out = new ArrayList<>();
        try {
            for (SwitchRecord sw : switches) {
                out.add(CompletableFuture.supplyAsync(() -> verifier.verify(sw, mac), pool).whenComplete((r, e) -> {
                    if (r != null) {
                        each.accept(r);
                    }
                }));
            }
        } catch (RejectedExecutionException e) {
            out.forEach(f -> f.cancel(false));
            throw busy();
        }
        return out;
    }

    /** What the role may see of one switch's live sightings. */
    private List<LocationView> visible(LiveVerifier.Result r, Role role) {
        List<LocationView> locs = new ArrayList<>();
        Instant now = Instant.now();
        for (Sighting s : r.sightings()) {
            if (s.edge() || role.seesUplinks()) {
                locs.add(locations.location(sightingDoc(r.sw(), s), role, now));
            }
        }
        return locs;
    }

    /** One switch's answer as its SSE event: outcome per switch, and what the role may see of its sightings. */
    private static Map<String, Object> progress(LiveVerifier.Result r, Role role, List<LocationView> locs) {
        Map<String, Object> sw = new LinkedHashMap<>();
        sw.put("id", r.sw().id());
        sw.put("name", r.sw().name());
        sw.put("site", r.sw().site());
        sw.put("floor", r.sw().floor());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("switch", sw);
        out.put("outcome", r.outcome().id());
        if (role.seesManagement()) {
            out.put("error", r.error());
        }
        out.put("durationMs", r.durationMs());
        out.put("locations", locs);
        return out;
    }

    /** A live sighting in the shape of an indexed one (no port details, not yet written), so that one renderer serves both. */
    private static LocationDoc.SightingDoc sightingDoc(SwitchRecord sw, Sighting s) {
        return new LocationDoc.SightingDoc(sw.id(), sw.name(), sw.host(), sw.site(), sw.floor(), s.port(), s.portKey(),
                s.vlan(), s.edge(), s.reason(), null, null, null, null, null, null, null, s.macsOnPort());
    }

    private static ApiError busy() {
        return new ApiError(503, "too many live lookups in progress; retry shortly", Map.of(), 5);
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
