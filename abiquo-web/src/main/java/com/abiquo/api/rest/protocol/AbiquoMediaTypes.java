package com.abiquo.api.rest.protocol;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Abiquo media types, {@code application/vnd.abiquo.<name>+json}, and the {@code version}
 * parameter that real clients spell in many ways: absent, {@code ; version=3.10},
 * {@code ;version=2.x}, with a trailing semicolon or a trailing space. Every API version from 2.0
 * to the current one is accepted and answered with the current representation.
 */
public final class AbiquoMediaTypes {

    public static final String CURRENT_VERSION = "5.0";
    public static final String PREFIX = "application/vnd.abiquo.";
    public static final String JSON = "application/json";
    public static final String ERRORS = "application/vnd.abiquo.errors+json";

    private static final int[] OLDEST = {2, 0};
    private static final int[] CURRENT = {5, 0};
    private static final Pattern VERSION = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})(?:\\.\\d{1,3})?");

    private AbiquoMediaTypes() {
    }

    public static String of(String name) {
        return PREFIX + name + "+json";
    }

    /** One media range of an Accept or Content-Type header, as clients send it. */
    public record Range(String type, List<String> parameters, Optional<String> version) {

        public boolean isAbiquo() {
            return type.startsWith(PREFIX);
        }

        /** The range without its version, the form resources declare. */
        public String normalized() {
            StringBuilder sb = new StringBuilder(type);
            for (String p : parameters) {
                sb.append(";").append(p);
            }
            return sb.toString();
        }
    }

    /** Parses one media range tolerantly; empty when it is not a media type at all. */
    public static Optional<Range> parse(String range) {
        String[] parts = range.split(";");
        String type = parts[0].trim().toLowerCase(Locale.ROOT);
        if (!type.matches("[a-z0-9*][a-z0-9.+\\-*]*/[a-z0-9*][a-z0-9.+\\-*]*")) {
            return Optional.empty();
        }
        List<String> parameters = new ArrayList<>();
        Optional<String> version = Optional.empty();
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i].trim();
            if (p.isEmpty()) {
                continue; // the trailing ';' of api-ruby
            }
            int eq = p.indexOf('=');
            if (eq <= 0) {
                return Optional.empty();
            }
            String name = p.substring(0, eq).trim().toLowerCase(Locale.ROOT);
            String value = p.substring(eq + 1).trim().replace("\"", "");
            if (name.equals("version")) {
                version = Optional.of(value);
            } else {
                parameters.add(name + "=" + value);
            }
        }
        return Optional.of(new Range(type, parameters, version));
    }

    /** Whether a version parameter names an API version this server answers (2.0 to current). */
    public static boolean isSupportedVersion(String version) {
        Matcher m = VERSION.matcher(version.trim());
        if (!m.matches()) {
            return false;
        }
        int major = Integer.parseInt(m.group(1));
        int minor = Integer.parseInt(m.group(2));
        return compare(major, minor, OLDEST) >= 0 && compare(major, minor, CURRENT) <= 0;
    }

    private static int compare(int major, int minor, int[] to) {
        return major != to[0] ? Integer.compare(major, to[0]) : Integer.compare(minor, to[1]);
    }
}
