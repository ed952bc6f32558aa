package porttracer.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import porttracer.domain.ArpEntry;
import porttracer.domain.LldpNeighbor;
import porttracer.domain.MacAddress;
import porttracer.domain.MacEntry;
import porttracer.domain.Platform;
import porttracer.domain.PortInfo;
import porttracer.domain.VersionInfo;
import porttracer.domain.VlanInfo;
import porttracer.parse.ParseResult;
import porttracer.parse.Parsers;

/**
 * Seeded fuzzing of the parsers: real captures and simulator output, mutated (lines deleted, duplicated,
 * swapped, truncated mid-line, garbage bytes, tabs, CRLF, 100 000-character lines, shifted columns),
 * through every parser. Nothing may throw; every MAC returned occurs in the input; VLANs are 1..4094;
 * unparsed lines are lines of the input; a line holding a MAC address either yields a row with it or is
 * reported unparsed. A failure prints the seed and case number that reproduce it.
 */
class ParserFuzzTest {
    private static final long SEED = Long.getLong("porttracer.fuzz.seed", 20261126L);
    private static final int CASES = Integer.getInteger("porttracer.fuzz.cases", 120_000);
    private static final Path FIXTURES = Path.of(System.getProperty("porttracer.fixtures", "../../shared/fixtures/dell-cli"));

    enum Kind { MAC_TABLE, INTERFACES, SWITCHPORT, LLDP, LLDP_DETAIL, ARP, VLAN, VERSION }

    private record Input(String name, Kind kind, Platform platform, String text) {
    }

    private static final Map<String, Kind> FOLDERS = Map.ofEntries(Map.entry("show_arp", Kind.ARP),
            Map.entry("show_mac_address_table", Kind.MAC_TABLE), Map.entry("show_bridge_address_table", Kind.MAC_TABLE),
            Map.entry("show_interfaces_status", Kind.INTERFACES), Map.entry("show_interfaces_description", Kind.INTERFACES),
            Map.entry("show_interfaces_switchport", Kind.SWITCHPORT), Map.entry("show_lldp_neighbors", Kind.LLDP),
            Map.entry("show_lldp_remote_device_all", Kind.LLDP), Map.entry("show_lldp_neighbors_detail", Kind.LLDP_DETAIL),
            Map.entry("show_lldp_remote_device_detail", Kind.LLDP_DETAIL), Map.entry("show_vlan", Kind.VLAN),
            Map.entry("show_version", Kind.VERSION));
    private static final Map<String, Platform> PLATFORMS = Map.of("dell_force10", Platform.OS9, "dell_os10", Platform.OS10,
            "dell_os6", Platform.OS6, "dell_powerconnect", Platform.POWERCONNECT);

    @Test
    void parsersSurviveMutatedCaptures() throws IOException {
        List<Input> corpus = corpus();
        Random random = new Random(SEED);
        Kind[] kinds = Kind.values();
        for (int i = 0; i < CASES; i++) {
            Input seed = corpus.get(random.nextInt(corpus.size()));
            String text = mutate(seed.text(), random);
            // now and then a parser meets another command's output
            Kind kind = random.nextInt(10) == 0 ? kinds[random.nextInt(kinds.length)] : seed.kind();
            try {
                check(kind, seed.platform(), text);
            } catch (Throwable e) {
                String shown = text.length() > 3000 ? text.substring(0, 3000) + "..." : text;
                String why = String.valueOf(e.getMessage());
                throw new AssertionError("case " + i + " (seed " + SEED + ") " + kind + " on mutated " + seed.name() + ": "
                        + e.getClass().getSimpleName() + " " + (why.length() > 300 ? why.substring(0, 300) : why)
                        + "\n" + shown, e);
            }
        }
    }

