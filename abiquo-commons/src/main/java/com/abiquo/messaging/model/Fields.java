package com.abiquo.messaging.model;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Typed reading of a parsed JSON object: every error names the field (with its path). */
final class Fields {

    private final Map<String, Object> values;
    private final String path;

    Fields(Map<String, Object> values, String path) {
        this.values = values;
        this.path = path;
    }

    /** Reads a message, which must be of {@code type}. */
    static Fields message(String json, String type) {
        Fields f = new Fields(Json.parseObject(json), "");
        f.requireType(type);
        return f;
    }

    /** The start of every message's JSON: its type, its id and its datacenter. */
    static Map<String, Object> envelope(String type, String messageId, String datacenterId) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", type);
        m.put("messageId", messageId);
        m.put("datacenterId", datacenterId);
        return m;
    }

    private String name(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    private MalformedMessageException bad(String key, String what) {
        return new MalformedMessageException("field '" + name(key) + "' " + what);
    }

    void requireType(String expected) {
        String type = string("type");
        if (!expected.equals(type)) {
            throw bad("type", "must be '" + expected + "', not '" + type + "'");
        }
    }

    String string(String key) {
        String v = optionalString(key);
        if (v == null || v.isBlank()) {
            throw bad(key, "is required");
        }
        return v;
    }

    String optionalString(String key) {
        Object v = values.get(key);
        if (v == null) {
            return null;
        }
        if (!(v instanceof String s)) {
            throw bad(key, "must be a string");
        }
        return s;
    }

    long number(String key, long min, long max) {
        Object v = values.get(key);
        if (v == null) {
            throw bad(key, "is required");
        }
        if (!(v instanceof Long l)) {
            throw bad(key, "must be a whole number");
        }
        if (l < min || l > max) {
            throw bad(key, "must be between " + min + " and " + max);
        }
        return l;
    }

    Integer optionalInt(String key, int min, int max) {
        return values.get(key) == null ? null : (int) number(key, min, max);
    }

    <E extends Enum<E>> E enumValue(String key, Class<E> type) {
        String s = string(key);
        try {
            return Enum.valueOf(type, s);
        } catch (IllegalArgumentException e) {
            throw bad(key, "has the unknown value '" + s + "'");
        }
    }

    <E extends Enum<E>> E optionalEnum(String key, Class<E> type) {
        return values.get(key) == null ? null : enumValue(key, type);
    }

    Instant instant(String key) {
        String s = string(key);
        try {
            return Instant.parse(s);
        } catch (DateTimeParseException e) {
            throw bad(key, "must be an ISO-8601 instant such as 2026-01-31T10:15:30Z");
        }
    }

    @SuppressWarnings("unchecked")
    Fields object(String key) {
        Object v = values.get(key);
        if (!(v instanceof Map)) {
            throw bad(key, v == null ? "is required" : "must be an object");
        }
        return new Fields((Map<String, Object>) v, name(key));
    }

    @SuppressWarnings("unchecked")
    <T> List<T> list(String key, boolean nonEmpty, Function<Fields, T> element) {
        Object v = values.get(key);
        if (v == null) {
            v = List.of();
        }
        if (!(v instanceof List<?> raw)) {
            throw bad(key, "must be an array");
        }
        if (nonEmpty && raw.isEmpty()) {
            throw bad(key, "must not be empty");
        }
        List<T> result = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            Object o = raw.get(i);
            if (!(o instanceof Map)) {
                throw bad(key + "[" + i + "]", "must be an object");
            }
            result.add(element.apply(new Fields((Map<String, Object>) o, name(key + "[" + i + "]"))));
        }
        return List.copyOf(result);
    }

    Fields optionalObject(String key) {
        return values.get(key) == null ? null : object(key);
    }

    /** Runs a record's constructor, turning its validation into a malformed message. */
    static <T> T checked(java.util.function.Supplier<T> constructor) {
        try {
            return constructor.get();
        } catch (IllegalArgumentException e) {
            throw new MalformedMessageException(e.getMessage());
        }
    }
}
