package porttracer.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import porttracer.domain.MacAddress;
import porttracer.events.EventMetrics;
import porttracer.events.EventMetrics.Result;
import porttracer.events.EventSources;
import porttracer.sim.Fleet;
import porttracer.sim.SimSwitch;
import porttracer.sim.SwitchEvents;
import porttracer.sim.SwitchEvents.SyslogTransport;
import porttracer.sim.SwitchEvents.TrapVersion;

/**
 * Event-driven polls end to end: the simulator reports a plugged host by SNMP trap or syslog from
 * the switch's own address, and the collector polls that switch at once (the poll interval here is
 * a day), debounced per switch, dropping and counting unknown sources and garbage, and in a
 * cluster exactly one node runs each event poll.
 */
class SwitchEventsTest {

    private static final Duration LIMIT = Duration.ofSeconds(90);

    private static Map<String, String> eventSettings(Fleet fleet, String debounce) {
        Map<String, String> s = new HashMap<>();
        s.put("poll.interval", "86400");
        s.put("trap.listen", "127.0.0.1:0");
        s.put("syslog.listen", "127.0.0.1:0");
        s.put("events.delay-seconds", "0.5");
        s.put("events.debounce-seconds", debounce);
        try (SwitchEvents names = new SwitchEvents(fleet, null, TrapVersion.V2C, "public", null, SyslogTransport.UDP)) {
            s.put("events.sources", names.sourcesSetting());
        }
        return s;
    }

    private static TestFleet start(Fleet fleet, Path dir, String debounce) throws Exception {
        TestFleet f = TestFleet.start(fleet, dir, eventSettings(fleet, debounce), o -> o);
        f.pt.startCollector();
        f.pollAll(LIMIT);
        return f;
    }

    @Test
    void trapsAndSyslogMakeANewHostTraceableWithoutWaitingForTheInterval(@TempDir Path dir) throws Exception {
        Fleet fleet = Fleet.generate(TestFleet.smallSpec(161));
        try (TestFleet f = start(fleet, dir, "1")) {
            int api = f.pt.startApi("127.0.0.1", 0).port();
            var ev = f.pt.events();
            InetSocketAddress traps = new InetSocketAddress("127.0.0.1", ev.trapPort().orElseThrow());
            InetSocketAddress syslogUdp = new InetSocketAddress("127.0.0.1", ev.syslogUdpPort().orElseThrow());
            InetSocketAddress syslogTcp = new InetSocketAddress("127.0.0.1", ev.syslogTcpPort().orElseThrow());
            List<SimSwitch> access = fleet.switches().stream().filter(s -> s.floor() != null).toList();
            int n = 0;
            for (var how : List.of(
                    new SwitchEvents(fleet, traps, TrapVersion.V2C, "public", null, SyslogTransport.UDP),
                    new SwitchEvents(fleet, traps, TrapVersion.V1, "public", null, SyslogTransport.UDP),
                    new SwitchEvents(fleet, null, TrapVersion.V2C, "public", syslogUdp, SyslogTransport.UDP),
                    new SwitchEvents(fleet, null, TrapVersion.V2C, "public", syslogTcp, SyslogTransport.TCP_OCTET_COUNTING),
                    new SwitchEvents(fleet, null, TrapVersion.V2C, "public", syslogTcp, SyslogTransport.TCP_NON_TRANSPARENT))) {
                try (how) {
                    SimSwitch sw = access.get(n % access.size());
                    String port = f.freePort(sw.name(), 10);
                    MacAddress mac = MacAddress.parse(String.format("02:16:00:00:00:%02x", ++n));
                    Instant plugged = Instant.now();
                    how.plug(mac, 10, sw.name(), port);
                    await("trace of " + mac + " at " + sw.name() + " " + port, () -> tracedAt(api, mac, sw.name(), port));
                    System.out.println("event " + n + " (" + sw.platform() + "): plug-to-trace "
                            + Duration.between(plugged, Instant.now()).toMillis() + " ms");
                }
            }
            assertThat(ev.metrics().count("trap", Result.ACCEPTED)).isEqualTo(2);
            assertThat(ev.metrics().count("syslog", Result.ACCEPTED)).isEqualTo(3);
            assertThat(ev.metrics().polls("scheduled")).isGreaterThanOrEqualTo(5);
        }
    }

