package porttracer.domain;

import java.util.Locale;

/**
 * A 48-bit MAC address. Accepts the notations network engineers paste: colon (aa:bb:cc:dd:ee:ff),
 * hyphen (aa-bb-cc-dd-ee-ff), dotted (aabb.ccdd.eeff) and bare (aabbccddeeff), any case, with
 * surrounding whitespace. Always prints lower-case colon form.
 */
public final class MacAddress implements Comparable<MacAddress> {

    public static final String ACCEPTED_NOTATIONS =
            "aa:bb:cc:dd:ee:ff, aa-bb-cc-dd-ee-ff, aabb.ccdd.eeff or aabbccddeeff (hex digits, any case)";

    private final long value;

    private MacAddress(long value) {
        this.value = value;
    }

    public static MacAddress of(long value) {
        if ((value & ~0xFFFF_FFFF_FFFFL) != 0) {
            throw new IllegalArgumentException("MAC value out of 48-bit range");
        }
        return new MacAddress(value);
    }

    /** Parses any accepted notation; throws {@link IllegalArgumentException} naming the accepted ones. */
    public static MacAddress parse(String text) {
        MacAddress mac = tryParse(text);
        if (mac == null) {
            throw new IllegalArgumentException("not a MAC address: accepted notations are " + ACCEPTED_NOTATIONS);
        }
        return mac;
    }

    /** Returns null instead of throwing: the parsers' hot path calls this once per table row. */
    public static MacAddress tryParse(String text) {
        if (text == null) {
            return null;
        }
        int from = 0;
        int to = text.length();
        while (from < to && Character.isWhitespace(text.charAt(from))) {
            from++;
        }
        while (to > from && Character.isWhitespace(text.charAt(to - 1))) {
            to--;
        }
        return tryParse(text, from, to);
    }

    /** Parses {@code s[from, to)} exactly (no trimming) without allocating unless it is a MAC. */
    public static MacAddress tryParse(CharSequence s, int from, int to) {
        int len = to - from;
        // Separator positions fix the notation: every group must have exactly its width.
        if (len == 17) {
            char sep = s.charAt(from + 2);
            if (sep != ':' && sep != '-') {
                return null;
            }
            for (int i = 2; i < 17; i += 3) {
                if (s.charAt(from + i) != sep) {
                    return null;
                }
            }
            return hex(s, from, 17, 0b100100100100100L);
        }
        if (len == 14) {
            if (s.charAt(from + 4) != '.' || s.charAt(from + 9) != '.') {
                return null;
            }
            return hex(s, from, 14, (1L << 4) | (1L << 9));
        }
        if (len == 12) {
            return hex(s, from, 12, 0L);
        }
        return null;
    }

    /** Reads the hex digits of s[from, from + len), skipping the offsets whose bit is set in skipMask. */
    private static MacAddress hex(CharSequence s, int from, int len, long skipMask) {
        long v = 0;
        for (int i = 0; i < len; i++) {
            if ((skipMask & (1L << i)) != 0) {
                continue;
            }
            int d = hexDigit(s.charAt(from + i));
            if (d < 0) {
                return null;
            }
            v = (v << 4) | d;
        }
        return new MacAddress(v);
    }

    private static int hexDigit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    public long value() {
        return value;
    }

    /** The 24-bit organisationally unique identifier as six lower-case hex digits. */
    public String oui() {
        return String.format(Locale.ROOT, "%06x", value >>> 24);
    }

    /** Twelve lower-case hex digits: the Elasticsearch document id of the MAC. */
    public String bare() {
        return String.format(Locale.ROOT, "%012x", value);
    }

    /** Dell OS6/FASTPATH and OS9 CLI notation, upper-case dotted: AABB.CCDD.EEFF. */
    public String dotted() {
        String b = bare();
        return (b.substring(0, 4) + "." + b.substring(4, 8) + "." + b.substring(8)).toUpperCase(Locale.ROOT);
    }

    public boolean isMulticast() {
        return ((value >>> 40) & 1) == 1;
    }

    @Override
    public String toString() {
        String b = bare();
        StringBuilder sb = new StringBuilder(17);
        for (int i = 0; i < 12; i += 2) {
            if (i > 0) {
                sb.append(':');
            }
            sb.append(b, i, i + 2);
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MacAddress m && m.value == value;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(value);
    }

    @Override
    public int compareTo(MacAddress o) {
        return Long.compare(value, o.value);
    }
}
