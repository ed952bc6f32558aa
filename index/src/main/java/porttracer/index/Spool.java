package porttracer.index;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * A bounded first-in first-out queue of JSON entries on disk: what the collector could not yet
 * write to Elasticsearch. One file per entry, named by a sequence number so that the order
 * survives a restart; written to a temporary name first and renamed, so a crash never leaves half
 * an entry.
 */
final class Spool {

    private final Path dir;
    private final int maxEntries;
    private final ObjectMapper json;
    private final AtomicLong seq;

    Spool(Path dir, int maxEntries, ObjectMapper json) throws IOException {
        this.dir = dir;
        this.maxEntries = maxEntries;
        this.json = json;
        Files.createDirectories(dir);
        this.seq = new AtomicLong(files().stream().mapToLong(Spool::seqOf).max().orElse(0));
    }

    synchronized void append(SpoolEntry entry) throws IOException {
        if (size() >= maxEntries) {
            throw new IOException("spool full (" + maxEntries + " entries) while Elasticsearch is unavailable");
        }
        long n = seq.incrementAndGet();
        Path tmp = dir.resolve(String.format("%019d.tmp", n));
        json.writeValue(tmp.toFile(), entry);
        Files.move(tmp, dir.resolve(String.format("%019d.json", n)), StandardCopyOption.ATOMIC_MOVE);
    }

    /** The oldest entry and its file, without removing it. */
    synchronized Optional<Path> oldest() throws IOException {
        return files().stream().findFirst();
    }

    SpoolEntry read(Path file) throws IOException {
        return json.readValue(file.toFile(), SpoolEntry.class);
    }

    synchronized void remove(Path file) throws IOException {
        Files.deleteIfExists(file);
    }

    /** Moves an entry that cannot be replayed out of the queue, into {@code rejected/}. */
    synchronized void reject(Path file) throws IOException {
        Path dead = dir.resolve("rejected");
        Files.createDirectories(dead);
        Files.move(file, dead.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
    }

    synchronized int size() throws IOException {
        return files().size();
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> out = new ArrayList<>(s.filter(p -> p.getFileName().toString().endsWith(".json")).toList());
            out.sort(Comparator.comparingLong(Spool::seqOf));
            return out;
        }
    }

    private static long seqOf(Path p) {
        String name = p.getFileName().toString();
        return Long.parseLong(name.substring(0, name.indexOf('.')));
    }
}
