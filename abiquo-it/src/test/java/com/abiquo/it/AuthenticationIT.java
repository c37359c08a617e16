package com.abiquo.it;

import static com.abiquo.it.Api.type;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** Basic, the {@code auth} cookie and {@code X-Abiquo-Token} (client-protocol.md P10-P12). */
class AuthenticationIT extends ApiIT {

    static final String USER = type("user");
    static final String DCS = type("datacenters");

    @Test
    void loginAnswersTheUserWithNoAcceptHeader() {
        Resp r = ADMIN.get("login", null).expect(200);
        assertThat(r.json().path("nick").asText()).isEqualTo("admin");
        assertThat(r.json().has("password")).isFalse();
        assertThat(r.link("enterprise")).contains("/api/admin/enterprises/");
        assertThat(r.link("role")).contains("/api/admin/roles/");
        assertThat(r.header("X-Abiquo-Token")).isPresent();
        assertThat(r.header("Set-Cookie")).hasValueSatisfying(c -> assertThat(c).startsWith("auth="));
    }

    @Test
    void theCookieAloneAuthenticates() {
        Resp login = ADMIN.get("login", USER).expect(200);
        String cookie = login.header("Set-Cookie").orElseThrow().split(";")[0];
        Resp r = Api.anonymous().header("Cookie", cookie).get("admin/datacenters", DCS).expect(200);
        assertThat(r.header("Set-Cookie")).as("the cookie is refreshed").isPresent();
    }

    @Test
    void theTokenAuthenticatesAsAuthorizationToken() {
        String token = ADMIN.get("login", USER).expect(200).header("X-Abiquo-Token").orElseThrow();
        Api.anonymous().header("Authorization", "Token " + token).get("login", USER).expect(200);
    }

    @Test
    void aTamperedOrForeignTokenIsRefused() {
        String token = ADMIN.get("login", USER).expect(200).header("X-Abiquo-Token").orElseThrow();
        String raw = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        String[] parts = raw.split(":");
        String longer = parts[0] + ":" + (Long.parseLong(parts[1]) + 3_600_000L) + ":" + parts[2] + ":" + parts[3];
        String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(longer.getBytes(StandardCharsets.UTF_8));
        Api.anonymous().header("Authorization", "Token " + forged).get("login", USER).expectError(401, "GEN-5");
        Api.anonymous().header("Cookie", "auth=garbage").get("login", USER).expectError(401, "GEN-5");
        Api.anonymous().header("Authorization", "Token ").get("login", USER).expectError(401, "GEN-5");
    }

    @Test
    void missingOrWrongCredentialsAre401() {
        Api.anonymous().get("admin/datacenters", DCS).expectError(401, "401-UNAUTHORIZED");
        Resp wrong = Api.basic("admin", "not-the-password").get("admin/datacenters", DCS).expectError(401, "GEN-5");
        assertThat(wrong.header("WWW-Authenticate")).hasValueSatisfying(h -> assertThat(h).startsWith("Basic"));
        assertThat(wrong.header("Set-Cookie")).isEmpty();
        Api.basic("nobody-" + unique("x"), "x").get("admin/datacenters", DCS).expectError(401, "GEN-5");
        Api.anonymous().header("Authorization", "Basic !!!").get("admin/datacenters", DCS).expectError(401, "GEN-5");
        Api.anonymous().header("Authorization", "Digest abc").get("admin/datacenters", DCS).expectError(401, "GEN-5");
    }

    @Test
    void aFloodOfWrongPasswordsIsThrottledButTheRightOneStillWorks() {
        String nick = "flood-" + unique("t");
        int throttled = 0;
        for (int i = 0; i < 14; i++) {
            Resp r = Api.basic(nick, "wrong-" + i).get("admin/datacenters", DCS);
            if (r.status() == 429) {
                r.expectError(429, "GEN-9");
                throttled++;
            } else {
                r.expectError(401, "GEN-5");
            }
        }
        assertThat(throttled).as("attempts past the 10th are refused before hashing").isEqualTo(4);
        // admin's cached credential is not affected by another nick's throttling
        ADMIN.get("admin/datacenters", DCS).expect(200);
    }
}
