package porttracer.parse;

/**
 * A "Label: value" or "Label........ value" line, as show version and the LLDP detail commands
 * print them. Label and value are trimmed; a line without either separator has no label.
 */
record LabeledLine(String label, String value) {

    static LabeledLine of(String line) {
        int colon = line.indexOf(':');
        int dots = line.indexOf("..");
        if (dots > 0 && (colon < 0 || dots < colon)) {
            int v = dots;
            while (v < line.length() && line.charAt(v) == '.') {
                v++;
            }
            return new LabeledLine(line.substring(0, dots).strip(), line.substring(v).strip());
        }
        if (colon > 0) {
            return new LabeledLine(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
        }
        return new LabeledLine(null, line.strip());
    }

    boolean is(String name) {
        return label != null && label.equalsIgnoreCase(name);
    }

    /** The value, or null when it is empty or "Not Advertised". */
    String valueOrNull() {
        return value.isEmpty() || value.equalsIgnoreCase("Not Advertised") ? null : value;
    }
}
