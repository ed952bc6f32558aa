package porttracer.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import porttracer.sim.Fleet;
import porttracer.sim.FleetSpec;
import porttracer.sim.SimHost;

/**
 * Seeded fuzzing of every operation in /openapi.json, as netadmin and as superadmin: hostile values in every
 * path parameter, query parameter and body field, odd JSON, wrong content types, raw bytes, bodies over 1 MB.
 * Every answer is a 2xx or a 4xx with a JSON "error", never a 5xx or a stack trace, and the simulated switches
 * receive nothing but the collector's own normalised commands.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ApiFuzzTest {

    private static final long SEED = Long.getLong("porttracer.fuzz.seed", 0x5eed_2026L);
    private static final long BUDGET_MS = Long.getLong("porttracer.fuzz.seconds", 60) * 1000;
    private static final List<String> USERS = List.of("netadmin", "superadmin");
    private static final Pattern PARAM = Pattern.compile("\\{(\\w+)}");
    private static final Pattern STACK = Pattern.compile("\\tat |Exception|porttracer\\.[a-z]+\\.[A-Z]|\\.java:\\d");
    /** What the collector may send: its poll commands and live lookups of one normalised MAC. */
    private static final Pattern KNOWN_COMMAND = Pattern.compile("terminal length 0|terminal datadump|exit|"
            + "show (mac address-table|mac-address-table|lldp neighbors|lldp remote-device all|interfaces? status"
            + "|interfaces switchport|arp|version)"
            + "|show (mac address-table|mac-address-table) address ([0-9a-f]{2}:){5}[0-9a-f]{2}"
            + "|show (mac address-table|mac-address-table) address [0-9A-F]{4}\\.[0-9A-F]{4}\\.[0-9A-F]{4}"
            + "|show (mac address-table|mac-address-table) address [0-9a-f]{4}\\.[0-9a-f]{4}\\.[0-9a-f]{4}");

    private ApiFixture f;
    private SimHost host;
    private JsonNode openapi;
    private final Map<String, String> validIds = new java.util.HashMap<>();
    private final List<String> failures = new ArrayList<>();
    private int cases;

    @BeforeAll
    void start(@TempDir Path tmp) throws Exception {
        Fleet fleet = Fleet.generate(FleetSpec.small(41));
        host = fleet.hosts().get(0);
        f = new ApiFixture(fleet, tmp.resolve("keys"), Map.of("ssh.idle-timeout", "1"));
        openapi = f.get("/openapi.json").send().json();
        validIds.put("/api/v1/switches/{id}/ports", f.ids.get(host.switchName()).toString());
        validIds.put("/api/v1/switches/{id}/overrides", f.ids.get(host.switchName()).toString());
        validIds.put("/api/v1/tokens/{id}", f.call("POST", "/api/v1/tokens").as("netadmin")
                .json(Map.of("name", "fuzz")).send().json().get("id").asText());
        validIds.put("/api/v1/live-traces/{id}/events", f.call("POST", "/api/v1/live-traces").as("netadmin")
                .json(Map.of("mac", host.mac().toString(), "site", "site1")).send().json().get("id").asText());
        validIds.put("/api/v1/sites/{id}", f.call("POST", "/api/v1/sites").as("superadmin")
                .json(Map.of("name", "fuzz-site")).send().json().get("id").asText());
    }

    @AfterAll
    void stop() {
        if (f != null) {
            f.close();
        }
    }

    private record Op(String method, String path, JsonNode spec) {
    }

    private List<Op> operations() {
        List<Op> ops = new ArrayList<>();
        openapi.get("paths").fields().forEachRemaining(p -> p.getValue().fields().forEachRemaining(
                m -> ops.add(new Op(m.getKey().toUpperCase(), p.getKey(), m.getValue()))));
        return ops;
    }

    @Test
    @Order(1)
    void everyOperationAnswersHostileInputWithA4xxJsonErrorNeverA5xx() throws Exception {
        Random random = new Random(SEED);
        List<Op> ops = operations();
        long deadline = System.currentTimeMillis() + BUDGET_MS;
        for (Op op : ops) {
            for (String user : USERS) {
                hugeBody(op, user);
                rawBytes(op, user);
                for (String body : FuzzInputs.oddJsonBodies(random)) {
                    if (hasBody(op)) {
                        send(op, user, url(op, random, false), "application/json", body);
                    }
                }
            }
        }
        int rounds = 0;
        while (System.currentTimeMillis() < deadline && rounds < 400) {
            rounds++;
            for (Op op : ops) {
                for (String user : USERS) {
                    send(op, user, url(op, random, true), contentType(op), body(op, random));
                    send(op, user, url(op, random, false), oddContentType(random), body(op, random));
                }
            }
        }
        System.out.printf("API fuzzing: seed %d, %d operations, %d cases in %d rounds%n", SEED, ops.size(), cases,
                rounds);
        assertThat(failures).as(failures.size() + " of " + cases + " cases failed (seed " + SEED + ")").isEmpty();
        assertThat(cases).isGreaterThan(1000);
    }

    @Test
    @Order(2)
    void cliInjectionNeverReachesASwitch() throws Exception {
        failures.clear();
        String[] injected = {"; reload", "\n show running-config", " | include password", "\r\nreload\r\n", "\u0000"};
        for (String tail : injected) {
            for (String mac : List.of(host.mac().toString(), host.mac().dotted(), host.mac().bare())) {
                check("live trace " + tail, f.get("/api/v1/trace?mac=" + Http.q(mac + tail) + "&live=true")
                        .as("netadmin").send());
                check("live-traces " + tail, f.call("POST", "/api/v1/live-traces").as("netadmin")
                        .json(Map.of("mac", mac + tail, "site", "site1" + tail)).send());
            }
        }
        // A legitimate live trace, so that the command log holds live lookups and not only polls.
        assertThat(f.get("/api/v1/trace?mac=" + host.mac() + "&live=true").as("netadmin").send().status())
                .isEqualTo(200);
        for (Map.Entry<String, List<String>> sw : f.sim.allCommands().entrySet()) {
            for (String line : sw.getValue()) {
                assertThat(KNOWN_COMMAND.matcher(line).matches()).as(sw.getKey() + " received " + line).isTrue();
            }
        }
        assertThat(f.sim.commands(host.switchName())).anyMatch(l -> l.contains(" address "));
        assertThat(failures).isEmpty();
    }

    // ---- building requests

    private static boolean hasBody(Op op) {
        return op.spec().has("requestBody");
    }

    private String url(Op op, Random random, boolean hostile) {
        Matcher m = PARAM.matcher(op.path());
        StringBuilder path = new StringBuilder();
        while (m.find()) {
            String valid = validIds.getOrDefault(op.path(), m.group(1).equals("mac") ? host.mac().toString() : "999999");
            boolean keepValid = !hostile || random.nextInt(3) == 0;
            if (op.method().equals("DELETE") || op.method().equals("PUT")) {
                valid = op.path().startsWith("/api/v1/sites/") ? valid : "999999";
            }
            m.appendReplacement(path, Matcher.quoteReplacement(keepValid ? valid : hostileValue(random)));
        }
        m.appendTail(path);
        StringBuilder query = new StringBuilder();
        for (JsonNode p : op.spec().path("parameters")) {
            if (!"query".equals(p.path("in").asText())) {
                continue;
            }
            String name = p.get("name").asText();
            String value = !hostile || random.nextBoolean() ? Http.q(validQuery(name)) : hostileValue(random);
            query.append(query.length() == 0 ? '?' : '&').append(name).append('=').append(value);
        }
        return path + query.toString();
    }

    private String validQuery(String name) {
        return switch (name) {
            case "mac" -> host.mac().toString();
            case "q" -> "site1";
            case "page" -> "1";
            case "size" -> "10";
            case "live" -> "false";
            case "user" -> "netadmin";
            case "action" -> "trace";
            default -> "gi1/0/1";
        };
    }

    private static String hostileValue(Random random) {
        return random.nextInt(4) == 0 ? FuzzInputs.pick(random, FuzzInputs.ENCODED)
                : Http.q(FuzzInputs.pick(random, FuzzInputs.STRINGS));
    }

    private static String contentType(Op op) {
        JsonNode content = op.spec().path("requestBody").path("content");
        return content.fieldNames().hasNext() ? content.fieldNames().next() : null;
    }

    private static String oddContentType(Random random) {
        return FuzzInputs.pick(random, List.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
                "multipart/form-data; boundary=x", "application/json; charset=latin1", "application/json;;",
                "text/csv", "*/*", "application/json\u00e9"));
    }

    private String body(Op op, Random random) {
        if (!hasBody(op)) {
            return random.nextInt(4) == 0 ? FuzzInputs.pick(random, FuzzInputs.STRINGS) : null;
        }
        JsonNode props = schema(op).path("properties");
        if ("text/csv".equals(contentType(op))) {
            StringBuilder csv = new StringBuilder("name,host,platform,site,floor,model\n");
            for (int i = 0; i < 3; i++) {
                csv.append(FuzzInputs.pick(random, FuzzInputs.STRINGS)).append(",127.0.0.1,os6,")
                        .append(FuzzInputs.pick(random, FuzzInputs.STRINGS)).append(",\"")
                        .append(FuzzInputs.pick(random, FuzzInputs.STRINGS)).append("\",N3048\n");
            }
            return csv.toString();
        }
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = props.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> p = it.next();
            String type = p.getValue().path("type").asText("string");
            int dice = random.nextInt(6);
            if (dice == 0) {
                continue;
            }
            if (dice == 1) {
                o.set(p.getKey(), wrongType(type, random));
            } else if (dice == 2) {
                o.set(p.getKey(), baseline(p.getKey(), type));
            } else if (type.equals("array")) {
                ArrayNode a = o.putArray(p.getKey());
                for (int i = random.nextInt(4); i >= 0; i--) {
                    a.add(FuzzInputs.pick(random, FuzzInputs.STRINGS));
                }
            } else {
                o.put(p.getKey(), FuzzInputs.pick(random, FuzzInputs.STRINGS));
            }
        }
        return o.toString();
    }

    private JsonNode schema(Op op) {
        JsonNode content = op.spec().path("requestBody").path("content");
        JsonNode s = content.elements().hasNext() ? content.elements().next().path("schema") : JsonNodeFactory.instance
                .objectNode();
        if (s.has("$ref")) {
            String[] ref = s.get("$ref").asText().split("/");
            s = openapi.path("components").path("schemas").path(ref[ref.length - 1]);
        }
        return s;
    }

    private static JsonNode baseline(String name, String type) {
        JsonNodeFactory n = JsonNodeFactory.instance;
        return switch (type) {
            case "integer", "number" -> n.numberNode(name.equals("sshPort") ? 1 : 7);
            case "boolean" -> n.booleanNode(false);
            case "array" -> n.arrayNode().add("aa:bb:cc:dd:ee:01");
            default -> n.textNode(switch (name) {
                case "platform" -> "os6";
                case "role" -> "oss";
                case "kind" -> "appeared";
                case "host" -> "127.0.0.1";
                default -> "fuzz-" + name;
            });
        };
    }

    private static JsonNode wrongType(String type, Random random) {
        JsonNodeFactory n = JsonNodeFactory.instance;
        return switch (random.nextInt(5)) {
            case 0 -> n.nullNode();
            case 1 -> type.equals("string") ? n.numberNode(-1) : n.textNode("x");
            case 2 -> n.objectNode().put("$gt", "");
            case 3 -> n.numberNode(new java.math.BigInteger("9".repeat(40)));
            default -> n.arrayNode().add(n.arrayNode());
        };
    }

    // ---- sending and checking

    private void send(Op op, String user, String url, String contentType, String body) {
        ApiCall call = f.call(op.method(), url).as(user);
        if (url.contains("/events")) {
            call.header("Accept", "text/event-stream");
        }
        if (body != null) {
            call.body(contentType == null ? "application/json" : contentType, body);
        }
        try {
            check(op.method() + " " + url + " [" + contentType + "] " + abbreviate(body), call.send());
        } catch (Exception e) {
            failures.add(op.method() + " " + url + ": " + e);
        }
    }

    private void hugeBody(Op op, String user) throws Exception {
        if (!hasBody(op)) {
            return;
        }
        String big = "{\"name\":\"" + "a".repeat(1_100_000) + "\"}";
        ApiCall.Reply r = f.call(op.method(), url(op, new Random(SEED), false)).as(user)
                .body(contentType(op), big).send();
        check(op.method() + " " + op.path() + " with 1.1 MB", r);
        boolean forbidden = r.status() == 403 && user.equals("netadmin");
        if (r.status() != 413 && !forbidden) {
            failures.add(op.method() + " " + op.path() + " with 1.1 MB as " + user + ": " + r.status() + " not 413");
        }
    }

    private void rawBytes(Op op, String user) throws Exception {
        if (!op.method().equals("GET")) {
            return;
        }
        String auth = "Basic " + java.util.Base64.getEncoder()
                .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
        for (byte[] raw : FuzzInputs.RAW_VALUES) {
            String base = url(op, new Random(SEED), false);
            byte[] head = (base.replaceAll("\\?.*", "") + (base.contains("?") ? base.substring(base.indexOf('?')) + "&x="
                    : "?x=")).getBytes(StandardCharsets.US_ASCII);
            byte[] target = new byte[head.length + raw.length];
            System.arraycopy(head, 0, target, 0, head.length);
            System.arraycopy(raw, 0, target, head.length, raw.length);
            checkRaw("raw GET " + op.path() + " x=" + new String(raw, StandardCharsets.ISO_8859_1),
                    RawHttp.get(f.port, target, auth));
            if (op.path().contains("{")) {
                byte[] inPath = (op.path().replaceAll("\\{\\w+}", "X")).getBytes(StandardCharsets.US_ASCII);
                String p = new String(inPath, StandardCharsets.ISO_8859_1).replace("X",
                        new String(raw, StandardCharsets.ISO_8859_1));
                checkRaw("raw GET " + p, RawHttp.get(f.port, p.getBytes(StandardCharsets.ISO_8859_1), auth));
            }
        }
    }

    private void check(String what, ApiCall.Reply r) {
        cases++;
        String type = String.valueOf(r.header("Content-Type"));
        verdict(what, r.status(), type, r.text());
    }

    private void checkRaw(String what, RawHttp.Reply r) {
        cases++;
        String type = r.head().toLowerCase(java.util.Locale.ROOT).contains("content-type: application/json")
                ? "application/json" : r.head();
        String body = r.body();
        if (r.head().toLowerCase(java.util.Locale.ROOT).contains("transfer-encoding: chunked")) {
            body = body.substring(body.indexOf("\r\n") + 2);
            body = body.substring(0, Math.max(0, body.lastIndexOf("}") + 1));
        }
        verdict(what, r.status(), type, body);
    }

    private void verdict(String what, int status, String type, String body) {
        String line = what + " -> " + status + " " + abbreviate(body);
        if (status >= 500) {
            failures.add(line);
            return;
        }
        if (STACK.matcher(body).find() && !type.startsWith("text/event-stream")) {
            failures.add("stack trace or internals: " + line);
            return;
        }
        if (status >= 400) {
            if (!type.startsWith("application/json")) {
                failures.add("not JSON (" + type + "): " + line);
                return;
            }
            try {
                JsonNode error = ApiCall.JSON.readTree(body).get("error");
                if (error == null || error.asText().isBlank()) {
                    failures.add("no error field: " + line);
                }
            } catch (Exception e) {
                failures.add("unparseable JSON: " + line);
            }
        }
    }

    private static String abbreviate(String s) {
        return s == null ? "" : s.length() > 160 ? s.substring(0, 160) + "..." : s;
    }
}
