package porttracer.app;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The demo's example traces, asked of its own API as a user would: only those that answer 200 get printed. */
final class DemoTraces {

    private DemoTraces() {
    }

    static List<String> answered(String host, int port, List<String> macs, Duration limit) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String auth = porttracer.config.HttpBasic.header("netadmin", "netadmin");
        String base = "http://" + (host.equals("0.0.0.0") ? "127.0.0.1" : host) + ":" + port;
        List<String> waiting = new ArrayList<>(macs);
        List<String> ok = new ArrayList<>();
        Instant deadline = Instant.now().plus(limit);
        while (!waiting.isEmpty() && Instant.now().isBefore(deadline)) {
            for (String mac : List.copyOf(waiting)) {
                try {
                    HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/trace?mac=" + mac))
                            .header("Authorization", auth).timeout(Duration.ofSeconds(20)).build(),
                            HttpResponse.BodyHandlers.discarding());
                    if (r.statusCode() == 200) {
                        waiting.remove(mac);
                        ok.add(mac);
                    }
                } catch (IOException e) {
                    // Not answering yet: asked again below.
                }
            }
            if (!waiting.isEmpty()) {
                Thread.sleep(500);
            }
        }
        return ok;
    }
}
