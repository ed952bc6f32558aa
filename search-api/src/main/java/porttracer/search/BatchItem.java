package porttracer.search;

import java.util.List;

/** One answer of a batch trace: a {@link TraceAnswer} with {@code found} true, or a {@link Missing} MAC. */
sealed interface BatchItem permits TraceAnswer, BatchItem.Missing {
    String mac();

    List<LocationView> locations();

    /** A MAC that no switch has shown. */
    record Missing(boolean found, String mac, List<LocationView> locations) implements BatchItem {
        Missing(String mac) {
            this(false, mac, List.of());
        }
    }
}
