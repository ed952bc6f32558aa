package porttracer.domain;

import java.util.Map;

/**
 * A switch port name as printed ({@link #raw()}) plus a canonical identity ({@link #key()}) shared
 * by every spelling Dell commands use for that port: "Gi1/0/1", "Gi 1/0/1", "GigabitEthernet 1/0/1"
 * and "gi1/0/1" all have key "gi1/0/1"; "Tengigabitethernet1/0/1"/"Te1/0/1" -> "te1/0/1";
 * "ethernet1/1/3:1"/"Eth 1/1/3:1" -> "eth1/1/3:1"; "port-channel1"/"Po 1"/"ch1" -> "po1";
 * "Vl10"/"vlan 10" -> "vlan10". Names without a known type prefix ("1/g1", "CPU", "0") keep their
 * lower-cased, space-free spelling as key.
 */
public final class PortName implements Comparable<PortName> {

    /** Long and short Dell spellings of an interface type, lower-case, mapped to the key's prefix. */
    private static final Map<String, String> PREFIXES = Map.ofEntries(
            Map.entry("fastethernet", "fa"), Map.entry("fa", "fa"),
            Map.entry("gigabitethernet", "gi"), Map.entry("gige", "gi"), Map.entry("gi", "gi"),
            Map.entry("g", "gi"),
            Map.entry("tengigabitethernet", "te"), Map.entry("tengige", "te"), Map.entry("te", "te"),
            Map.entry("twentyfivegigabitethernet", "tw"), Map.entry("twentyfivegige", "tw"), Map.entry("tw", "tw"),
            Map.entry("fortygigabitethernet", "fo"), Map.entry("fortygige", "fo"), Map.entry("fo", "fo"),
            Map.entry("fiftygigabitethernet", "fi"), Map.entry("fiftygige", "fi"),
            Map.entry("hundredgigabitethernet", "hu"), Map.entry("hundredgige", "hu"), Map.entry("hu", "hu"),
            Map.entry("ethernet", "eth"), Map.entry("eth", "eth"), Map.entry("e", "eth"),
            Map.entry("port-channel", "po"), Map.entry("portchannel", "po"), Map.entry("po", "po"),
            Map.entry("ch", "po"),
            Map.entry("vlan", "vlan"), Map.entry("vl", "vlan"),
            Map.entry("managementethernet", "mgmt"), Map.entry("mgmt", "mgmt"), Map.entry("ma", "mgmt"),
            Map.entry("loopback", "lo"), Map.entry("lo", "lo"),
            Map.entry("oob", "oob"));

    /** Whole names without a number: OS6 prints its out-of-band port as "oob" or "Management". */
    private static final Map<String, String> WHOLE_NAMES = Map.of(
            "management", "oob", "out-of-band", "oob");

    private final String raw;
    private final String key;

    private PortName(String raw, String key) {
        this.raw = raw;
        this.key = key;
    }

    /** Wraps a port name as printed; surrounding whitespace is not part of the name. */
    public static PortName of(String printed) {
        if (printed == null || printed.isBlank()) {
            throw new IllegalArgumentException("empty port name");
        }
        String raw = printed.strip();
        return new PortName(raw, canonical(raw));
    }

    /** Null for null/blank input: convenient for optional columns. */
    public static PortName ofNullable(String printed) {
        return printed == null || printed.isBlank() ? null : of(printed);
    }

    /** The canonical key of a spelling, e.g. {@code keyOf("GigabitEthernet 1/0/1")} is "gi1/0/1". */
    public static String keyOf(String printed) {
        return of(printed).key;
    }

    private static String canonical(String raw) {
        StringBuilder compact = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (!Character.isWhitespace(c)) {
                compact.append(Character.toLowerCase(c));
            }
        }
        String s = compact.toString();
        int digit = 0;
        while (digit < s.length() && !Character.isDigit(s.charAt(digit))) {
            digit++;
        }
        if (digit == s.length()) {
            return WHOLE_NAMES.getOrDefault(s, s);
        }
        if (digit == 0) {
            return s;
        }
        String prefix = PREFIXES.get(s.substring(0, digit));
        return prefix == null ? s : prefix + s.substring(digit);
    }

    /** True for a letters-only interface-type word ("Te", "vlan", "Po") that Dell may print apart from its number. */
    public static boolean isTypeWord(String word) {
        return PREFIXES.containsKey(word.toLowerCase(java.util.Locale.ROOT));
    }

    public String raw() {
        return raw;
    }

    public String key() {
        return key;
    }

    /** Same port, however printed. */
    public boolean samePort(String printed) {
        return printed != null && !printed.isBlank() && key.equals(canonical(printed.strip()));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PortName p && p.key.equals(key);
    }

    @Override
    public int hashCode() {
        return key.hashCode();
    }

    @Override
    public int compareTo(PortName o) {
        return key.compareTo(o.key);
    }

    @Override
    public String toString() {
        return raw;
    }
}
