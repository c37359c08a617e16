package com.abiquo.persistence;

/**
 * What a client asked of a collection: Abiquo's {@code startwith} (0-based offset), {@code limit}
 * (0 = everything), {@code by} (order field), {@code asc} and {@code has} (free-text filter).
 */
public record PageRequest(int startWith, int limit, String by, boolean asc, String has) {

    public static final int DEFAULT_LIMIT = 25;
    public static final int MAX_LIMIT = 10_000;

    public static PageRequest all() {
        return new PageRequest(0, 0, null, true, null);
    }

    public boolean unlimited() {
        return limit == 0;
    }
}
