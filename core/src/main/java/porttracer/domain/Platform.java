package porttracer.domain;

import java.util.Locale;

/** The Dell CLI families PortTracer polls; {@link #id()} is the inventory's `platform` value. */
public enum Platform {
    OS10("os10"),
    OS9("os9"),
    OS6("os6"),
    POWERCONNECT("powerconnect");

    private final String id;

    Platform(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Platform of(String id) {
        String s = id == null ? "" : id.strip().toLowerCase(Locale.ROOT);
        for (Platform p : values()) {
            if (p.id.equals(s)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown platform '" + id + "': use os10, os9, os6 or powerconnect");
    }
}
