package porttracer.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import porttracer.domain.MacAddress;
import porttracer.domain.PortInfo;
import porttracer.index.Elastic;
import porttracer.sim.SimHost;
import porttracer.sim.SimSwitch;
import porttracer.store.SwitchRecord;

/**
 * The port-centric endpoints against a polled simulated fleet: every port of a switch with its state,
 * the free-port report (a port down and empty for N days is free, a port with a MAC never is), and a
 * port's history (two devices one after the other). The access switch under test is given 40 days
 * of history first: one earlier poll that found every port down, as a collector would have indexed it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PortViewsTest {

    private TestFleet f;
    private int port;
    private SimSwitch access;
    private int id;
    private Instant seededAt;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        f = TestFleet.start(TestFleet.smallSpec(41), dir, Map.of());
        access = f.sim.fleet().switches().stream().filter(s -> s.role() == porttracer.sim.Role.ACCESS).findFirst()
                .orElseThrow();
        id = f.ids.get(access.name());
        seededAt = Instant.now().minus(Duration.ofDays(40)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        PortSeed.allDownAt(f, access.name(), seededAt);
        f.pt.startCollector();
        f.pollAll(Duration.ofSeconds(120));
        port = f.pt.startApi("127.0.0.1", 0).port();
        refresh();
    }

    @AfterAll
    void stop() {
        if (f != null) {
            f.close();
        }
    }

    private void refresh() throws Exception {
        Elastic es = f.pt.elastic();
        es.client().indices().refresh(r -> r.index(es.ports(), es.events(), es.currentIndex()).ignoreUnavailable(true)
                .allowNoIndices(true));
    }

    private ApiCall.Reply get(String path, String user) throws Exception {
        return ApiCall.get(port, path).as(user).send();
    }

    private List<SimHost> hostsOn(String switchName) {
        return f.sim.fleet().hosts().stream().filter(h -> h.switchName().equals(switchName)).toList();
    }

    @Test
    @Order(1)
    void everyPortOfTheSwitchWithLinkMacsAndState() throws Exception {
        JsonNode net = get("/api/v1/switches/" + id + "/ports", "netadmin").json();
        assertThat(net.get("name").asText()).isEqualTo(access.name());
        Set<String> listed = new HashSet<>();
        net.get("ports").forEach(p -> listed.add(p.get("portKey").asText()));
        for (PortInfo p : f.sim.fleet().ports(access.name())) {
            assertThat(listed).as("ports listed for " + access.name()).contains(p.port().key());
        }
        SimHost host = hostsOn(access.name()).get(0);
        JsonNode hostPort = portNamed(net, host.port());
        assertThat(hostPort.get("link").asText()).isEqualTo("up");
        assertThat(hostPort.get("state").asText()).isEqualTo("edge");
        assertThat(hostPort.get("edge").asBoolean()).isTrue();
        assertThat(hostPort.get("macCount").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(hostPort.get("freeSince").isNull()).isTrue();
        assertThat(hostPort.get("lastMacSeen").asText()).isNotEmpty();
        assertThat(hostPort.get("macs").toString()).contains(host.mac().toString());

        String unused = unusedPort();
        JsonNode free = portNamed(net, unused);
        assertThat(free.get("link").asText()).isEqualTo("down");
        assertThat(free.get("macCount").asInt()).isZero();
        assertThat(Instant.parse(free.get("freeSince").asText())).isEqualTo(seededAt);
        assertThat(free.get("state").asText()).isEqualTo("free");

        String uplink = f.sim.fleet().uplinkPorts(access.name()).iterator().next();
        assertThat(portNamed(net, uplink).get("state").asText()).isEqualTo("uplink");

        JsonNode oss = get("/api/v1/switches/" + id + "/ports", "oss").json();
        assertThat(oss.get("ports").size()).isLessThan(net.get("ports").size());
        for (JsonNode p : oss.get("ports")) {
            assertThat(p.has("macs")).as("oss sees no MAC list").isFalse();
            assertThat(p.get("state").asText()).isNotEqualTo("uplink");
        }
        assertThat(portNamed(oss, host.port()).get("macCount").asInt()).isGreaterThanOrEqualTo(1);
    }

    @Test
    @Order(2)
    void portsDownAndEmptyForTheDaysAskedAreFreeAndPortsWithAMacNeverAre() throws Exception {
        JsonNode report = get("/api/v1/ports/free?days=30", "oss").json();
        List<String> ports = freePorts(report, access.name());
        assertThat(ports).contains(key(unusedPort()));
        Set<String> occupied = new HashSet<>();
        hostsOn(access.name()).forEach(h -> occupied.add(key(h.port())));
        assertThat(occupied).isNotEmpty();
        assertThat(ports).doesNotContainAnyElementsOf(occupied)
                .doesNotContainAnyElementsOf(keys(f.sim.fleet().uplinkPorts(access.name())));
        // The other switches were first seen today: none of their ports is free for 30 days yet.
        for (JsonNode fl : report.get("floors")) {
            for (JsonNode sw : fl.get("switches")) {
                assertThat(sw.get("name").asText()).isEqualTo(access.name());
                for (JsonNode p : sw.get("ports")) {
                    assertThat(p.get("daysFree").asInt()).isGreaterThanOrEqualTo(39);
                }
            }
        }
        assertThat(report.get("total").asInt()).isEqualTo(ports.size());
        // Down and empty for 40 days: not free when 60 are asked.
        assertThat(freePorts(get("/api/v1/ports/free?days=60", "oss").json(), access.name())).isEmpty();
        JsonNode today = get("/api/v1/ports/free?days=0", "netadmin").json();
        Set<String> switches = new HashSet<>();
        today.get("floors").forEach(fl -> fl.get("switches").forEach(sw -> switches.add(sw.get("name").asText())));
        assertThat(switches.size()).isGreaterThan(1);
        for (SimSwitch other : f.sim.fleet().switches()) {
            Set<String> busy = new HashSet<>();
            hostsOn(other.name()).forEach(h -> busy.add(key(h.port())));
            if (!busy.isEmpty()) {
                assertThat(freePorts(today, other.name())).doesNotContainAnyElementsOf(busy);
            }
        }

        SwitchRecord rec = f.pt.inventory().switchById(id).orElseThrow();
        JsonNode floor = get("/api/v1/ports/free?days=30&site=" + rec.site() + "&floor=" + rec.floor(), "oss").json();
        assertThat(freePorts(floor, access.name())).isEqualTo(ports);
        JsonNode otherFloor = get("/api/v1/ports/free?days=30&floor=no-such-floor", "oss").json();
        assertThat(otherFloor.get("total").asInt()).isZero();

        ApiCall.Reply csv = ApiCall.get(port, "/api/v1/ports/free?days=30").as("oss").header("Accept", "text/csv").send();
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        List<String> lines = List.of(csv.text().split("\r\n"));
        assertThat(lines.get(0)).isEqualTo("site,floor,switch,port,description,speed,freeSince,lastMacSeen,daysFree");
        assertThat(lines).hasSize(ports.size() + 1);
        assertThat(lines).anyMatch(l -> l.contains("," + access.name() + "," + unusedPort() + ","));
        assertThat(get("/api/v1/ports/free?days=-1", "oss").status()).isEqualTo(400);
        assertThat(get("/api/v1/ports/free?format=xml", "oss").status()).isEqualTo(400);
    }

    @Test
    @Order(3)
    void aPortThatHadTwoDevicesOneAfterTheOtherShowsBothInItsHistory() throws Exception {
        SimHost first = hostsOn(access.name()).get(0);
        f.sim.fleet().removeHost(first.mac());
        f.pollAll(Duration.ofSeconds(120));
        refresh();
        JsonNode emptied = portNamed(get("/api/v1/switches/" + id + "/ports", "netadmin").json(), first.port());
        assertThat(emptied.get("macCount").asInt()).isZero();
        assertThat(emptied.get("lastMacSeen").asText()).isNotEmpty();
        assertThat(emptied.get("state").asText()).isEqualTo("down");
        // Free from this poll on: free for 0 days, not for 30.
        assertThat(freePorts(get("/api/v1/ports/free?days=0", "oss").json(), access.name())).contains(key(first.port()));
        assertThat(freePorts(get("/api/v1/ports/free?days=30", "oss").json(), access.name())).doesNotContain(key(first.port()));

        MacAddress secondMac = MacAddress.parse("00:50:56:ab:cd:02");
        f.sim.fleet().addHost(secondMac, first.vlan(), access.name(), first.port());
        f.pollAll(Duration.ofSeconds(120));
        refresh();

        String path = "/api/v1/switches/" + id + "/ports/history?port=" + Http.q(first.port());
        JsonNode history = get(path, "oss").json();
        assertThat(history.get("total").asInt()).isEqualTo(2);
        JsonNode now = history.get("stays").get(0);
        JsonNode before = history.get("stays").get(1);
        assertThat(now.get("mac").asText()).isEqualTo(secondMac.toString());
        assertThat(now.get("current").asBoolean()).isTrue();
        assertThat(now.get("until").isNull()).isTrue();
        assertThat(before.get("mac").asText()).isEqualTo(first.mac().toString());
        assertThat(before.get("current").asBoolean()).isFalse();
        assertThat(before.get("endedBy").asText()).isEqualTo("disappeared");
        assertThat(before.get("from").asText()).isLessThan(before.get("until").asText());
        assertThat(before.get("until").asText()).isLessThanOrEqualTo(now.get("from").asText());

        JsonNode page2 = get(path + "&size=1&page=2", "oss").json();
        assertThat(page2.get("stays")).hasSize(1);
        assertThat(page2.get("stays").get(0).get("mac").asText()).isEqualTo(first.mac().toString());
        // Any spelling of the port finds the same history.
        String lower = "/api/v1/switches/" + id + "/ports/history?port="
                + Http.q(first.port().toLowerCase(java.util.Locale.ROOT));
        assertThat(get(lower, "oss").json().get("total").asInt()).isEqualTo(2);
        // Without a port: every port of the switch, this one's two stays among them.
        JsonNode all = get("/api/v1/switches/" + id + "/ports/history?size=500", "oss").json();
        List<String> here = new ArrayList<>();
        all.get("stays").forEach(st -> {
            if (st.get("port").asText().equals(first.port())) {
                here.add(st.get("mac").asText());
            }
        });
        assertThat(here).containsExactly(secondMac.toString(), first.mac().toString());
        assertThat(all.get("total").asInt()).isGreaterThan(2);

        JsonNode taken = portNamed(get("/api/v1/switches/" + id + "/ports", "netadmin").json(), first.port());
        assertThat(taken.get("state").asText()).isEqualTo("edge");
        assertThat(freePorts(get("/api/v1/ports/free?days=0", "oss").json(), access.name())).doesNotContain(key(first.port()));
    }

    @Test
    @Order(4)
    void badPortsAndUnknownSwitchesAreClearErrors() throws Exception {
        ApiCall.Reply bad = get("/api/v1/switches/" + id + "/ports/history?port=%3Bshow%20run", "oss");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("error").asText()).contains("port name");
        assertThat(get("/api/v1/switches/99999/ports/history?port=Gi1/0/1", "oss").status()).isEqualTo(404);
        assertThat(get("/api/v1/switches/x/ports/history", "oss").status()).isEqualTo(400);
        assertThat(get("/api/v1/switches/" + id + "/ports/history?port=Gi1/0/1&size=0", "oss").status()).isEqualTo(400);
        assertThat(ApiCall.get(port, "/api/v1/ports/free").send().status()).isEqualTo(401);
    }

    private String unusedPort() {
        Set<String> used = new HashSet<>();
        hostsOn(access.name()).forEach(h -> used.add(h.port()));
        return f.sim.fleet().ports(access.name()).stream().filter(p -> "access".equals(p.mode()))
                .map(p -> p.port().raw()).filter(p -> !used.contains(p)).findFirst().orElseThrow();
    }

    private static JsonNode portNamed(JsonNode answer, String name) {
        for (JsonNode p : answer.get("ports")) {
            if (p.get("portKey").asText().equals(porttracer.domain.PortName.keyOf(name))) {
                return p;
            }
        }
        throw new AssertionError("no port " + name + " in " + answer);
    }

    /** Port names compare by their canonical key: the MAC table and interface status may spell them differently. */
    private static String key(String port) {
        return porttracer.domain.PortName.keyOf(port);
    }

    private static Set<String> keys(java.util.Collection<String> ports) {
        Set<String> out = new HashSet<>();
        ports.forEach(p -> out.add(key(p)));
        return out;
    }

    /** The canonical keys of the switch's ports in a free-port report. */
    private static List<String> freePorts(JsonNode report, String switchName) {
        List<String> out = new ArrayList<>();
        for (JsonNode fl : report.get("floors")) {
            for (JsonNode sw : fl.get("switches")) {
                if (sw.get("name").asText().equals(switchName)) {
                    sw.get("ports").forEach(p -> out.add(p.get("portKey").asText()));
                }
            }
        }
        return out;
    }
}
