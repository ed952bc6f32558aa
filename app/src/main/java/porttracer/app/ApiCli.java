package porttracer.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code porttracer trace <mac>} and {@code porttracer search <text>} over the API: a readable
 * table, or the API's JSON with --json. Where and as whom from PORTTRACER_API_URL and
 * PORTTRACER_API_TOKEN, or PORTTRACER_API_USER and PORTTRACER_API_PASSWORD.
 */
final class ApiCli {

    static final String USAGE = """
            usage: porttracer trace <mac> [--live] [--json]
                   porttracer search <text> [--page N] [--json]
            environment: PORTTRACER_API_URL (http://127.0.0.1:8080), PORTTRACER_API_TOKEN, or
                         PORTTRACER_API_USER and PORTTRACER_API_PASSWORD""";
    private static final List<String> COLUMNS = List.of("MAC", "SITE", "FLOOR", "SWITCH", "PORT", "VLAN", "WHERE",
            "FRESH", "CAUTIONS");

    private ApiCli() {
    }

    /** Exit status: 0 answered, 1 not found, 2 bad usage or input, 3 the API failed or refused. */
    static int run(String command, List<String> args, Map<String, String> env, PrintStream out, PrintStream err) {
        boolean json = args.contains("--json");
        boolean live = args.contains("--live");
        List<String> words = new ArrayList<>();
        String page = "1";
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--page") && i + 1 < args.size()) {
                page = args.get(++i);
            } else if (!a.startsWith("--")) {
                words.add(a);
            }
        }
        if (words.isEmpty()) {
            err.println(USAGE);
            return 2;
        }
        String text = String.join(" ", words);
        String q = URLEncoder.encode(text, StandardCharsets.UTF_8);
        String path = command.equals("trace") ? "/api/v1/trace?mac=" + q + (live ? "&live=true" : "")
                : "/api/v1/search?q=" + q + "&page=" + URLEncoder.encode(page, StandardCharsets.UTF_8);
        HttpResponse<String> r;
        try {
            r = get(env, path);
        } catch (IOException e) {
            err.println("cannot reach the PortTracer API at " + base(env) + ": " + e.getMessage());
            return 3;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 3;
        }
        JsonNode body;
        try {
            body = new ObjectMapper().readTree(r.body());
        } catch (IOException e) {
            err.println("unexpected answer (" + r.statusCode() + ") from " + base(env));
            return 3;
        }
        if (r.statusCode() != 200) {
            err.println(body.path("error").asText("HTTP " + r.statusCode()));
            return r.statusCode() == 404 ? 1 : r.statusCode() == 400 ? 2 : 3;
        }
        if (json) {
            out.println(body.toPrettyString());
            return 0;
        }
        List<JsonNode> answers = new ArrayList<>();
        if (command.equals("trace")) {
            answers.add(body);
        } else {
            body.path("results").forEach(answers::add);
        }
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode a : answers) {
            for (JsonNode l : a.path("locations")) {
                List<String> badges = new ArrayList<>();
                l.path("badges").forEach(b -> badges.add(b.path("code").asText()));
                rows.add(List.of(a.path("mac").asText(), l.path("switch").path("site").asText(),
                        l.path("switch").path("floor").asText(""), l.path("switch").path("name").asText(),
                        l.path("port").asText(), l.path("vlan").asText(), l.path("edge").asBoolean() ? "edge" : "uplink",
                        l.path("stale").asBoolean() ? "STALE" : "fresh", String.join(",", badges)));
            }
            if (a.path("locations").isEmpty()) {
                rows.add(List.of(a.path("mac").asText(), "", "", "", "", "", "not seen now", "", ""));
            }
        }
        table(out, rows);
        if (command.equals("search")) {
            out.printf("%d match%s, page %s%s%n", body.path("total").asInt(), body.path("total").asInt() == 1 ? "" : "es",
                    body.path("page").asText(), body.path("capped").asBoolean() ? " - " + body.path("message").asText() : "");
        }
        answers.stream().filter(a -> a.path("stale").asBoolean()).forEach(a -> a.path("locations").forEach(l -> {
            if (l.path("stale").asBoolean()) {
                out.println("stale: " + l.path("switch").path("name").asText() + ": " + l.path("staleReason").asText());
            }
        }));
        return 0;
    }

    private static void table(PrintStream out, List<List<String>> rows) {
        int[] width = new int[COLUMNS.size()];
        for (int c = 0; c < width.length; c++) {
            width[c] = COLUMNS.get(c).length();
            for (List<String> r : rows) {
                width[c] = Math.max(width[c], r.get(c).length());
            }
        }
        List<List<String>> all = new ArrayList<>();
        all.add(COLUMNS);
        all.addAll(rows);
        for (List<String> r : all) {
            StringBuilder sb = new StringBuilder();
            for (int c = 0; c < width.length; c++) {
                sb.append(String.format("%-" + width[c] + "s", r.get(c)));
                if (c < width.length - 1) {
                    sb.append("  ");
                }
            }
            out.println(sb.toString().stripTrailing());
        }
    }

    private static String base(Map<String, String> env) {
        return env.getOrDefault("PORTTRACER_API_URL", "http://127.0.0.1:8080").replaceAll("/+$", "");
    }

    private static HttpResponse<String> get(Map<String, String> env, String path) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base(env) + path)).timeout(Duration.ofSeconds(90))
                .header("Accept", "application/json");
        String token = env.get("PORTTRACER_API_TOKEN");
        if (token != null && !token.isBlank()) {
            b.header("Authorization", "Bearer " + token.strip());
        } else if (env.get("PORTTRACER_API_USER") != null) {
            b.header("Authorization", porttracer.config.HttpBasic.header(env.get("PORTTRACER_API_USER"),
                    env.getOrDefault("PORTTRACER_API_PASSWORD", "")));
        }
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