    @Test
    void aSyslogLineNamingAnOs10PortPollsThatPortAloneAndKeepsTheSwitchsOtherSightings(@TempDir Path dir) throws Exception {
        Fleet fleet = Fleet.generate(TestFleet.smallSpec(164));
        // Each CLI command takes 300 ms, as real switches take their time: one command shows against several.
        try (TestFleet f = TestFleet.start(fleet, dir, eventSettings(fleet, "0"), o -> o.withCommandLatency(Duration.ofMillis(300)))) {
            f.pt.startCollector();
            f.pollAll(LIMIT);
            int api = f.pt.startApi("127.0.0.1", 0).port();
            InetSocketAddress syslog = new InetSocketAddress("127.0.0.1", f.pt.events().syslogUdpPort().orElseThrow());
            SimSwitch sw = fleet.switches().stream()
                    .filter(s -> s.floor() != null && s.platform() == porttracer.domain.Platform.OS10).findFirst().orElseThrow();
            List<porttracer.sim.SimHost> already = f.sim.fleet().hosts().stream()
                    .filter(h -> h.switchName().equals(sw.name())).toList();
            assertThat(already).isNotEmpty();
            try (SwitchEvents events = new SwitchEvents(fleet, null, TrapVersion.V2C, "public", syslog, SyslogTransport.UDP)) {
                // The first event of a switch polls it whole: this node keeps its answers to merge a port into.
                String first = f.freePort(sw.name(), 10);
                MacAddress one = MacAddress.parse("02:16:00:00:02:01");
                Instant t1 = Instant.now();
                events.plug(one, 10, sw.name(), first);
                await("trace of the first host", () -> tracedAt(api, one, sw.name(), first));
                long wholeMs = Duration.between(t1, Instant.now()).toMillis();
                String second = f.freePort(sw.name(), 10);
                MacAddress two = MacAddress.parse("02:16:00:00:02:02");
                Map<MacAddress, Boolean> was = new HashMap<>();
                already.forEach(h -> was.put(h.mac(), tracedAt(api, h.mac(), sw.name(), h.port())));
                assertThat(was).containsValue(true);
                int before = f.sim.commands(sw.name()).size();
                Instant t2 = Instant.now();
                events.plug(two, 10, sw.name(), second);
                await("trace of the second host", () -> tracedAt(api, two, sw.name(), second));
                System.out.println("plug-to-trace at 300 ms per command: whole-switch event poll " + wholeMs
                        + " ms, port event poll " + Duration.between(t2, Instant.now()).toMillis() + " ms");
                List<String> sent = f.sim.commands(sw.name()).subList(before, f.sim.commands(sw.name()).size())
                        .stream().map(String::strip).toList();
                System.out.println("port poll of " + sw.name() + " " + second + ": " + sent);
                assertThat(sent).contains("show mac address-table interface ethernet " + second.substring("ethernet".length()))
                        .doesNotContain("show mac address-table", "show lldp neighbors", "show interface status");
                // The merge kept every other sighting of the switch where the whole polls put them.
                assertThat(tracedAt(api, one, sw.name(), first)).isTrue();
                for (porttracer.sim.SimHost h : already) {
                    assertThat(tracedAt(api, h.mac(), sw.name(), h.port())).as(h.mac() + " at " + h.port())
                            .isEqualTo(was.get(h.mac()));
                }
                // Two ports at once: the second event folds into the first's pending port poll, which then reads the whole switch.
                String fourth = f.freePort(sw.name(), 10);
                MacAddress four = MacAddress.parse("02:16:00:00:02:04");
                events.plug(four, 10, sw.name(), fourth);
                String fifth = f.freePort(sw.name(), 10);
                MacAddress five = MacAddress.parse("02:16:00:00:02:05");
                int before45 = f.sim.commands(sw.name()).size();
                events.plug(five, 10, sw.name(), fifth);
                await("trace of both hosts", () -> tracedAt(api, four, sw.name(), fourth) && tracedAt(api, five, sw.name(), fifth));
                assertThat(f.sim.commands(sw.name()).subList(before45, f.sim.commands(sw.name()).size()).stream()
                        .map(String::strip).toList()).contains("show mac address-table");
                // Another node polled the switch since: the answers kept here are older than its, so the whole switch.
                new porttracer.store.PollStatusStore(f.pt.db().dataSource()).record(new porttracer.store.PollRecord(
                        f.ids.get(sw.name()), Instant.now(), 1, porttracer.store.PollOutcome.OK, null, 1, 0, "other-node"));
                String third = f.freePort(sw.name(), 10);
                MacAddress three = MacAddress.parse("02:16:00:00:02:03");
                int before3 = f.sim.commands(sw.name()).size();
                events.plug(three, 10, sw.name(), third);
                await("trace of the third host", () -> tracedAt(api, three, sw.name(), third));
                assertThat(f.sim.commands(sw.name()).subList(before3, f.sim.commands(sw.name()).size()).stream()
                        .map(String::strip).toList()).contains("show mac address-table", "show lldp neighbors");
            }
        }
    }

