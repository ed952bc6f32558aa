package porttracer.search;

import java.util.regex.Pattern;

/** Checks of the port-centric endpoints' inputs: a port name or a site/floor filter as typed by a person. */
final class PortPaths {

    /** Dell port names as printed: "Gi1/0/5", "ethernet1/1/3:1", "1/g1", "Te 1/0/1", "Po1". */
    private static final Pattern PORT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9/:. -]{0,63}");

    private PortPaths() {
    }

    static String port(String raw) {
        String p = raw == null ? "" : raw.strip();
        if (!PORT.matcher(p).matches()) {
            throw new ApiError(400, "port must be a switch port name as printed, e.g. Gi1/0/5 or ethernet1/1/3 "
                    + "(letters, digits, / : . - and spaces, at most 64 characters)");
        }
        return p;
    }

    /** An optional filter: absent or blank is no filter; otherwise at most 100 characters. */
    static String optional(String value, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > 100) {
            throw new ApiError(400, name + " is longer than 100 characters");
        }
        return value.strip();
    }

    static boolean wantsCsv(String accept, String format) {
        if (format != null && !format.equals("csv") && !format.equals("json")) {
            throw new ApiError(400, "format must be csv or json");
        }
        return "csv".equals(format) || format == null && accept != null && accept.startsWith("text/csv");
    }
}
