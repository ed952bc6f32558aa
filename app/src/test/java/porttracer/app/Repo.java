package porttracer.app;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository's root folder (tests run from a module folder). */
final class Repo {

    private Repo() {
    }

    static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        for (Path d = dir; d != null; d = d.getParent()) {
            if (Files.isRegularFile(d.resolve("porttracer")) && Files.isDirectory(d.resolve("app"))) {
                return d;
            }
        }
        throw new IllegalStateException("no repository root above " + dir);
    }
}
