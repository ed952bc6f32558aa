package porttracer.vendor;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import porttracer.domain.MacAddress;

/**
 * MAC vendor names from the IEEE registry as Debian's {@code ieee-data} package ships and keeps
 * it current ({@code oui.csv} for 24-bit, {@code mam.csv} 28-bit and {@code oui36.csv} 36-bit
 * assignments). Longest prefix wins. {@link #refreshIfChanged()} reloads when the files change.
 */
public final class OuiRegistry {

    private record Snapshot(Map<Long, String> byPrefix24, Map<Long, String> byPrefix28, Map<Long, String> byPrefix36,
                            FileTime stamp) {
    }

    private static final CsvMapper CSV = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY)
            .enable(CsvParser.Feature.SKIP_EMPTY_LINES);

    private final Path dir;
    private volatile Snapshot data;

    private OuiRegistry(Path dir, Snapshot data) {
        this.dir = dir;
        this.data = data;
    }

    /** Loads from {@code dir}; a missing directory gives an empty registry (vendor unknown). */
    public static OuiRegistry load(Path dir) throws IOException {
        return new OuiRegistry(dir, read(dir));
    }

    public int size() {
        Snapshot d = data;
        return d.byPrefix24.size() + d.byPrefix28.size() + d.byPrefix36.size();
    }

    /** The organisation the MAC's prefix is assigned to, or null (unknown, or locally administered). */
    public String vendor(MacAddress mac) {
        Snapshot d = data;
        long v = mac.value();
        String name = d.byPrefix36.get(v >>> 12);
        if (name == null) {
            name = d.byPrefix28.get(v >>> 20);
        }
        if (name == null) {
            name = d.byPrefix24.get(v >>> 24);
        }
        return name;
    }

    /** Reloads when the registry files changed on disk (e.g. after {@code update-ieee-data}). */
    public boolean refreshIfChanged() throws IOException {
        if (stamp(dir).equals(data.stamp)) {
            return false;
        }
        data = read(dir);
        return true;
    }

    private static Snapshot read(Path dir) throws IOException {
        return new Snapshot(table(dir.resolve("oui.csv"), 6), table(dir.resolve("mam.csv"), 7),
                table(dir.resolve("oui36.csv"), 9), stamp(dir));
    }

    private static FileTime stamp(Path dir) throws IOException {
        Path f = dir.resolve("oui.csv");
        return Files.exists(f) ? Files.getLastModifiedTime(f) : FileTime.fromMillis(0);
    }

    /** Columns: Registry, Assignment (hex prefix of {@code digits}), Organization Name, Address. */
    private static Map<Long, String> table(Path file, int digits) throws IOException {
        Map<Long, String> out = new HashMap<>();
        if (!Files.exists(file)) {
            return out;
        }
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             MappingIterator<List<String>> rows = CSV.readerForListOf(String.class)
                     .with(CsvSchema.emptySchema()).readValues(r)) {
            while (rows.hasNext()) {
                List<String> row = rows.next();
                if (row.size() < 3) {
                    continue;
                }
                String hex = row.get(1).strip().toLowerCase(Locale.ROOT);
                if (hex.length() != digits || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
                    continue;
                }
                String name = row.get(2).strip();
                if (!name.isEmpty()) {
                    out.put(Long.parseLong(hex, 16), name);
                }
            }
        }
        return out;
    }
}
