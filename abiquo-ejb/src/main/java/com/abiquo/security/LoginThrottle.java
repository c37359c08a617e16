package com.abiquo.security;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failed logins per nick and per client address in a fixed window. Past the limit, further
 * attempts are refused before any slow hash is computed, so that a flood of wrong passwords
 * cannot exhaust the CPU. A password that matches the credential cache is never throttled.
 */
public final class LoginThrottle {

    private record Window(long startMillis, int failures) {
    }

    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();
    private final long windowMillis;

    public LoginThrottle(long windowMillis) {
        this.windowMillis = windowMillis;
    }

    /** Seconds to wait before trying again, or 0 when fewer than maxFailures failed in the window. */
    public long retryAfterSeconds(String key, int maxFailures, long nowMillis) {
        Window w = windows.get(key);
        if (w == null || nowMillis - w.startMillis >= windowMillis || w.failures < maxFailures) {
            return 0;
        }
        return Math.max(1, (w.startMillis + windowMillis - nowMillis + 999) / 1000);
    }

    public void failed(String key, long nowMillis) {
        if (windows.size() > 100_000) {
            windows.values().removeIf(w -> nowMillis - w.startMillis >= windowMillis);
        }
        windows.compute(key, (k, w) -> w == null || nowMillis - w.startMillis >= windowMillis
                ? new Window(nowMillis, 1) : new Window(w.startMillis, w.failures + 1));
    }

    public void succeeded(String key) {
        windows.remove(key);
    }
}
