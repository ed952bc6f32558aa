package porttracer.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/** The collector's index templates ({@code /es/*.json} on the classpath), flattened to field paths and types. */
final class IndexTemplates {

    record Template(String resource, List<String> patterns, Set<String> aliases, Map<String, String> fieldTypes) {

        boolean covers(String name) {
            return aliases.contains(name) || patterns.stream().anyMatch(p -> glob(p, name));
        }
    }

    private final List<Template> templates;

    private IndexTemplates(List<Template> templates) {
        this.templates = templates;
    }

    static IndexTemplates load() {
        ObjectMapper json = new ObjectMapper();
        List<Template> out = new ArrayList<>();
        for (String resource : resources("es/")) {
            try (InputStream in = IndexTemplates.class.getResourceAsStream("/" + resource)) {
                out.add(parse(resource, json.readTree(in)));
            } catch (IOException e) {
                throw new UncheckedIOException(resource, e);
            }
        }
        if (out.isEmpty()) {
            throw new IllegalStateException("no index templates under /es/ on the classpath");
        }
        return new IndexTemplates(out);
    }

    /** Templates as an Elasticsearch cluster holds them ({@code index_template} bodies by name). */
    static IndexTemplates of(Map<String, JsonNode> bodies) {
        List<Template> out = new ArrayList<>();
        bodies.forEach((name, body) -> out.add(parse(name, body)));
        return new IndexTemplates(out);
    }

    private static Template parse(String name, JsonNode t) {
        List<String> patterns = new ArrayList<>();
        t.path("index_patterns").forEach(p -> patterns.add(p.asText()));
        Set<String> aliases = new LinkedHashSet<>();
        t.path("template").path("aliases").fieldNames().forEachRemaining(aliases::add);
        Map<String, String> fields = new LinkedHashMap<>();
        flatten("", t.path("template").path("mappings").path("properties"), fields);
        return new Template(name, patterns, aliases, fields);
    }

    List<Template> all() {
        return templates;
    }

    /** The template whose alias or index pattern covers {@code name} (an alias or index a data view names). */
    Optional<Template> covering(String name) {
        return templates.stream().filter(t -> t.covers(name)).findFirst();
    }

    Set<String> aliases() {
        Set<String> all = new TreeSet<>();
        templates.forEach(t -> all.addAll(t.aliases()));
        return all;
    }

    private static void flatten(String prefix, JsonNode properties, Map<String, String> out) {
        for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            String path = prefix + f.getKey();
            JsonNode def = f.getValue();
            if (def.has("properties")) {
                flatten(path + ".", def.get("properties"), out);
            } else {
                out.put(path, def.path("type").asText("object"));
            }
            def.path("fields").fields().forEachRemaining(sub -> out.put(path + "." + sub.getKey(),
                    sub.getValue().path("type").asText()));
        }
    }

    /** Index-pattern globbing as Elasticsearch does it: {@code *} matches any run of characters. */
    static boolean glob(String pattern, String name) {
        String regex = ("\\Q" + pattern + "\\E").replace("*", "\\E.*\\Q");
        return name.matches(regex);
    }

    /** The {@code .json} resources in one classpath folder, whether it is a directory or inside a jar. */
    private static List<String> resources(String folder) {
        URL url = IndexTemplates.class.getClassLoader().getResource(folder);
        if (url == null) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        try {
            if ("jar".equals(url.getProtocol())) {
                var jar = ((JarURLConnection) url.openConnection()).getJarFile();
                jar.stream().map(e -> e.getName())
                        .filter(n -> n.startsWith(folder) && n.endsWith(".json") && n.indexOf('/', folder.length()) < 0)
                        .forEach(names::add);
            } else {
                try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
                    files.map(p -> folder + p.getFileName()).filter(n -> n.endsWith(".json")).forEach(names::add);
                }
            }
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException("cannot list " + url, e);
        }
        names.sort(null);
        return names;
    }
}
