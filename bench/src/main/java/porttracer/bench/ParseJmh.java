package porttracer.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import porttracer.domain.MacEntry;
import porttracer.domain.Platform;
import porttracer.parse.ParseResult;
import porttracer.parse.Parsers;

/** JMH: one operation parses one scaled MAC-table capture of {@code lines} rows on one thread. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ParseJmh {

    @Param({"os10", "os9", "os6", "powerconnect"})
    public String platform;

    @Param({"200000"})
    public int lines;

    private Platform p;
    private String capture;

    @Setup(Level.Trial)
    public void setup() {
        p = Platform.of(platform);
        capture = Captures.scaled(p, lines);
        ParseResult<MacEntry> r = Parsers.macTable(capture);
        if (r.rows().size() != lines) {
            throw new IllegalStateException(platform + ": parsed " + r.rows().size() + " rows of " + lines
                    + ", unparsed " + r.unparsedLines().size());
        }
    }

    @Benchmark
    public ParseResult<MacEntry> macTable() {
        return Parsers.macTable(capture);
    }
}
