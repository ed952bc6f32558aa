package porttracer.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * ./porttracer help lists every command the launcher, the Java launcher (Main) and the benchmark runner
 * (BenchMain) accept, one line each: the commands are read from their sources, so a new one without a help
 * line fails here.
 */
class LauncherHelpTest {

    private static final Path ROOT = Repo.root();

    @Test
    void helpListsEveryCommandOfTheLauncherMainAndBench() throws Exception {
        String help = run("help");
        assertThat(run("--help")).isEqualTo(help);
        Set<String> launcher = launcherCommands();
        assertThat(launcher).contains("demo", "test", "bench", "services", "loadtest", "help");
        Set<String> java = javaCommands(ROOT.resolve("app/src/main/java/porttracer/app/Main.java"));
        assertThat(java).contains("collector", "api", "trace", "search", "probe", "user", "rotate-key");
        Set<String> bench = javaCommands(ROOT.resolve("bench/src/main/java/porttracer/bench/BenchMain.java"));
        assertThat(bench).contains("parse", "trace", "poll", "reverify", "freshness");
        List<String> missing = new ArrayList<>();
        for (String c : union(launcher, java)) {
            if (!Pattern.compile("(?m)^  " + Pattern.quote(c) + "( |$)").matcher(help).find()) {
                missing.add(c);
            }
        }
        for (String b : bench) {
            if (!Pattern.compile("(?m)^    bench " + Pattern.quote(b) + "( |$)").matcher(help).find()) {
                missing.add("bench " + b);
            }
        }
        assertThat(missing).as("commands without a line in ./porttracer help:\n" + help).isEmpty();
    }

    @Test
    void servicesUsageListsEveryCommand() throws Exception {
        String script = Files.readString(ROOT.resolve("scripts/services.sh"));
        Matcher m = Pattern.compile("(?m)^  ([a-z-]+)\\)").matcher(script);
        Process p = new ProcessBuilder("bash", ROOT.resolve("scripts/services.sh").toString(), "no-such-command")
                .redirectErrorStream(true).start();
        String usage = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(2);
        int n = 0;
        while (m.find()) {
            n++;
            assertThat(usage).as("services.sh usage").containsPattern("[ |]" + Pattern.quote(m.group(1)) + "[ |]");
        }
        assertThat(n).isGreaterThanOrEqualTo(8);
    }

    /** The first-level arms of the launcher's case statement (alternatives included, options left out). */
    private static Set<String> launcherCommands() throws Exception {
        String script = Files.readString(ROOT.resolve("porttracer"));
        String body = script.substring(script.indexOf("case \"$cmd\" in"));
        Set<String> out = new TreeSet<>();
        Matcher m = Pattern.compile("(?m)^  ([a-z*][a-z|*-]*)\\)").matcher(body);
        while (m.find()) {
            for (String alt : m.group(1).split("\\|")) {
                if (!alt.startsWith("-") && !alt.equals("*")) {
                    out.add(alt);
                }
            }
        }
        return out;
    }

    /** The commands a Java dispatcher compares its first argument with: case "x" and args[0].equals("x"). */
    private static Set<String> javaCommands(Path source) throws Exception {
        String java = Files.readString(source);
        Set<String> out = new TreeSet<>();
        Matcher m = Pattern.compile("case \"([a-z-]+)\" ->|args\\[0]\\.equals\\(\"([a-z-]+)\"\\)").matcher(java);
        while (m.find()) {
            String c = m.group(1) != null ? m.group(1) : m.group(2);
            if (!c.equals("help") && !c.startsWith("-")) {
                out.add(c);
            }
        }
        return out;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> s = new TreeSet<>(a);
        s.addAll(b);
        return s;
    }

    private static String run(String arg) throws Exception {
        Process p = new ProcessBuilder("bash", ROOT.resolve("porttracer").toString(), arg).directory(ROOT.toFile())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }
}
