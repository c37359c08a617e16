package com.abiquo.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Password hashing, signed tokens, the credential cache and the login throttle. */
class CredentialsTest {

    final PasswordHasher hasher = new PasswordHasher(10_000);

    @Test
    void hashesAreSaltedSlowAndVerifiable() {
        String a = hasher.hash("xabiquo");
        String b = hasher.hash("xabiquo");
        assertThat(a).startsWith("pbkdf2-sha256$10000$").isNotEqualTo(b).doesNotContain("xabiquo");
        assertThat(hasher.verify("xabiquo", a)).isTrue();
        assertThat(hasher.verify("xabiquO", a)).isFalse();
        assertThat(hasher.verify("xabiquo", "5f4dcc3b5aa765d61d8327deb882cf99")).as("an MD5 is never accepted").isFalse();
        assertThat(hasher.verify("xabiquo", "pbkdf2-sha256$x$y$z")).isFalse();
    }

    @Test
    void aHashKeepsItsOwnWorkFactor() {
        String old = new PasswordHasher(20_000).hash("pw");
        assertThat(hasher.verify("pw", old)).isTrue();
    }

    @Test
    void tokensVerifyUntilExpiryOrPasswordChange() {
        AuthToken tokens = new AuthToken("k".repeat(32).getBytes());
        String t = tokens.issue("alice", 3, 10_000, "ABIQUO");
        AuthToken.Claims c = AuthToken.parse(t).orElseThrow();
        assertThat(c.nick()).isEqualTo("alice");
        assertThat(c.authType()).isEqualTo("ABIQUO");
        assertThat(tokens.verify(c, 3, 9_999)).isTrue();
        assertThat(tokens.verify(c, 3, 10_001)).as("expired").isFalse();
        assertThat(tokens.verify(c, 4, 9_999)).as("password changed").isFalse();
        assertThat(new AuthToken("x".repeat(32).getBytes()).verify(c, 3, 9_999)).as("other installation").isFalse();
    }

    @Test
    void nicksWithColonsSurviveTheTokenFormat() {
        AuthToken tokens = new AuthToken(new byte[32]);
        AuthToken.Claims c = AuthToken.parse(tokens.issue("a:b", 0, 5, "LDAP")).orElseThrow();
        assertThat(c.nick()).isEqualTo("a:b");
        assertThat(tokens.verify(c, 0, 1)).isTrue();
        assertThat(AuthToken.parse("not base64 !")).isEmpty();
        assertThat(AuthToken.parse("YWJj")).isEmpty();
    }

    @Test
    void theCacheForgetsAChangedPassword() {
        CredentialCache cache = new CredentialCache(1_000, 10);
        cache.remember("bob", "pw", 1, 0);
        assertThat(cache.matches("bob", "pw", 1, 500)).isTrue();
        assertThat(cache.matches("bob", "other", 1, 500)).isFalse();
        assertThat(cache.matches("bob", "pw", 2, 500)).as("credential version moved").isFalse();
        assertThat(cache.matches("bob", "pw", 1, 2_000)).as("unused for longer than the TTL").isFalse();
        assertThat(cache.matches("carol", "pw", 1, 500)).isFalse();
    }

    @Test
    void aCredentialInUseStaysCachedPastTheTtlAndOnlyAMatchExtendsIt() {
        CredentialCache used = new CredentialCache(1_000, 10);
        CredentialCache guessed = new CredentialCache(1_000, 10);
        used.remember("bob", "pw", 1, 0);
        guessed.remember("bob", "pw", 1, 0);
        for (long now = 400; now <= 5_000; now += 400) {
            assertThat(used.matches("bob", "pw", 1, now)).as("used at %d", now).isTrue();
            assertThat(guessed.matches("bob", "guess", 1, now)).isFalse();
        }
        assertThat(used.matches("bob", "pw", 1, 6_100)).as("then unused for longer than the TTL").isFalse();
        assertThat(guessed.matches("bob", "pw", 1, 5_000)).as("wrong guesses kept nothing alive").isFalse();
    }

    @Test
    void theCacheStaysBounded() {
        CredentialCache cache = new CredentialCache(1_000_000, 3);
        for (int i = 0; i < 10; i++) {
            cache.remember("u" + i, "pw", 0, 0);
        }
        assertThat(cache.matches("u9", "pw", 0, 1)).isTrue();
    }

    @Test
    void theThrottleOpensAgainAfterTheWindow() {
        LoginThrottle throttle = new LoginThrottle(60_000);
        for (int i = 0; i < 3; i++) {
            assertThat(throttle.retryAfterSeconds("nick:x", 3, 1_000)).isZero();
            throttle.failed("nick:x", 1_000);
        }
        assertThat(throttle.retryAfterSeconds("nick:x", 3, 1_000)).isEqualTo(60);
        assertThat(throttle.retryAfterSeconds("nick:x", 3, 31_000)).isEqualTo(30);
        assertThat(throttle.retryAfterSeconds("nick:x", 3, 61_000)).isZero();
        throttle.failed("nick:y", 0);
        throttle.succeeded("nick:y");
        assertThat(throttle.retryAfterSeconds("nick:y", 1, 0)).isZero();
    }
}
