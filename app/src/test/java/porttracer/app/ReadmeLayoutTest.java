package porttracer.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** README's Layout table names every top-level folder and module, and no folder that is gone. */
class ReadmeLayoutTest {

    private static final Path ROOT = Repo.root();

    @Test
    void layoutTableMatchesTheFoldersAndTheModules() throws Exception {
        String readme = Files.readString(ROOT.resolve("README.md"));
        String section = readme.substring(readme.indexOf("## Layout"));
        section = section.substring(0, section.indexOf("\n## ", 1));
        Set<String> rows = new TreeSet<>();
        Matcher m = Pattern.compile("(?m)^\\| `([^`/]+)/` \\|").matcher(section);
        while (m.find()) {
            rows.add(m.group(1));
        }
        Set<String> folders = new TreeSet<>();
        try (Stream<Path> top = Files.list(ROOT)) {
            // Hidden folders are tooling (.git, .local) except .ci, which the table names; target is build output.
            top.filter(Files::isDirectory).map(p -> p.getFileName().toString())
                    .filter(n -> !n.startsWith(".") || n.equals(".ci")).filter(n -> !n.equals("target"))
                    .forEach(folders::add);
        }
        assertThat(rows).isEqualTo(folders);
        Set<String> modules = new TreeSet<>();
        Matcher mod = Pattern.compile("<module>([^<]+)</module>").matcher(Files.readString(ROOT.resolve("pom.xml")));
        while (mod.find()) {
            modules.add(mod.group(1));
        }
        assertThat(rows).containsAll(modules);
    }
}