    private static List<Input> corpus() throws IOException {
        List<Input> corpus = new ArrayList<>();
        try (Stream<Path> files = Files.walk(FIXTURES)) {
            for (Path raw : files.filter(p -> p.toString().endsWith(".raw")).sorted().toList()) {
                Path rel = FIXTURES.relativize(raw);
                corpus.add(new Input(rel.toString(), FOLDERS.get(rel.getName(1).toString()),
                        PLATFORMS.get(rel.getName(0).toString()), Files.readString(raw, StandardCharsets.UTF_8)));
            }
        }
        Fleet fleet = Fleet.generate(new FleetSpec(5, 1, 2, 2, 12,
                List.of(Platform.OS6, Platform.OS10, Platform.OS9, Platform.POWERCONNECT), Platform.OS6));
        Map<String, Kind> commands = new LinkedHashMap<>(); // a fixed order keeps the corpus, so the seed, reproducible
        commands.put("show mac address-table", Kind.MAC_TABLE);
        commands.put("show interfaces status", Kind.INTERFACES);
        commands.put("show interfaces description", Kind.INTERFACES);
        commands.put("show interfaces switchport", Kind.SWITCHPORT);
        commands.put("show vlan", Kind.VLAN);
        commands.put("show lldp neighbors", Kind.LLDP);
        commands.put("show lldp remote-device all", Kind.LLDP);
        commands.put("show lldp neighbors detail", Kind.LLDP_DETAIL);
        commands.put("show arp", Kind.ARP);
        commands.put("show version", Kind.VERSION);
        for (SimSwitch sw : fleet.switches()) {
            Session session = new Session(new SwitchView(fleet, sw), Dialect.of(sw.platform()));
            commands.forEach((command, kind) -> {
                String out = session.execute(command).text();
                if (!out.startsWith("%") && !out.contains("% ")) {
                    corpus.add(new Input(sw.name() + ": " + command, kind, sw.platform(), out));
                }
            });
        }
        assertThat(corpus).hasSizeGreaterThan(100);
        return corpus;
    }

    // ---- mutations

