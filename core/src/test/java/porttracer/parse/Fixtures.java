package porttracer.parse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Stream;

/** Locates and reads the shared Dell CLI captures and their expected parses. */
final class Fixtures {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final YAMLMapper YAML = new YAMLMapper();
    private static Path root;

    private Fixtures() {
    }

    static synchronized Path root() {
        if (root == null) {
            root = locate();
        }
        return root;
    }

    private static Path locate() {
        String prop = System.getProperty("porttracer.fixtures");
        if (prop != null && Files.isDirectory(Paths.get(prop))) {
            return Paths.get(prop).normalize();
        }
        for (Path dir = Paths.get("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/fixtures/dell-cli");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("cannot find shared/fixtures/dell-cli; set -Dporttracer.fixtures");
    }

    static Path path(String relative) {
        return root().resolve(relative);
    }

    static String raw(String relative) {
        try {
            return Files.readString(path(relative), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode json(String relative) {
        try {
            return JSON.readTree(path(relative).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The {@code parsed_sample} list of an ntc-templates expected file. */
    static JsonNode ntcSample(String relative) {
        try {
            return YAML.readTree(path(relative).toFile()).get("parsed_sample");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every .raw capture of one platform/command folder, for coverage checks. */
    static List<String> raws(String folder) {
        try (Stream<Path> s = Files.list(path(folder))) {
            return s.filter(p -> p.toString().endsWith(".raw"))
                    .map(p -> folder + "/" + p.getFileName())
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
