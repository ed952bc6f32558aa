package porttracer.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * PortTracer's configuration: defaults from {@code porttracer-defaults.properties}, each key
 * overridable by a JVM system property of the same name or by an environment variable
 * {@code PORTTRACER_<KEY>} (dots and dashes become underscores, upper case), which wins.
 * Keys are listed, with their defaults, in that file and in the README.
 */
public final class Settings {

    private final Map<String, String> values;

    private Settings(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    public static Settings load() {
        return load(System.getenv(), Map.of());
    }

    /** Defaults, then system properties, then {@code env}, then {@code overrides}. */
    public static Settings load(Map<String, String> env, Map<String, String> overrides) {
        Properties defaults = new Properties();
        try (InputStream in = Settings.class.getResourceAsStream("/porttracer-defaults.properties")) {
            defaults.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> v = new HashMap<>();
        for (String key : defaults.stringPropertyNames()) {
            String value = defaults.getProperty(key);
            value = System.getProperty("porttracer." + key, value);
            value = env.getOrDefault(envName(key), value);
            v.put(key, value);
        }
        v.putAll(overrides);
        return new Settings(v);
    }

    public Settings with(String key, String value) {
        Map<String, String> v = new HashMap<>(values);
        v.put(key, value);
        return new Settings(v);
    }

    public static String envName(String key) {
        return "PORTTRACER_" + key.replace('.', '_').replace('-', '_').toUpperCase(Locale.ROOT);
    }

    public String get(String key) {
        String v = values.get(key);
        if (v == null) {
            throw new IllegalArgumentException("unknown setting " + key);
        }
        return v;
    }

    public int getInt(String key) {
        try {
            return Integer.parseInt(get(key).strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("setting " + key + " (" + envName(key) + ") must be a whole number", e);
        }
    }

    public Duration getSeconds(String key) {
        try {
            return Duration.ofMillis(Math.round(Double.parseDouble(get(key).strip()) * 1000));
        } catch (NumberFormatException e) {
            throw new StartupException("setting " + key + " (" + envName(key) + ") must be a number of seconds, not '"
                    + get(key).strip() + "'", e);
        }
    }

    /** A whole number of at least {@code min}; the message names the environment variable to fix. */
    public int intAtLeast(String key, int min) {
        int v;
        try {
            v = Integer.parseInt(get(key).strip());
        } catch (NumberFormatException e) {
            throw new StartupException(envName(key) + " must be a whole number, not '" + get(key).strip() + "'", e);
        }
        if (v < min) {
            throw new StartupException(envName(key) + " must be at least " + min + ", not " + v);
        }
        return v;
    }

    /** A duration in seconds (fractions allowed) of at least {@code min}. */
    public Duration secondsAtLeast(String key, Duration min) {
        Duration d = getSeconds(key);
        if (d.compareTo(min) < 0) {
            throw new StartupException(envName(key) + " must be at least " + min.toMillis() / 1000.0 + " s, not "
                    + get(key).strip());
        }
        return d;
    }

    /** The value without surrounding blanks ("" when unset). */
    public String text(String key) {
        return get(key).strip();
    }

    public boolean getBoolean(String key) {
        return Boolean.parseBoolean(get(key).strip());
    }

    public Map<String, String> asMap() {
        return values;
    }
}