    private static String mutate(String text, Random r) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        int count = 1 + r.nextInt(4);
        boolean crlf = false;
        for (int m = 0; m < count; m++) {
            int at = r.nextInt(lines.size());
            switch (r.nextInt(11)) {
                case 0 -> lines.remove(at);
                case 1 -> lines.add(at, lines.get(at));
                case 2 -> {
                    int other = r.nextInt(lines.size());
                    String a = lines.get(at);
                    lines.set(at, lines.get(other));
                    lines.set(other, a);
                }
                case 3 -> lines.set(at, cut(lines.get(at), r));
                case 4 -> lines.set(at, inject(lines.get(at), garbage(r, 1 + r.nextInt(8)), r));
                case 5 -> lines.set(at, lines.get(at).replace(' ', '\t'));
                case 6 -> crlf = true;
                case 7 -> lines.set(at, r.nextInt(40) == 0 ? longLine(lines.get(at), r) : inject(lines.get(at), " ", r));
                case 8 -> shiftColumns(lines, r);
                case 9 -> lines.set(at, deleteChar(lines.get(at), r));
                default -> lines.add(at, garbage(r, r.nextInt(60)));
            }
            if (lines.isEmpty()) {
                lines.add("");
            }
        }
        String joined = String.join(crlf ? "\r\n" : "\n", lines);
        return r.nextInt(8) == 0 ? cut(joined, r) : joined;
    }

    private static String cut(String s, Random r) {
        return s.isEmpty() ? s : s.substring(0, r.nextInt(s.length()));
    }

    private static String inject(String s, String what, Random r) {
        int at = r.nextInt(s.length() + 1);
        return s.substring(0, at) + what + s.substring(at);
    }

    private static String deleteChar(String s, Random r) {
        if (s.isEmpty()) {
            return s;
        }
        int at = r.nextInt(s.length());
        return s.substring(0, at) + s.substring(at + 1);
    }

    /** One line of about 100 000 characters: the line repeated, or one run of a character. */
    private static String longLine(String s, Random r) {
        if (!s.isBlank() && r.nextBoolean()) {
            StringBuilder b = new StringBuilder(100_100);
            while (b.length() < 100_000) {
                b.append(s).append(' ');
            }
            return b.toString();
        }
        return s + String.valueOf((char) ('!' + r.nextInt(90))).repeat(100_000);
    }

    /** Inserts or removes blanks at one column in every line from a random one on: a misaligned table. */
    private static void shiftColumns(List<String> lines, Random r) {
        int column = r.nextInt(80);
        boolean insert = r.nextBoolean();
        int width = 1 + r.nextInt(3);
        for (int i = r.nextInt(lines.size()); i < lines.size(); i++) {
            String s = lines.get(i);
            if (s.length() <= column) {
                continue;
            }
            if (insert) {
                lines.set(i, s.substring(0, column) + " ".repeat(width) + s.substring(column));
            } else {
                lines.set(i, s.substring(0, column) + s.substring(Math.min(s.length(), column + width)));
            }
        }
    }

    private static final String GARBAGE = "\u0000\u0007\b\u001b[0m\u00ff\u00a0\ufffd\u2028\ud83d\ude00*:-/.,()#>|=\t\r";

    private static String garbage(Random r, int length) {
        StringBuilder b = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            b.append(r.nextBoolean() ? GARBAGE.charAt(r.nextInt(GARBAGE.length())) : (char) (32 + r.nextInt(95)));
        }
        return b.toString();
    }

    // ---- invariants

    private static void check(Kind kind, Platform platform, String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        switch (kind) {
            case MAC_TABLE -> {
                ParseResult<MacEntry> r = Parsers.macTable(text);
                Set<MacAddress> macs = new HashSet<>();
                for (MacEntry e : r.rows()) {
                    macInInput(e.mac(), lower);
                    vlan(e.vlan());
                    macs.add(e.mac());
                }
                accounted(r, text, macs);
            }
            case ARP -> {
                ParseResult<ArpEntry> r = Parsers.arp(text);
                Set<MacAddress> macs = new HashSet<>();
                for (ArpEntry e : r.rows()) {
                    macInInput(e.mac(), lower);
                    if (e.vlan() != null) {
                        vlan(e.vlan());
                    }
                    assertThat(text).contains(e.ip());
                    macs.add(e.mac());
                }
                accounted(r, text, macs);
            }
            case INTERFACES -> ports(Parsers.interfaces(text), text);
            case SWITCHPORT -> ports(Parsers.switchport(text), text);
            case LLDP -> neighbours(Parsers.lldp(text), text);
            case LLDP_DETAIL -> neighbours(Parsers.lldpDetail(text), text);
            case VLAN -> {
                ParseResult<VlanInfo> r = Parsers.vlans(text);
                for (VlanInfo v : r.rows()) {
                    vlan(v.id());
                    if (v.name() != null) {
                        assertThat(text).contains(v.name());
                    }
                }
                unparsedAreLines(r, text);
            }
            case VERSION -> {
                VersionInfo v = Parsers.version(text);
                for (String field : new String[] {v.model(), v.osVersion(), v.serial(), v.serviceTag()}) {
                    if (field != null) {
                        assertThat(field).isNotBlank();
                        assertThat(text).contains(field);
                    }
                }
            }
        }
    }

    private static void ports(ParseResult<PortInfo> r, String text) {
        for (PortInfo p : r.rows()) {
            assertThat(p.port()).isNotNull();
            if (p.pvid() != null) {
                vlan(p.pvid());
            }
            if (p.vlans() != null) {
                p.vlans().forEach(ParserFuzzTest::vlan);
            }
        }
        unparsedAreLines(r, text);
    }

    private static void neighbours(ParseResult<LldpNeighbor> r, String text) {
        for (LldpNeighbor n : r.rows()) {
            assertThat(n.localPort()).isNotNull();
            assertThat(n.chassisId() != null || n.portId() != null).isTrue();
            for (String field : new String[] {n.chassisId(), n.portId(), n.systemName()}) {
                if (field != null) {
                    assertThat(text).contains(field);
                }
            }
        }
        unparsedAreLines(r, text);
    }

    private static void macInInput(MacAddress mac, String lowerText) {
        assertThat(mac).isNotNull();
        String bare = mac.bare();
        String colon = mac.toString();
        if (!lowerText.contains(colon) && !lowerText.contains(colon.replace(':', '-'))
                && !lowerText.contains(mac.dotted().toLowerCase(Locale.ROOT)) && !lowerText.contains(bare)) {
            fail("MAC " + mac + " is not in the input");
        }
    }

    private static void vlan(int vlan) {
        if (vlan < 1 || vlan > 4094) {
            fail("VLAN " + vlan + " outside 1..4094");
        }
    }

    private static void unparsedAreLines(ParseResult<?> r, String text) {
        for (String u : r.unparsedLines()) {
            assertThat(u).isNotEmpty();
            assertThat(text).contains(u);
        }
    }

    /**
     * Row accounting for the one-row-per-line tables: every line holding a MAC token, other than an echoed
     * command or prompt, became a row with that MAC or is reported unparsed.
     */
    private static void accounted(ParseResult<?> r, String text, Set<MacAddress> rowMacs) {
        unparsedAreLines(r, text);
        for (String line : text.split("\n")) {
            String t = line.strip();
            if (t.isEmpty() || t.regionMatches(true, 0, "show", 0, 4) || t.contains("#") || t.contains(">")) {
                continue;
            }
            for (String token : t.split("[\\s\\u00a0]+")) {
                MacAddress mac = MacAddress.tryParse(token);
                if (mac != null && !rowMacs.contains(mac)
                        && r.unparsedLines().stream().noneMatch(u -> u.contains(token))) {
                    fail("line neither parsed nor reported: " + t);
                }
            }
        }
    }
}
