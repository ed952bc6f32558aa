package porttracer.parse;

import java.util.Objects;
import porttracer.domain.MacEntry;
import porttracer.domain.Platform;

/** Entry point to the Dell CLI parsers: one static method per command, dispatching on the platform. */
public final class Parsers {
    private Parsers() {
    }

    /**
     * {@code show mac address-table} on any platform, or {@code show bridge address-table} on
     * PowerConnect; on PowerConnect both the Radlan (55xx) and the FASTPATH (62xx/M-series) layouts are read.
     */
    public static ParseResult<MacEntry> macTable(Platform platform, String output) {
        Objects.requireNonNull(platform, "platform");
        return MacTableParser.parse(output);
    }
}
