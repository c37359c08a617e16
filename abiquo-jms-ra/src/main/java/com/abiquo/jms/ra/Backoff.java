package com.abiquo.jms.ra;

/**
 * Exponential backoff: initial, 2 x initial, 4 x initial ... capped at max. Not thread-safe; each
 * user (an activation's reconnect loop) owns one.
 */
public final class Backoff {

    private final long initialMs;
    private final long maxMs;
    private int attempt;

    public Backoff(long initialMs, long maxMs) {
        if (initialMs < 1 || maxMs < initialMs) {
            throw new IllegalArgumentException("backoff needs 1 <= initial <= max, got " + initialMs + "/" + maxMs);
        }
        this.initialMs = initialMs;
        this.maxMs = maxMs;
    }

    /** The delay before the next attempt, and counts it. */
    public long next() {
        return delay(++attempt, initialMs, maxMs);
    }

    /** After a success: the next failure waits the initial delay again. */
    public void reset() {
        attempt = 0;
    }

    /** The delay before attempt number {@code attempt} (1 = the first retry). */
    public static long delay(int attempt, long initialMs, long maxMs) {
        if (attempt < 1) {
            return initialMs;
        }
        int shift = Math.min(attempt - 1, 62);
        long d = initialMs << shift;
        return d <= 0 || (d >> shift) != initialMs ? maxMs : Math.min(d, maxMs);
    }
}