    @Test
    void aFlappingPortCostsAtMostOnePollPerDebounceWindow(@TempDir Path dir) throws Exception {
        Fleet fleet = Fleet.generate(TestFleet.smallSpec(162));
        int debounce = 3;
        try (TestFleet f = start(fleet, dir, Integer.toString(debounce))) {
            var ev = f.pt.events();
            SimSwitch sw = fleet.switches().stream().filter(s -> s.floor() != null).findFirst().orElseThrow();
            String port = f.freePort(sw.name(), 10);
            long before = macReads(f, sw.name());
            Instant start = Instant.now();
            try (SwitchEvents flap = new SwitchEvents(fleet, new InetSocketAddress("127.0.0.1", ev.trapPort().orElseThrow()),
                    TrapVersion.V2C, "public", null, SyslogTransport.UDP)) {
                // 40 link changes over about 8 s; the host stays plugged at the end.
                for (int i = 0; i < 40; i++) {
                    flap.link(sw.name(), port, i % 2 == 1);
                    Thread.sleep(200);
                }
                MacAddress mac = MacAddress.parse("02:16:00:00:01:01");
                flap.plug(mac, 10, sw.name(), port);
                double flapSeconds = Duration.between(start, Instant.now()).toMillis() / 1000.0;
                await("41 link changes received", () -> ev.metrics().count("trap", Result.ACCEPTED) == 41);
                // The last change (the plug) is read by the trailing poll at the end of its window.
                await("the plugged host indexed", () -> indexed(f, mac));
                Thread.sleep((debounce + 2) * 1000L);
                long polls = macReads(f, sw.name()) - before;
                long windows = (long) Math.ceil((Duration.between(start, Instant.now()).toMillis() / 1000.0) / debounce);
                System.out.println("flapping: 41 changes in " + flapSeconds + " s -> " + polls + " polls (windows: "
                        + windows + ", debounced: " + ev.metrics().polls("debounced") + ")");
                assertThat(polls).isBetween(2L, windows + 1);
                assertThat(ev.metrics().polls("debounced")).isGreaterThanOrEqualTo(41 - polls);
            }
        }
    }

