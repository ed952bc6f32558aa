package porttracer.parse;

import java.util.Locale;

/** Lower-cases the small vocabulary of entry types without allocating for the common ones. */
final class Types {
    private static final String[] KNOWN = {
        "dynamic", "static", "management", "self", "learned", "permanent", "delete-on-reset", "delete-on-timeout",
        "secure", "local", "up", "down", "full", "half", "auto", "access", "trunk", "general", "hybrid",
    };

    private Types() {
    }

    static String lower(Tokens t, int i) {
        for (String k : KNOWN) {
            if (t.is(i, k)) {
                return k;
            }
        }
        return t.get(i).toLowerCase(Locale.ROOT);
    }
}
