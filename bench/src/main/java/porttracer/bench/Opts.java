package porttracer.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** --name value options. */
final class Opts {

    private final Map<String, String> values;

    private Opts(Map<String, String> values) {
        this.values = values;
    }

    static Opts parse(String[] args) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --name value pairs, got " + args[i]);
            }
            m.put(args[i].substring(2), args[++i]);
        }
        return new Opts(m);
    }

    /** The simulated CLI latency per command and the poll interval, which the poll benchmarks share. */
    record Timing(int latencyMs, int interval) {
    }

    Timing timing() {
        return new Timing(getInt("latency-ms", 1000), getInt("interval", 300));
    }

    String get(String name, String dflt) {
        return values.getOrDefault(name, dflt);
    }

    boolean has(String name) {
        return values.containsKey(name);
    }

    int getInt(String name, int dflt) {
        String v = values.get(name);
        return v == null ? dflt : Integer.parseInt(v.replace("_", "").replace("k", "000").replace("M", "000000"));
    }

    long getLong(String name, long dflt) {
        String v = values.get(name);
        return v == null ? dflt : Long.parseLong(v.replace("_", ""));
    }

    boolean getBool(String name, boolean dflt) {
        String v = values.get(name);
        return v == null ? dflt : Boolean.parseBoolean(v);
    }

    List<Integer> getInts(String name, String dflt) {
        List<Integer> out = new ArrayList<>();
        for (String s : get(name, dflt).split(",")) {
            out.add(Integer.parseInt(s.strip()));
        }
        return out;
    }
}
