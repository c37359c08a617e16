package com.abiquo.it;

import static com.abiquo.it.Api.type;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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

    @Test
    void failedLoginsAreThrottledPerClientBehindTheBalancerNotForEveryClient() throws Exception {
        // The test reaches the server from 127.0.0.1, a trusted proxy by default, so X-Forwarded-For
        // names the client as the balancer's does. One client fails 100 logins (the per-address
        // limit), spread over 10 nicks so that no nick reaches its own limit (10), 4 at a time (the
        // server hashes one per core and refuses a request that waited 10 s for its turn).
        int octet = 1 + new Random().nextInt(250);
        String flooder = "203.0.113." + octet;
        String other = "203.0.113." + (octet + 1);
        String run = unique("f");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                String nick = "address-flood-" + run + "-" + (i % 10);
                String password = "wrong-" + i;
                statuses.add(pool.submit(() -> Api.basic(nick, password).header("X-Forwarded-For", flooder)
                        .get("admin/datacenters", DCS).status()));
            }
            for (Future<Integer> status : statuses) {
                assertThat(status.get()).as("each of the 100 failures is hashed and refused").isEqualTo(401);
            }
        } finally {
            pool.shutdownNow();
        }
        // the flooding client is refused before any hash, whatever nick it tries next
        Api.basic("address-next-" + run, "x").header("X-Forwarded-For", flooder)
                .get("admin/datacenters", DCS).expectError(429, "GEN-9");
        // another client behind the same balancer is not: it only learns its password is wrong
        Api.basic("address-other-" + run, "x").header("X-Forwarded-For", other)
                .get("admin/datacenters", DCS).expectError(401, "GEN-5");
        // and a header from a peer that is not a trusted proxy names nobody: tested in ClientAddressesTest
        // (every peer of this test is 127.0.0.1)
    }
}
