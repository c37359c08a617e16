package com.abiquo.it;

import static com.abiquo.it.Tenancy.USER;
import static com.abiquo.it.Tenancy.USERS;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

class UserIT extends ApiIT {

    @Test
    void aCreatedUserLogsInAtOnceAndNeverSeesTheirPassword() {
        JsonNode e = Tenancy.enterprise(unique("users"));
        String nick = unique("u");
        Resp created = ADMIN.post(Resp.findLink(e, "users").orElseThrow(), USER, USER,
                Tenancy.userBody(nick, "first-password", Tenancy.USER_ROLE)).expect(201);
        assertThat(created.body()).doesNotContain("password");
        JsonNode user = created.json();
        assertThat(Resp.linkNode(user, "role").path("href").asText()).isEqualTo(Tenancy.roleHref(Tenancy.USER_ROLE));
        assertThat(Resp.linkNode(user, "enterprise").path("href").asText()).isEqualTo(Tenancy.edit(e));
        ADMIN.get(Tenancy.edit(user), USER).expect(200);

        JsonNode login = Api.basic(nick, "first-password").get("login", USER).expect(200).json();
        assertThat(login.path("nick").asText()).isEqualTo(nick);
        assertThat(login.path("id").asInt()).isEqualTo(user.path("id").asInt());

        ADMIN.post(Resp.findLink(e, "users").orElseThrow(), USER, USER, Tenancy.userBody(nick, "other-pw", 2))
                .expectError(409, "USER-4");
        assertThat(ADMIN.get(Resp.findLink(e, "users").orElseThrow() + "?has=" + nick, USERS).json()
                .path("totalSize").asInt()).isEqualTo(1);
    }

    @Test
    void aPasswordChangeVoidsTheOldPasswordAndCookies() {
        JsonNode e = Tenancy.enterprise(unique("pw"));
        String nick = unique("pw");
        JsonNode user = Tenancy.user(e, nick, "old-password", Tenancy.USER_ROLE);
        Api old = Api.basic(nick, "old-password");
        Resp login = old.get("login", USER).expect(200);
        String cookie = login.header("Set-Cookie").orElseThrow().split(";", 2)[0];
        assertThat(cookie).startsWith("auth=");
        Api byCookie = Api.anonymous().header("Cookie", cookie);
        byCookie.get("login", USER).expect(200);

        // the user changes their own password, sending back what they read (no password field) plus the new one
        JsonNode self = old.get(Tenancy.edit(user), USER).expect(200).json();
        Map<String, Object> body = Api.JSON.convertValue(self, Map.class);
        body.put("password", "new-password");
        old.put(Tenancy.edit(user), USER, USER, body).expect(200);

        old.get("login", USER).expectError(401, "GEN-5");
        byCookie.get("login", USER).expectError(401, "GEN-5");
        Api.basic(nick, "new-password").get("login", USER).expect(200);
    }

    @Test
    void aUserEditsTheirProfileButNotTheirRole() {
        JsonNode e = Tenancy.enterprise(unique("self"));
        String nick = unique("self");
        JsonNode user = Tenancy.user(e, nick, "self-password", Tenancy.USER_ROLE);
        Api me = Api.basic(nick, "self-password");
        Map<String, Object> renamed = Tenancy.userBody(nick, null, Tenancy.USER_ROLE);
        renamed.put("name", "Renamed");
        assertThat(me.put(Tenancy.edit(user), USER, USER, renamed).expect(200).json().path("name").asText())
                .isEqualTo("Renamed");
        me.put(Tenancy.edit(user), USER, USER, Tenancy.userBody(nick, null, Tenancy.CLOUD_ADMIN))
                .expectError(403, "GEN-4");
        me.put(Tenancy.edit(user), USER, USER, Tenancy.userBody(nick, null, Tenancy.ENTERPRISE_ADMIN))
                .expectError(403, "GEN-4");
        me.put(Tenancy.edit(user), USER, USER, Tenancy.userBody(nick, "", Tenancy.USER_ROLE))
                .expectError(400, "USER-6");
        JsonNode read = ADMIN.get(Tenancy.edit(user), USER).expect(200).json();
        assertThat(Resp.findLink(read, "role")).contains(Tenancy.roleHref(Tenancy.USER_ROLE));
        me.get("login", USER).expect(200);
        // a user cannot delete users, themselves included; an admin cannot delete themselves either
        me.delete(Tenancy.edit(user)).expectError(403, "GEN-4");
        ADMIN.delete("admin/enterprises/1/users/1").expectError(409, "USER-5");
        ADMIN.delete(Tenancy.edit(user)).expect(204);
        ADMIN.get(Tenancy.edit(user), USER).expectError(404, "USER-3");
    }

    @Test
    void badInputIsA4xxAndWritesNothing() {
        JsonNode e = Tenancy.enterprise(unique("bad"));
        String users = Resp.findLink(e, "users").orElseThrow();
        String nick = unique("bad");
        ADMIN.post(users, USER, USER, Tenancy.userBody(nick, "", 2)).expectError(400, "USER-6");
        ADMIN.post(users, USER, USER, Tenancy.userBody(nick, null, 2)).expectError(400, "USER-6");
        ADMIN.post(users, USER, USER, Tenancy.userBody(nick, "pw-123456", 999999)).expectError(404, "ROLE-0");
        Map<String, Object> noRole = Tenancy.userBody(nick, "pw-123456", 2);
        noRole.put("links", List.of());
        ADMIN.post(users, USER, USER, noRole).expectError(400, "GEN-7");
        Map<String, Object> wrongHref = Tenancy.userBody(nick, "pw-123456", 2);
        wrongHref.put("links", List.of(Tenancy.link("role", Api.BASE + "/admin/scopes/1")));
        ADMIN.post(users, USER, USER, wrongHref).expectError(400, "GEN-6");
        Map<String, Object> badNick = Tenancy.userBody("bad nick!", "pw-123456", 2);
        badNick.put("email", "bad@example.com");
        ADMIN.post(users, USER, USER, badNick).expectError(400, "CONSTR-PATTERN");
        ADMIN.post(users, USER, USER, "{\"nick\":").expectError(400, "GEN-3");
        ADMIN.post("admin/enterprises/999999/users", USER, USER, Tenancy.userBody(nick, "pw-123456", 2))
                .expectError(404, "EN-0");
        assertThat(ADMIN.get(users, USERS).expect(200).json().path("totalSize").asInt()).isZero();
        ADMIN.get(users + "/999999", USER).expectError(404, "USER-3");
        // the admin user exists, but not in this enterprise
        ADMIN.get(users + "/1", USER).expectError(404, "USER-3");
    }

    @Test
    void usersArePaged() {
        Resp page = ADMIN.get("admin/enterprises/1/users?limit=1&by=nick", USERS).expect(200);
        assertThat(page.json().path("totalSize").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(page.items()).hasSize(1);
        assertThat(page.link("first")).contains("limit=1");
        ADMIN.get("admin/enterprises/1/users?by=password", USERS).expectError(400, "QUERY-0");
    }
}
