package porttracer.app;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipInputStream;

/**
 * A real Elasticsearch 8.19 started by a test from the distribution the launcher unpacked: security on, TLS on
 * HTTP with a CA and node certificate made by the distribution's elasticsearch-certutil, a file-realm user made
 * with elasticsearch-users holding the role in deploy/elasticsearch/roles.yml, ephemeral ports (portsfile).
 */
final class SecuredElasticsearch implements AutoCloseable {

    /** Set by ./porttracer test: the suite must run this, not skip it. */
    static final boolean REQUIRED = System.getenv("PORTTRACER_REQUIRE_SECURED_ES") != null;
    private static final String ES_USER = "porttracer-es";
    private static final Duration START_LIMIT = Duration.ofMinutes(6);

    final Path home;
    final Path dir;
    final Path caCert;
    final Path nodeCert;
    final Path nodeKey;
    final int port;
    private final long pid;

    private SecuredElasticsearch(Path home, Path dir, int port, long pid) {
        this.home = home;
        this.dir = dir;
        this.caCert = dir.resolve("config/certs/ca/ca.crt");
        this.nodeCert = dir.resolve("config/certs/node/node.crt");
        this.nodeKey = dir.resolve("config/certs/node/node.key");
        this.port = port;
        this.pid = pid;
    }

    /** The distribution: PORTTRACER_SECURED_ES_HOME (the launcher sets it) or the checkout's .local copy. */
    static Optional<Path> home() {
        String env = System.getenv("PORTTRACER_SECURED_ES_HOME");
        Path p = env != null && !env.isBlank() ? Path.of(env) : Repo.root().resolve(".local/elasticsearch-8.19.21");
        return Files.isExecutable(p.resolve("bin/elasticsearch")) ? Optional.of(p) : Optional.empty();
    }

    /** Certificates only (CA + a node certificate for 127.0.0.1 and localhost), made with elasticsearch-certutil. */
    static Path certificates(Path home, Path dir) throws Exception {
        Path config = dir.resolve("config");
        copyTree(home.resolve("config"), config);
        Path certs = config.resolve("certs");
        run(home, config, List.of("bin/elasticsearch-certutil", "ca", "--pem", "--silent", "--out", dir.resolve("ca.zip").toString()));
        unzip(dir.resolve("ca.zip"), certs);
        run(home, config, List.of("bin/elasticsearch-certutil", "cert", "--pem", "--silent",
                "--ca-cert", certs.resolve("ca/ca.crt").toString(), "--ca-key", certs.resolve("ca/ca.key").toString(),
                "--ip", "127.0.0.1", "--dns", "localhost", "--name", "node", "--out", dir.resolve("node.zip").toString()));
        unzip(dir.resolve("node.zip"), certs);
        return certs;
    }

    static SecuredElasticsearch start(Path home, Path dir, String user, String password) throws Exception {
        Path config = dir.resolve("config");
        Path certs = certificates(home, dir);
        // The node sends its CA too (as Elasticsearch's auto-configured HTTP certificate does): a client that
        // knows only the CA's fingerprint checks it against the chain it is shown.
        Files.writeString(certs.resolve("node/chain.crt"), Files.readString(certs.resolve("node/node.crt"))
                + Files.readString(certs.resolve("ca/ca.crt")));
        Files.copy(Repo.root().resolve("deploy/elasticsearch/roles.yml"), config.resolve("roles.yml"),
                StandardCopyOption.REPLACE_EXISTING);
        run(home, config, List.of("bin/elasticsearch-users", "useradd", user, "-p", password, "-r", "porttracer"));
        Files.createDirectories(dir.resolve("data"));
        Files.createDirectories(dir.resolve("logs"));
        if (isRoot()) {
            // Elasticsearch refuses to run as root: the launcher's unprivileged user owns this node's files.
            exec(List.of("chown", "-R", ES_USER, dir.toString()), Duration.ofSeconds(60));
        }
        Path pidFile = dir.resolve("es.pid");
        List<String> cmd = new ArrayList<>(List.of(home.resolve("bin/elasticsearch").toString(), "-d", "-p", pidFile.toString(),
                "-E", "discovery.type=single-node", "-E", "network.host=127.0.0.1",
                "-E", "http.port=0", "-E", "transport.port=0", "-E", "node.portsfile=true",
                "-E", "path.data=" + dir.resolve("data"), "-E", "path.logs=" + dir.resolve("logs"),
                "-E", "cluster.routing.allocation.disk.threshold_enabled=false",
                "-E", "xpack.security.enabled=true", "-E", "xpack.security.http.ssl.enabled=true",
                "-E", "xpack.security.http.ssl.key=certs/node/node.key",
                "-E", "xpack.security.http.ssl.certificate=certs/node/chain.crt",
                "-E", "xpack.security.http.ssl.certificate_authorities=certs/ca/ca.crt"));
        run(home, config, cmd, "ES_JAVA_OPTS=-Xms384m -Xmx384m");
        long pid = Long.parseLong(Files.readString(pidFile).strip());
        Path ports = dir.resolve("logs/http.ports");
        Instant deadline = Instant.now().plus(START_LIMIT);
        while (!Files.isRegularFile(ports) && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
        }
        String address = Files.readAllLines(ports).get(0).strip();
        int port = Integer.parseInt(address.substring(address.lastIndexOf(':') + 1));
        SecuredElasticsearch es = new SecuredElasticsearch(home, dir, port, pid);
        es.awaitYellow(user, password, deadline);
        return es;
    }

