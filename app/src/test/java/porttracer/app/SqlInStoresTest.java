package porttracer.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The house rule of issue 11: every SQL statement of the product lives in a store class (package
 * porttracer.store), none in a file that defines HTTP routes or anywhere else. Flyway's migrations
 * (db/migration, Quartz's own tables included) are exempt.
 */
class SqlInStoresTest {

    private static final Path ROOT = Repo.root();
    /** The start of a string literal that is a statement (or its first part, before a concatenation). */
    private static final Pattern SQL = Pattern.compile("(?is)^\\s*(select\\s+\\S.*?\\sfrom\\s+[a-z_][\\w.]*"
            + "(\\s*$|.*(\\bwhere\\b|\\bjoin\\b|\\border\\s+by\\b|\\bgroup\\s+by\\b|\\blimit\\b|[?*_]|\\.\\w))"
            + "|select\\s+(\\d|to_regclass|count|now)"
            + "|insert\\s+into\\s|update\\s+\\w+\\s+set\\s|delete\\s+from\\s|truncate\\s|with\\s+\\w+\\s+as\\s*\\("
            + "|create\\s+(table|index|unique|or\\s+replace)|alter\\s+table\\s|drop\\s+(table|index)\\s|merge\\s+into\\s).*");

    @Test
    void noSqlStatementOutsideTheStorePackage() throws IOException {
        List<String> found = new ArrayList<>();
        for (Path file : mainSources()) {
            if (exempt(file)) {
                continue;
            }
            for (String literal : literals(Files.readString(file))) {
                if (SQL.matcher(literal).matches()) {
                    found.add(ROOT.relativize(file) + ": " + literal.strip().lines().findFirst().orElse(""));
                }
            }
        }
        assertThat(found).as("SQL outside porttracer.store: move it into a store class").isEmpty();
    }

    /** The check sees the statements where they belong, so an empty result above is not a blind scan. */
    @Test
    void theStoresAreScannedAndTheirStatementsRecognised() throws IOException {
        int inStores = 0;
        for (Path file : mainSources()) {
            if (file.toString().replace('\\', '/').contains("/porttracer/store/")) {
                inStores += (int) literals(Files.readString(file)).stream().filter(l -> SQL.matcher(l).matches()).count();
            }
        }
        assertThat(inStores).as("SQL literals found in porttracer.store").isGreaterThan(20);
        assertThat(mainSources()).anyMatch(f -> f.endsWith(Path.of("porttracer/search/ApiServer.java")));
    }

    @Test
    void recognisesTheShapesSqlTakesInJavaSource() {
        String source = """
                class X {
                    // "select id from site" in a comment is no statement
                    /* nor "delete from x" here */
                    String a = "select id from floor where site_id = " + 3 + " and name = ?";
                    String b = \"""
                            insert into site(name)
                            values (?) returning id\""";
                    String c = "update switch set host_key = null where id = ?";
                    String d = "delete from port_override where switch_id = ?";
                    String e = "truncate site, floor restart identity cascade";
                    char q = '"';
                    String f = "with valid as (select 1) select * from valid";
                    String g = "select 1";
                    String prose = "select a switch from the list";
                    String updated = "updated switch settings";
                    String h = "select name from site";
                    String k = "select " + col.key() + ", " + col.column() + " from " + col.table() + " where "
                            + col.column() + " is not null";
                }
                """;
        List<String> sql = literals(source).stream().filter(l -> SQL.matcher(l).matches()).toList();
        assertThat(sql).hasSize(9);
        assertThat(sql).noneMatch(l -> l.contains("a switch from the list") || l.contains("updated"));
    }

    private static List<Path> mainSources() throws IOException {
        List<Path> out = new ArrayList<>();
        try (Stream<Path> modules = Files.list(ROOT)) {
            for (Path module : modules.filter(m -> Files.isDirectory(m.resolve("src/main/java"))).toList()) {
                try (Stream<Path> files = Files.walk(module.resolve("src/main/java"))) {
                    files.filter(f -> f.toString().endsWith(".java")).forEach(out::add);
                }
            }
        }
        return out;
    }

    private static boolean exempt(Path file) {
        String p = file.toString().replace('\\', '/');
        return p.contains("/porttracer/store/") || p.contains("/db/migration/");
    }

    /**
     * The string literals and text blocks of Java source, comments and char literals skipped; literals joined by
     * {@code +} within one expression come as one string, an "x" for each value between them (SQL built by
     * concatenation is still SQL).
     */
    static List<String> literals(String src) {
        List<String> out = new ArrayList<>();
        int lastEnd = -1;
        int i = 0;
        int n = src.length();
        while (i < n) {
            char c = src.charAt(i);
            if (src.startsWith("//", i)) {
                int end = src.indexOf('\n', i);
                i = end < 0 ? n : end + 1;
            } else if (src.startsWith("/*", i)) {
                int end = src.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else if (src.startsWith("\"\"\"", i) || c == '"') {
                int open = src.startsWith("\"\"\"", i) ? 3 : 1;
                int end = closing(src, i + open, open == 3 ? "\"\"\"" : "\"");
                String literal = src.substring(i + open, end);
                if (lastEnd >= 0 && joined(src.substring(lastEnd, i))) {
                    out.set(out.size() - 1, out.get(out.size() - 1) + " x " + literal);
                } else {
                    out.add(literal);
                }
                i = end + open;
                lastEnd = i;
            } else if (c == '\'') {
                i = closing(src, i + 1, "'") + 1;
            } else {
                i++;
            }
        }
        return out;
    }

    /** Whether the code between two literals continues one concatenation. */
    private static boolean joined(String between) {
        return between.contains("+") && between.chars().noneMatch(ch -> ch == ';' || ch == '{' || ch == '}');
    }

    /** Where {@code quote} closes the literal opened before {@code from}, skipping escapes. */
    private static int closing(String src, int from, String quote) {
        int i = from;
        while (i < src.length() && !src.startsWith(quote, i)) {
            i += src.charAt(i) == '\\' ? 2 : 1;
        }
        return Math.min(i, src.length());
    }
}