    @Test
    void unknownSourcesAndGarbageAreDroppedAndCounted(@TempDir Path dir) throws Exception {
        Fleet fleet = Fleet.generate(TestFleet.smallSpec(163));
        try (TestFleet f = start(fleet, dir, "1")) {
            var ev = f.pt.events();
            EventMetrics m = ev.metrics();
            SimSwitch sw = fleet.switches().get(1);
            InetAddress known;
            try (SwitchEvents names = new SwitchEvents(fleet, null, TrapVersion.V2C, "public", null, SyslogTransport.UDP)) {
                known = names.source(sw.name());
            }
            InetSocketAddress trap = new InetSocketAddress("127.0.0.1", ev.trapPort().orElseThrow());
            InetSocketAddress syslog = new InetSocketAddress("127.0.0.1", ev.syslogUdpPort().orElseThrow());
            InetSocketAddress syslogTcp = new InetSocketAddress("127.0.0.1", ev.syslogTcpPort().orElseThrow());
            long pollsBefore = m.polls("scheduled");
            Random random = new Random(16);
            // 127.0.0.1 is every simulated switch's SSH host, so it names none of them: unknown.
            try (DatagramSocket unknown = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
                 DatagramSocket fromSwitch = new DatagramSocket(new InetSocketAddress(known, 0))) {
                byte[] valid = "<189> DEC 03 04:50:00 10.0.0.1-1 TRAPMGR[0x5c3ea0b0]: traputil.c(721) 1 %% Link Up: Gi1/0/5"
                        .getBytes(StandardCharsets.UTF_8);
                unknown.send(new DatagramPacket(valid, valid.length, syslog));
                unknown.send(new DatagramPacket(valid, valid.length, trap));
                await("the unknown sources counted", () -> m.count("trap", Result.UNKNOWN_SOURCE) == 1
                        && m.count("syslog", Result.UNKNOWN_SOURCE) == 1);
                for (int i = 0; i < 300; i++) {
                    byte[] junk = FuzzBytes.next(random, i);
                    fromSwitch.send(new DatagramPacket(junk, junk.length, trap));
                    byte[] line = junk.length > 0 && junk[0] == '<' ? new byte[] {'x'} : junk;
                    fromSwitch.send(new DatagramPacket(line, line.length, syslog));
                    if ((i + 1) % 20 == 0) {
                        // UDP has no flow control: let the listeners drain each burst, so none is lost to a full buffer.
                        long sent = i + 1;
                        await(sent + " garbage datagrams counted", () -> m.count("trap", Result.MALFORMED)
                                + m.count("trap", Result.IGNORED) == sent && m.count("syslog", Result.MALFORMED) == sent);
                    }
                }
            }
            for (int i = 0; i < 20; i++) {
                try (Socket s = new Socket()) {
                    s.bind(new InetSocketAddress(known, 0));
                    s.connect(syslogTcp, 10_000);
                    OutputStream out = s.getOutputStream();
                    out.write(i % 2 == 0 ? "99999999 <1>x".getBytes(StandardCharsets.US_ASCII) : ("Z" + random.nextLong()).getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                }
            }
            await("the TCP garbage counted", () -> m.count("syslog", Result.MALFORMED) == 320);
            assertThat(m.count("trap", Result.MALFORMED)).isGreaterThan(250);
            assertThat(m.count("trap", Result.ACCEPTED) + m.count("syslog", Result.ACCEPTED)).isZero();
            assertThat(m.polls("scheduled")).isEqualTo(pollsBefore);
            // The listeners live on: a real trap and a real syslog line from the switch still count.
            try (SwitchEvents real = new SwitchEvents(fleet, trap, TrapVersion.V2C, "public", syslogTcp,
                    SyslogTransport.TCP_OCTET_COUNTING)) {
                real.link(sw.name(), sw.edgePorts().get(0), true);
            }
            await("a real trap and syslog line accepted after the garbage",
                    () -> m.count("trap", Result.ACCEPTED) == 1 && m.count("syslog", Result.ACCEPTED) == 1);
        }
    }

    @Test
    void switchesAreKnownByListedAddressOrTheirOwnInventoryHost(@TempDir Path dir) throws Exception {
        Fleet fleet = Fleet.generate(TestFleet.smallSpec(164));
        try (TestFleet f = TestFleet.start(fleet, dir, Map.of("poll.interval", "86400"), o -> o)) {
            var inv = f.pt.inventory();
            int site = inv.site("events-site");
            int lone = inv.putSwitch("events-lone", "192.0.2.7", 22, porttracer.domain.Platform.OS10, "S4148", site, null, null);
            EventSources sources = new EventSources(inv, "198.51.100.9=" + fleet.switches().get(0).name());
            sources.refresh();
            assertThat(sources.switchAt(InetAddress.getByName("192.0.2.7"))).contains(lone);
            assertThat(sources.switchAt(InetAddress.getByName("198.51.100.9"))).contains(f.ids.get(fleet.switches().get(0).name()));
            // Shared by every simulated switch: names none.
            assertThat(sources.switchAt(InetAddress.getByName("127.0.0.1"))).isEmpty();
            assertThat(sources.switchAt(InetAddress.getByName("203.0.113.1"))).isEmpty();
        }
    }

    @Test
    void oneNodeOfTwoRunsEachEventPoll(@TempDir Path dir) throws Exception {
        Fleet fleet = Fleet.generate(TestFleet.smallSpec(165));
        Map<String, String> settings = eventSettings(fleet, "5");
        settings.put("events.delay-seconds", "3");
        settings.put("node.id", "node-b");
        try (TestFleet f = TestFleet.start(fleet, dir, settings, o -> o)) {
            int trapA = freeUdpPort();
            int metricsA = freeTcpPort();
            Map<String, String> env = new HashMap<>();
            for (String key : List.of("db.url", "db.user", "db.password", "es.url", "es.index-prefix", "secret.key",
                    "poll.interval", "events.sources", "events.delay-seconds", "events.debounce-seconds")) {
                env.put(porttracer.config.Settings.envName(key), f.settings.get(key));
            }
            env.put("PORTTRACER_TRAP_LISTEN", "127.0.0.1:" + trapA);
            env.put("PORTTRACER_METRICS_PORT", Integer.toString(metricsA));
            env.put("PORTTRACER_NODE_ID", "node-a");
            env.put("PORTTRACER_SPOOL_DIR", dir.resolve("spool-node-a").toString());
            ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), "porttracer.app.Main", "collector");
            pb.environment().putAll(env);
            pb.redirectErrorStream(true).redirectOutput(dir.resolve("node-a.log").toFile());
            Process a = pb.start();
            try {
                f.pt.startCollector();
                f.pollAll(LIMIT);
                await("node-a up", () -> scrape(metricsA) != null);
                var ev = f.pt.events();
                List<SimSwitch> access = fleet.switches().stream().filter(s -> s.floor() != null).toList();
                try (SwitchEvents toB = new SwitchEvents(fleet, new InetSocketAddress("127.0.0.1", ev.trapPort().orElseThrow()),
                        TrapVersion.V2C, "public", null, SyslogTransport.UDP);
                     SwitchEvents toA = new SwitchEvents(fleet, new InetSocketAddress("127.0.0.1", trapA),
                             TrapVersion.V2C, "public", null, SyslogTransport.UDP)) {
                    for (int i = 0; i < 3; i++) {
                        SimSwitch sw = access.get(i);
                        String port = f.freePort(sw.name(), 10);
                        long before = macReads(f, sw.name());
                        MacAddress mac = MacAddress.parse(String.format("02:16:00:00:02:%02x", i));
                        // The switch sends its trap to both collectors, as switches with two trap hosts do.
                        toB.plug(mac, 10, sw.name(), port);
                        toA.link(sw.name(), port, true);
                        int expected = i + 1;
                        await("both nodes received trap " + expected, () -> ev.metrics().count("trap", Result.ACCEPTED) == expected
                                && acceptedTraps(scrape(metricsA)) == expected);
                        await("the host indexed", () -> indexed(f, mac));
                        // Past the delay and the debounce window: any second poll would have run by now.
                        Thread.sleep(8_000);
                        assertThat(macReads(f, sw.name()) - before).as("event polls of " + sw.name()).isEqualTo(1);
                    }
                }
            } finally {
                a.destroyForcibly().waitFor();
            }
        }
    }

    private static long acceptedTraps(String metrics) {
        if (metrics == null) {
            return -1;
        }
        return metrics.lines().filter(l -> l.startsWith("porttracer_switch_events_total{")
                        && l.contains("listener=\"trap\"") && l.contains("result=\"accepted\""))
                .mapToLong(l -> (long) Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    private static String scrape(int port) {
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    java.net.URI.create("http://127.0.0.1:" + port + "/metrics")).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 ? r.body() : null;
        } catch (Exception e) {
            return null;
        }
    }

    /** How many times the switch was asked for its MAC table (once per poll). */
    private static long macReads(TestFleet f, String sw) {
        return f.sim.commands(sw).stream().filter(c -> c.strip().equals("show mac address-table")).count();
    }

    private static boolean indexed(TestFleet f, MacAddress mac) {
        try {
            var es = f.pt.elastic();
            String id = mac.toString().replace(":", "").replace(".", "").replace("-", "").toLowerCase(java.util.Locale.ROOT);
            return es.client().get(g -> g.index(es.current()).id(id), Map.class).found();
        } catch (Exception e) {
            return false;
        }
    }

    private static boolean tracedAt(int api, MacAddress mac, String sw, String port) {
        try {
            var r = ApiCall.get(api, "/api/v1/trace?mac=" + mac).as("netadmin").send();
            if (r.status() != 200) {
                return false;
            }
            var loc = r.json().path("locations").path(0);
            return loc.path("switch").path("name").asText().equals(sw) && loc.path("port").asText().equals(port)
                    && loc.path("edge").asBoolean();
        } catch (Exception e) {
            return false;
        }
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(LIMIT);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not within " + LIMIT + ": " + what);
            }
            Thread.sleep(100);
        }
    }

    private static int freeUdpPort() throws Exception {
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static int freeTcpPort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
