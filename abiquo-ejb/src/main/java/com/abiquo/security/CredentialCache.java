package com.abiquo.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Passwords this node verified recently, so that a client sending Basic on every request pays the
 * slow hash once instead of once per request; an entry unused for a TTL is dropped. Entries hold an
 * HMAC of the password under a key that lives only in this JVM (never the password), and the
 * credential version they were verified at: after a password change the version differs and the
 * entry is ignored.
 */
public final class CredentialCache {

    private record Entry(byte[] mac, int credentialVersion, long expiresAtMillis) {
    }

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final byte[] key = new byte[32];
    private final long ttlMillis;
    private final int maxEntries;

    public CredentialCache(long ttlMillis, int maxEntries) {
        new SecureRandom().nextBytes(key);
        this.ttlMillis = ttlMillis;
        this.maxEntries = maxEntries;
    }

    public boolean matches(String nick, String password, int currentCredentialVersion, long nowMillis) {
        Entry e = entries.get(nick);
        if (e == null || e.credentialVersion != currentCredentialVersion || e.expiresAtMillis < nowMillis) {
            return false;
        }
        if (!MessageDigest.isEqual(e.mac, mac(nick, password))) {
            return false;
        }
        // the TTL counts from the last use, not from the hash: a client busy on this node must not
        // wait for a slow hash every TTL (the user row, read on every request, carries the version)
        if (e.expiresAtMillis - nowMillis < ttlMillis / 2) {
            entries.replace(nick, e, new Entry(e.mac, e.credentialVersion, nowMillis + ttlMillis));
        }
        return true;
    }

    public void remember(String nick, String password, int credentialVersion, long nowMillis) {
        if (entries.size() >= maxEntries) {
            entries.values().removeIf(e -> e.expiresAtMillis < nowMillis);
            if (entries.size() >= maxEntries) {
                entries.clear();
            }
        }
        entries.put(nick, new Entry(mac(nick, password), credentialVersion, nowMillis + ttlMillis));
    }

    /**
     * What identifies these credentials in memory without the password: the same keyed MAC the
     * cache keeps (the key never leaves this JVM), in hex.
     */
    public String fingerprint(String nick, String password) {
        return java.util.HexFormat.of().formatHex(mac(nick, password));
    }

    public void forget(String nick) {
        entries.remove(nick);
    }

    private byte[] mac(String nick, String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal((nick + "\u0000" + password).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
