package com.abiquo.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code auth} cookie and {@code X-Abiquo-Token}: Abiquo's four-part remember-me token,
 * {@code base64(nick:expiryMillis:signature:authType)}, signed with HMAC-SHA256 over the nick,
 * the expiry and the user's credential version. A password change moves the version, so every
 * token issued before it stops verifying, on every node at once.
 */
public final class AuthToken {

    private final byte[] key;

    public AuthToken(byte[] key) {
        this.key = key.clone();
    }

    /** The parts of a token that parsed; the signature is checked by {@link #verify}. */
    public record Claims(String nick, long expiryMillis, String signature, String authType) {
    }

    public String issue(String nick, int credentialVersion, long expiryMillis, String authType) {
        String signature = sign(nick, expiryMillis, credentialVersion);
        String raw = nick + ":" + expiryMillis + ":" + signature + ":" + authType;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    public static Optional<Claims> parse(String token) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(token.trim()), StandardCharsets.UTF_8);
            int last = raw.lastIndexOf(':');
            int sig = raw.lastIndexOf(':', last - 1);
            int exp = raw.lastIndexOf(':', sig - 1);
            if (exp <= 0) {
                return Optional.empty();
            }
            return Optional.of(new Claims(raw.substring(0, exp), Long.parseLong(raw.substring(exp + 1, sig)),
                    raw.substring(sig + 1, last), raw.substring(last + 1)));
        } catch (IllegalArgumentException | StringIndexOutOfBoundsException e) {
            return Optional.empty();
        }
    }

    public boolean verify(Claims claims, int credentialVersion, long nowMillis) {
        if (claims.expiryMillis() < nowMillis) {
            return false;
        }
        byte[] expected = sign(claims.nick(), claims.expiryMillis(), credentialVersion).getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(expected, claims.signature().getBytes(StandardCharsets.UTF_8));
    }

    private String sign(String nick, long expiryMillis, int credentialVersion) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] sig = mac.doFinal((nick + ":" + expiryMillis + ":" + credentialVersion).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(sig);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
