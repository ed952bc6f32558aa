package porttracer.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import porttracer.sim.SimHost;
import porttracer.sim.SimSwitch;
import porttracer.store.SwitchStatus;

/** Polls one switch of a {@link TestFleet} on demand and checks what the API says about it afterwards. */
final class SwitchProbe {

    private final TestFleet f;
    private final Http http;

    SwitchProbe(TestFleet f, Http http) {
        this.f = f;
        this.http = http;
    }

    Http http() {
        return http;
    }

    /** Triggers the switch's poll job and waits (up to 60 s) for its new poll record. */
    SwitchStatus pollOne(String name) throws Exception {
        var before = f.status(name).lastPollAt();
        f.pt.collector().scheduler().triggerJob(porttracer.collect.Collector.jobKeyOf(f.ids.get(name)));
        for (int i = 0; i < 1200; i++) {
            SwitchStatus s = f.status(name);
            if (s.lastPollAt().isAfter(before)) {
                return s;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no poll of " + name);
    }

    SimHost hostOn(String switchName) {
        return f.sim.fleet().hosts().stream().filter(h -> h.switchName().equals(switchName)).findFirst().orElseThrow();
    }

    /** The switch's hosts still trace to it, marked stale for {@code outcome}, and its inventory row says so. */
    void assertLastGoodDataKeptAndStale(SimSwitch sw, String outcome) throws Exception {
        SimHost h = hostOn(sw.name());
        // The API caches switch status for up to 2 s.
        Http.Reply r = http.get("/api/v1/trace?mac=" + h.mac(), "netadmin", "netadmin");
        for (int i = 0; i < 30 && !r.body().get("locations").get(0).get("stale").asBoolean(); i++) {
            Thread.sleep(200);
            r = http.get("/api/v1/trace?mac=" + h.mac(), "netadmin", "netadmin");
        }
        assertThat(r.status()).isEqualTo(200);
        JsonNode edge = r.body().get("locations").get(0);
        assertThat(edge.get("switch").get("name").asText()).isEqualTo(sw.name());
        assertThat(edge.get("port").asText()).isEqualTo(h.port());
        assertThat(edge.get("stale").asBoolean()).isTrue();
        assertThat(edge.get("staleReason").asText()).contains(outcome);
        Http.Reply list = http.get("/api/v1/switches", "netadmin", "netadmin");
        for (JsonNode s : list.body()) {
            if (s.get("name").asText().equals(sw.name())) {
                assertThat(s.get("lastPoll").get("outcome").asText()).isEqualTo(outcome);
                assertThat(s.get("stale").asBoolean()).isTrue();
            }
        }
    }

    /** Every host of the switch traces to its own port: nothing half-read replaced the last good table. */
    void assertHostsTraceToTheirPorts(String switchName) throws Exception {
        for (SimHost h : f.sim.fleet().hosts()) {
            if (h.switchName().equals(switchName)) {
                Http.Reply r = http.get("/api/v1/trace?mac=" + h.mac(), "netadmin", "netadmin");
                assertThat(r.body().get("locations").get(0).get("port").asText()).as(h.mac().toString())
                        .isEqualTo(h.port());
            }
        }
    }

    /** sshj's reader threads alive in this JVM. */
    static long sshThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("reader") || t.getName().contains("sshj")).count();
    }

    /**
     * Threads that a poll could leak (pools that grow on demand and shrink later are left out: Jetty's, the JDK
     * HTTP client's and scheduler, the common fork-join pool, the simulator's SSH servers and CLI threads, the
     * API's live lookup pool bounded by api.live-threads), and SSH sessions open on
     * the simulator, to compare before and after a fault.
     */
    record Usage(java.util.Set<String> threads, int simSessions) {
    }

    private static final java.util.regex.Pattern ON_DEMAND =
            java.util.regex.Pattern.compile("qtp.*|ForkJoinPool.*|HttpClient.*|Connector-Scheduler.*|porttracer-live-.*"
                    + "|sim-cli-.*|sshd-SshServer.*");

    private static java.util.Set<String> threadNames() {
        java.util.Set<String> names = new java.util.TreeSet<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.isAlive() && !ON_DEMAND.matcher(t.getName()).matches()) {
                names.add(t.getName() + "#" + t.getId());
            }
        }
        return names;
    }

    Usage usage() {
        return new Usage(threadNames(), f.sim.openSessions());
    }

    /** Once the work is done (up to 30 s): no pooled session, no sshj thread, no simulator session, no new thread. */
    void assertNoLeaksSince(Usage before) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline && (sshThreads() > 0 || f.pt.sessions().idleCount() > 0
                || f.sim.openSessions() > 0 || !before.threads().containsAll(threadNames()))) {
            Thread.sleep(200);
        }
        assertThat(f.pt.sessions().idleCount()).as("pooled SSH sessions").isZero();
        assertThat(sshThreads()).as("sshj reader threads left").isZero();
        assertThat(f.sim.openSessions()).as("sessions the simulator still has open").isZero();
        java.util.Set<String> added = threadNames();
        added.removeAll(before.threads());
        assertThat(added).as("threads started since and still alive").isEmpty();
    }

    /** Waits (up to 15 s) until no SSH session is pooled and no sshj thread is left, then asserts it. */
    void assertNoSessionOrThreadLeft() throws InterruptedException {
        long deadline = System.currentTimeMillis() + 15_000;
        while (System.currentTimeMillis() < deadline && (sshThreads() > 0 || f.pt.sessions().idleCount() > 0)) {
            Thread.sleep(200);
        }
        assertThat(f.pt.sessions().idleCount()).isZero();
        assertThat(sshThreads()).as("sshj reader threads left").isZero();
    }
}
