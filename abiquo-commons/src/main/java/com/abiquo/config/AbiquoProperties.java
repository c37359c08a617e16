package com.abiquo.config;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The one {@code abiquo.properties} that every node of an installation shares, with Abiquo's key
 * names. The file is named by the system property {@value #FILE_PROPERTY} (default
 * {@value #DEFAULT_FILE}); system properties starting with {@code abiquo.} override it, so that a
 * test or a single server can change one key without a file of its own.
 *
 * <p>Readers never throw on the first bad key: they collect every problem and {@link #validate()}
 * reports them all at once, each naming its key, so that an operator fixes the file in one go.
 */
public final class AbiquoProperties {

    public static final String FILE_PROPERTY = "abiquo.properties";
    public static final String DEFAULT_FILE = "/opt/abiquo/config/abiquo.properties";

    private final Properties values;
    private final String source;
    private final List<String> problems = new ArrayList<>();

    private AbiquoProperties(Properties values, String source) {
        this.values = values;
        this.source = source;
    }

    /** Loads the file named by the system property, then applies {@code abiquo.*} system properties. */
    public static AbiquoProperties load() {
        String named = System.getProperty(FILE_PROPERTY);
        Path file = Path.of(named != null ? named : DEFAULT_FILE);
        Properties values = new Properties();
        String source;
        if (Files.isReadable(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                values.load(in);
            } catch (IOException e) {
                throw new ConfigurationException("Cannot read " + file + ": " + e.getMessage());
            }
            source = file.toString();
        } else if (named != null) {
            throw new ConfigurationException(
                    "The configuration file " + file + " (system property " + FILE_PROPERTY + ") cannot be read");
        } else {
            source = "system properties (no " + DEFAULT_FILE + ")";
        }
        System.getProperties().stringPropertyNames().stream()
                .filter(k -> k.startsWith("abiquo.") && !k.equals(FILE_PROPERTY))
                .forEach(k -> values.setProperty(k, System.getProperty(k)));
        return new AbiquoProperties(values, source);
    }

    public static AbiquoProperties of(Properties values, String source) {
        Properties copy = new Properties();
        copy.putAll(values);
        return new AbiquoProperties(copy, source);
    }

    public String source() {
        return source;
    }

    public Optional<String> optional(String key) {
        String v = values.getProperty(key);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.trim());
    }

    /** The raw value, empty string allowed (an empty password is a valid password). */
    public Optional<String> raw(String key) {
        return Optional.ofNullable(values.getProperty(key));
    }

    public String required(String key) {
        Optional<String> v = optional(key);
        if (v.isEmpty()) {
            problems.add("missing key '" + key + "'");
            return "";
        }
        return v.get();
    }

    public String string(String key, String defaultValue) {
        return optional(key).orElse(defaultValue);
    }

    public int integer(String key, int defaultValue, int min, int max) {
        return parsed(key, defaultValue, s -> {
            int v = Integer.parseInt(s);
            if (v < min || v > max) {
                throw new IllegalArgumentException("must be between " + min + " and " + max);
            }
            return v;
        }, "a whole number between " + min + " and " + max);
    }

    public boolean bool(String key, boolean defaultValue) {
        return parsed(key, defaultValue, s -> switch (s.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw new IllegalArgumentException();
        }, "true or false");
    }

    public Optional<URI> uri(String key) {
        return optional(key).map(s -> parsed(key, null, v -> {
            URI uri = new URI(v);
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new URISyntaxException(v, "needs a scheme and a host");
            }
            return uri;
        }, "an absolute URL such as https://host/api"));
    }

    private <T> T parsed(String key, T defaultValue, Parser<T> parser, String expected) {
        Optional<String> v = optional(key);
        if (v.isEmpty()) {
            return defaultValue;
        }
        try {
            return parser.parse(v.get());
        } catch (Exception e) {
            problems.add("key '" + key + "' has the malformed value '" + printable(key, v.get())
                    + "' (expected " + expected + ")");
            return defaultValue;
        }
    }

    /** Records a problem found by a caller's own check of a key. */
    public void problem(String key, String what) {
        problems.add("key '" + key + "' " + what);
    }

    /** Throws one exception naming every missing or malformed key read so far. */
    public void validate() {
        if (!problems.isEmpty()) {
            throw new ConfigurationException("Invalid configuration in " + source + ": " + String.join("; ", problems));
        }
    }

    /** Every key with its value, secrets masked: safe to log. */
    public String describe() {
        TreeMap<String, String> shown = new TreeMap<>();
        values.stringPropertyNames().forEach(k -> shown.put(k, printable(k, values.getProperty(k))));
        return shown.toString();
    }

    public static boolean isSecret(String key) {
        String k = key.toLowerCase(Locale.ROOT);
        return k.contains("password") || k.contains("secret") || k.contains("credential") || k.endsWith("key");
    }

    private static String printable(String key, String value) {
        return isSecret(key) ? "****" : value;
    }

    @FunctionalInterface
    private interface Parser<T> {
        T parse(String s) throws Exception;
    }

    /** Convenience for tests and tools: a view with one more key set. */
    public AbiquoProperties with(String key, String value) {
        Properties copy = new Properties();
        copy.putAll(values);
        copy.setProperty(key, value);
        return new AbiquoProperties(copy, source);
    }

}