    String url() {
        return "https://127.0.0.1:" + port;
    }

    /** SHA-256 of the CA certificate's DER, in hex: what PORTTRACER_ES_CA_FINGERPRINT takes. */
    String caFingerprint() throws Exception {
        try (InputStream in = Files.newInputStream(caCert)) {
            X509Certificate ca = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(ca.getEncoded()));
        }
    }

    private void awaitYellow(String user, String password, Instant deadline) throws Exception {
        HttpClient client = HttpClient.newBuilder()
                .sslContext(co.elastic.clients.transport.TransportUtils.sslContextFromHttpCaCrt(caCert.toFile()))
                .connectTimeout(Duration.ofSeconds(5)).build();
        String auth = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        String last = "";
        while (Instant.now().isBefore(deadline)) {
            try {
                HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(url() + "/_cluster/health?wait_for_status=yellow&timeout=10s"))
                        .header("Authorization", "Basic " + auth).timeout(Duration.ofSeconds(30)).build(),
                        HttpResponse.BodyHandlers.ofString());
                last = r.statusCode() + " " + r.body();
                if (r.statusCode() == 200 && !r.body().contains("\"red\"")) {
                    return;
                }
            } catch (IOException e) {
                last = e.toString();
            }
            Thread.sleep(500);
        }
        close();
        throw new IllegalStateException("secured Elasticsearch did not become ready: " + last);
    }

    @Override
    public void close() {
        ProcessHandle.of(pid).ifPresent(p -> {
            p.destroy();
            try {
                p.onExit().get(90, TimeUnit.SECONDS);
            } catch (Exception e) {
                p.destroyForcibly();
            }
        });
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** An Elasticsearch command with its own config folder, as the unprivileged user when we are root. */
    private static void run(Path home, Path config, List<String> args, String... env) throws Exception {
        List<String> cmd = new ArrayList<>();
        boolean server = args.get(0).endsWith("bin/elasticsearch");
        if (isRoot() && server) {
            cmd.addAll(List.of("runuser", "-u", ES_USER, "--"));
        }
        cmd.addAll(List.of("env", "ES_JAVA_HOME=" + System.getProperty("java.home"), "ES_PATH_CONF=" + config));
        cmd.addAll(List.of(env));
        for (String a : args) {
            cmd.add(a.startsWith("bin/") ? home.resolve(a).toString() : a);
        }
        exec(cmd, START_LIMIT);
    }

    private static void exec(List<String> cmd, Duration limit) throws Exception {
        // Output to a file, not a pipe: the daemonized server would hold a pipe open. No stdin: the CLI reads it.
        Path out = Files.createTempFile("porttracer-es-cmd", ".out");
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
            if (!p.waitFor(limit.toSeconds(), TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(cmd.get(cmd.size() - 1) + " did not finish within " + limit);
            }
            if (p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", cmd.subList(0, Math.min(cmd.size(), 6))) + " ... exited "
                        + p.exitValue() + ": " + Files.readString(out));
            }
        } finally {
            Files.deleteIfExists(out);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void unzip(Path zip, Path into) throws IOException {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                Path target = into.resolve(e.getName()).normalize();
                if (!target.startsWith(into)) {
                    throw new IOException("zip entry outside its folder: " + e.getName());
                }
                if (e.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
