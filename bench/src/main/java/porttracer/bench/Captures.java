package porttracer.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import porttracer.domain.Platform;

/**
 * MAC-table captures scaled up from the real fixtures: the fixture's header and trailer are kept and its
 * data rows repeated in turn, each copy with a distinct MAC written in the row's own notation and case.
 */
final class Captures {

    static final Pattern MAC = Pattern.compile(
            "\\b(?:[0-9A-Fa-f]{2}([:\\-])[0-9A-Fa-f]{2}(?:\\1[0-9A-Fa-f]{2}){4}|[0-9A-Fa-f]{4}\\.[0-9A-Fa-f]{4}\\.[0-9A-Fa-f]{4})\\b");

    private Captures() {
    }

    static Path fixtures() {
        String p = System.getProperty("porttracer.fixtures", System.getenv().getOrDefault("PORTTRACER_FIXTURES",
                "../shared/fixtures/dell-cli"));
        return Path.of(p);
    }

    /** The real capture each platform's figure is scaled from. */
    static Path fixture(Platform platform) {
        String rel = switch (platform) {
            case OS10 -> "dell_os10/show_mac_address_table/mfd_os10_address_filter.raw";
            case OS9 -> "dell_force10/show_mac_address_table/mfd_os9_address_filter.raw";
            case OS6 -> "dell_os6/show_mac_address_table/napalm_dellos6_n4032.raw";
            case POWERCONNECT -> "dell_powerconnect/show_mac_address_table/noc_powerconnect_5548_4.1.0.1.raw";
        };
        return fixtures().resolve(rel);
    }

    /** A capture with exactly {@code rows} data rows (and the fixture's header and trailer lines). */
    static String scaled(Platform platform, int rows) {
        String text;
        try {
            text = Files.readString(fixture(platform), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException("fixture for " + platform.id() + " (set PORTTRACER_FIXTURES)", e);
        }
        String[] lines = text.replace("\r\n", "\n").split("\n", -1);
        int first = -1;
        int last = -1;
        for (int i = 0; i < lines.length; i++) {
            if (MAC.matcher(lines[i]).find()) {
                first = first < 0 ? i : first;
                last = i;
            }
        }
        List<String> data = new ArrayList<>();
        for (int i = first; i <= last; i++) {
            if (MAC.matcher(lines[i]).find()) {
                data.add(lines[i]);
            }
        }
        StringBuilder sb = new StringBuilder(rows * (data.get(0).length() + 1) + 1024);
        for (int i = 0; i < first; i++) {
            sb.append(lines[i]).append('\n');
        }
        for (int r = 0; r < rows; r++) {
            String row = data.get(r % data.size());
            Matcher m = MAC.matcher(row);
            m.find();
            String mac = notation(m.group(), 0x3cfdfe000000L + r * 7L + 1);
            sb.append(row, 0, m.start()).append(mac).append(row, m.end(), row.length()).append('\n');
        }
        for (int i = last + 1; i < lines.length; i++) {
            sb.append(lines[i]);
            if (i < lines.length - 1) {
                sb.append('\n');
            }
        }
        return sb.toString();
    }

    /** {@code value} written like {@code like}: separator, grouping and case. */
    static String notation(String like, long value) {
        String hex = String.format(Locale.ROOT, "%012x", value);
        boolean upper = !like.equals(like.toLowerCase(Locale.ROOT));
        String out;
        if (like.charAt(4) == '.') {
            out = hex.substring(0, 4) + "." + hex.substring(4, 8) + "." + hex.substring(8);
        } else {
            char sep = like.charAt(2);
            StringBuilder b = new StringBuilder(17);
            for (int i = 0; i < 12; i += 2) {
                if (i > 0) {
                    b.append(sep);
                }
                b.append(hex, i, i + 2);
            }
            out = b.toString();
        }
        return upper ? out.toUpperCase(Locale.ROOT) : out;
    }
}
