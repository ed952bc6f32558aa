package porttracer.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packages of main code depend on each other one way only (issue 11: collect → index → store → core),
 * read from the sources' imports and qualified names, so that a cycle fails here rather than in a review.
 */
class PackageGraphTest {

    private static final Pattern PACKAGE = Pattern.compile("(?m)^package\\s+([\\w.]+)\\s*;");
    // A reference to a class of another package: an import (static or not) or a fully qualified name in code.
    private static final Pattern REFERENCE = Pattern.compile("\\b(porttracer(?:\\.[a-z]\\w*)+|db\\.migration)\\.(?:[A-Z]|\\*)");
    private static final Pattern COMMENTS_AND_STRINGS =
            Pattern.compile("/\\*.*?\\*/|//[^\\n]*|\"(?:\\\\.|[^\"\\\\])*\"|'(?:\\\\.|[^'\\\\])'", Pattern.DOTALL);

    @Test
    void mainPackagesFormNoCycle() {
        Map<String, Set<String>> graph = graph(mainSources());
        assertThat(graph).containsKeys("porttracer.collect", "porttracer.index", "porttracer.store",
                "porttracer.search", "porttracer.app");
        assertThat(cycle(graph)).as("a cycle among main packages; the graph: %s", graph).isEmpty();
    }

    @Test
    void layersRunOneWay() {
        Map<String, Set<String>> graph = graph(mainSources());
        // The lower layers never reach up: the index knows no collector, the store knows no index.
        assertThat(graph.get("porttracer.index")).doesNotContain("porttracer.collect", "porttracer.events",
                "porttracer.search", "porttracer.alert");
        assertThat(graph.get("porttracer.store")).doesNotContain("porttracer.index", "porttracer.collect",
                "porttracer.alert");
        assertThat(graph.get("porttracer.search")).doesNotContain("porttracer.collect", "porttracer.events");
    }

    @Test
    void lowerModulesPackagesSayTheirJob() {
        for (String dir : List.of("store/src/main/java/porttracer/store", "store/src/main/java/porttracer/secure",
                "index/src/main/java/porttracer/index", "index/src/main/java/porttracer/alert")) {
            assertThat(Repo.root().resolve(dir).resolve("package-info.java")).as(dir).isRegularFile();
        }
    }

    @Test
    void everyMainPackageSaysItsJob() {
        List<Path> missing = mainSources().stream().map(Path::getParent).distinct()
                .filter(dir -> !Files.isRegularFile(dir.resolve("package-info.java"))).toList();
        assertThat(missing).as("main packages without a package-info.java").isEmpty();
    }

    @Test
    void aCycleIsFound() {
        // The check itself can fail: a → b → c → a is reported, a → b → c is not.
        Map<String, Set<String>> looped = Map.of("a", Set.of("b"), "b", Set.of("c"), "c", Set.of("a"));
        assertThat(cycle(looped)).containsExactly("a", "b", "c", "a");
        assertThat(cycle(Map.of("a", Set.of("b"), "b", Set.of("c")))).isEmpty();
    }

    @Test
    void importsAndQualifiedNamesCountCommentsAndStringsDoNot(@TempDir Path dir) throws IOException {
        Path a = Files.writeString(dir.resolve("A.java"), """
                package porttracer.a;
                import porttracer.b.sub.B;
                import static porttracer.c.C.helper;
                import porttracer.d.*;
                /** Not {@link porttracer.e.E}. */
                class A { porttracer.f.F f; String s = "porttracer.g.G"; } // porttracer.h.H
                """);
        assertThat(graph(List.of(a))).containsExactly(Map.entry("porttracer.a",
                new TreeSet<>(Set.of("porttracer.b.sub", "porttracer.c", "porttracer.d", "porttracer.f"))));
    }

    private static List<Path> mainSources() {
        List<Path> out = new ArrayList<>();
        try (Stream<Path> modules = Files.list(Repo.root())) {
            for (Path module : modules.toList()) {
                Path main = module.resolve("src/main/java");
                if (Files.isDirectory(main)) {
                    try (Stream<Path> files = Files.walk(main)) {
                        files.filter(f -> f.toString().endsWith(".java")).forEach(out::add);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(out).hasSizeGreaterThan(100);
        return out;
    }

    /** Package → the other packages its classes name. */
    static Map<String, Set<String>> graph(List<Path> sources) {
        Map<String, Set<String>> graph = new TreeMap<>();
        for (Path f : sources) {
            String text;
            try {
                text = Files.readString(f);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Matcher p = PACKAGE.matcher(text);
            if (!p.find()) {
                continue;
            }
            String pkg = p.group(1);
            Set<String> uses = graph.computeIfAbsent(pkg, k -> new TreeSet<>());
            Matcher ref = REFERENCE.matcher(COMMENTS_AND_STRINGS.matcher(text).replaceAll(" "));
            while (ref.find()) {
                if (!ref.group(1).equals(pkg)) {
                    uses.add(ref.group(1));
                }
            }
        }
        return graph;
    }

    /** One cycle of the graph as a path that ends where it starts, or empty when there is none. */
    static List<String> cycle(Map<String, Set<String>> graph) {
        Map<String, Integer> state = new TreeMap<>();
        for (String start : new TreeSet<>(graph.keySet())) {
            List<String> path = new ArrayList<>();
            List<String> found = visit(start, graph, state, path);
            if (!found.isEmpty()) {
                return found;
            }
        }
        return List.of();
    }

    // Depth first: 1 = on the current path, 2 = done; meeting a node on the path closes a cycle.
    private static List<String> visit(String node, Map<String, Set<String>> graph, Map<String, Integer> state,
                                      List<String> path) {
        Integer s = state.get(node);
        if (s != null && s == 2) {
            return List.of();
        }
        if (s != null) {
            List<String> loop = new ArrayList<>(path.subList(path.indexOf(node), path.size()));
            loop.add(node);
            return loop;
        }
        state.put(node, 1);
        path.add(node);
        for (String next : new TreeSet<>(graph.getOrDefault(node, Set.of()))) {
            List<String> found = visit(next, graph, state, path);
            if (!found.isEmpty()) {
                return found;
            }
        }
        path.remove(path.size() - 1);
        state.put(node, 2);
        return List.of();
    }
}
