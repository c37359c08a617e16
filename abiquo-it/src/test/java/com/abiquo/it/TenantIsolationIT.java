package com.abiquo.it;

import static com.abiquo.it.Tenancy.ENTERPRISE;
import static com.abiquo.it.Tenancy.ENTERPRISES;
import static com.abiquo.it.Tenancy.LIMIT;
import static com.abiquo.it.Tenancy.LIMITS;
import static com.abiquo.it.Tenancy.PROPERTIES;
import static com.abiquo.it.Tenancy.ROLE;
import static com.abiquo.it.Tenancy.ROLES;
import static com.abiquo.it.Tenancy.USER;
import static com.abiquo.it.Tenancy.USERS;
import static com.abiquo.it.Tenancy.link;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Two tenants: "mine" with an enterprise admin and a plain user, "theirs" with one user, a limit
 * and an own role. Users are created once for the class (each costs a slow hash).
 */
class TenantIsolationIT extends ApiIT {

    static JsonNode mine;
    static JsonNode theirs;
    static JsonNode theirUser;
    static JsonNode theirLimit;
    static JsonNode theirRole;
    static JsonNode plainUser;
    static Api enterpriseAdmin;
    static Api user;

    @BeforeAll
    static void tenants() {
        mine = Tenancy.enterprise(unique("mine"));
        theirs = Tenancy.enterprise(unique("theirs"));
        JsonNode dc = Tenancy.datacenter(unique("isodc"));
        Tenancy.limit(mine, dc);
        theirLimit = Tenancy.limit(theirs, dc);
        theirUser = Tenancy.user(theirs, unique("their"), "their-password", Tenancy.USER_ROLE);
        theirRole = ADMIN.post("admin/roles", ROLE, ROLE, Map.of("name", unique("theirrole"), "links",
                List.of(link("enterprise", Tenancy.edit(theirs))))).expect(201).json();
        String ea = unique("ea");
        Tenancy.user(mine, ea, "ea-password", Tenancy.ENTERPRISE_ADMIN);
        enterpriseAdmin = Api.basic(ea, "ea-password");
        String plain = unique("plain");
        plainUser = Tenancy.user(mine, plain, "plain-password", Tenancy.USER_ROLE);
        user = Api.basic(plain, "plain-password");
    }

    @Test
    void anEnterpriseAdminCannotReachAnotherEnterprise() {
        String other = Tenancy.edit(theirs);
        enterpriseAdmin.get(other, ENTERPRISE).expectError(404, "EN-0");
        enterpriseAdmin.get(other + "/users", USERS).expectError(404, "EN-0");
        enterpriseAdmin.get(Tenancy.edit(theirUser), USER).expectError(404, "EN-0");
        enterpriseAdmin.put(Tenancy.edit(theirUser), USER, USER, Tenancy.userBody("hijack", "hijacked-pw", 2))
                .expectError(404, "EN-0");
        enterpriseAdmin.delete(Tenancy.edit(theirUser)).expectError(404, "EN-0");
        enterpriseAdmin.post(other + "/users", USER, USER, Tenancy.userBody(unique("intruder"), "pw-intruder", 2))
                .expectError(404, "EN-0");
        enterpriseAdmin.get(other + "/limits", LIMITS).expectError(404, "EN-0");
        enterpriseAdmin.get(Tenancy.edit(theirLimit), LIMIT).expectError(404, "EN-0");
        enterpriseAdmin.get(other + "/properties", PROPERTIES).expectError(404, "EN-0");
        enterpriseAdmin.put(other + "/properties", PROPERTIES, PROPERTIES, Map.of("properties", Map.of("x", "y")))
                .expectError(404, "EN-0");
        enterpriseAdmin.get(Tenancy.edit(theirRole), ROLE).expectError(404, "ROLE-0");
        // the same user id through my enterprise's path is not found either
        enterpriseAdmin.get(Tenancy.edit(mine) + "/users/" + theirUser.path("id").asInt(), USER)
                .expectError(404, "USER-3");

        assertThat(ADMIN.get(Tenancy.edit(theirUser), USER).expect(200).json().path("nick").asText())
                .isEqualTo(theirUser.path("nick").asText());
        assertThat(ADMIN.get(other + "/properties", PROPERTIES).json().path("properties").size()).isZero();
    }

    @Test
    void listsNeverShowOtherTenants() {
        Resp enterprises = enterpriseAdmin.get("admin/enterprises?limit=0", ENTERPRISES).expect(200);
        assertThat(enterprises.items()).extracting(e -> e.path("id").asInt()).containsExactly(mine.path("id").asInt());
        Resp roles = enterpriseAdmin.get("admin/roles?limit=0", ROLES).expect(200);
        assertThat(roles.items()).extracting(r -> r.path("id").asInt()).contains(1, 2, 3)
                .doesNotContain(theirRole.path("id").asInt());
        Resp users = enterpriseAdmin.get(Tenancy.edit(mine) + "/users?limit=0", USERS).expect(200);
        assertThat(users.items()).extracting(u -> u.path("id").asInt()).doesNotContain(theirUser.path("id").asInt())
                .contains(plainUser.path("id").asInt());
        Resp limits = enterpriseAdmin.get(Tenancy.edit(mine) + "/limits", LIMITS).expect(200);
        assertThat(limits.items()).hasSize(1);
        assertThat(limits.items()).extracting(l -> l.path("id").asInt()).doesNotContain(theirLimit.path("id").asInt());
    }

    @Test
    void anEnterpriseAdminCannotEscalate() {
        String users = Tenancy.edit(mine) + "/users";
        String nick = unique("admin-wannabe");
        enterpriseAdmin.post(users, USER, USER, Tenancy.userBody(nick, "wannabe-pw", Tenancy.CLOUD_ADMIN))
                .expectError(403, "ROLE-3");
        assertThat(ADMIN.get(users + "?has=" + nick, USERS).json().path("totalSize").asInt()).isZero();
        // nor give the plain user a more powerful role than their own
        enterpriseAdmin.put(Tenancy.edit(plainUser), USER, USER, Tenancy.userBody(plainUser.path("nick").asText(),
                null, Tenancy.CLOUD_ADMIN)).expectError(403, "ROLE-3");
        assertThat(Resp.findLink(ADMIN.get(Tenancy.edit(plainUser), USER).json(), "role"))
                .contains(Tenancy.roleHref(Tenancy.USER_ROLE));

        String roleName = unique("superrole");
        List<Map<String, String>> links = List.of(link("enterprise", Tenancy.edit(mine)),
                link("privilege", Api.BASE + "/config/privileges/2"));
        enterpriseAdmin.post("admin/roles", ROLE, ROLE, Map.of("name", roleName, "links", links))
                .expectError(403, "ROLE-3");
        enterpriseAdmin.post("admin/roles", ROLE, ROLE, Map.of("name", roleName, "links", List.of()))
                .expectError(403, "GEN-4");
        assertThat(ADMIN.get("admin/roles?has=" + roleName, ROLES).json().path("totalSize").asInt()).isZero();
        // a role of their own enterprise within their privileges is fine, but not made stronger later
        JsonNode own = enterpriseAdmin.post("admin/roles", ROLE, ROLE, Map.of("name", roleName, "links",
                List.of(link("enterprise", Tenancy.edit(mine)), link("privilege", Api.BASE + "/config/privileges/9"))))
                .expect(201).json();
        enterpriseAdmin.put(Tenancy.edit(own), ROLE, ROLE, Map.of("name", roleName, "links", links))
                .expectError(403, "ROLE-3");
        // and global roles are not theirs to change
        enterpriseAdmin.put("admin/roles/3", ROLE, ROLE, Map.of("name", "ENTERPRISE_ADMIN", "links",
                List.of(link("privilege", Api.BASE + "/config/privileges/2")))).expectError(403, "GEN-4");
        enterpriseAdmin.delete(Tenancy.edit(own)).expect(204);
    }

    @Test
    void anEnterpriseAdminReadsButDoesNotChangeTheirLimits() {
        enterpriseAdmin.get(Tenancy.edit(mine), ENTERPRISE).expect(200);
        JsonNode limit = enterpriseAdmin.get(Tenancy.edit(mine) + "/limits", LIMITS).expect(200).items().get(0);
        enterpriseAdmin.get(Tenancy.edit(limit), LIMIT).expect(200);
        enterpriseAdmin.put(Tenancy.edit(limit), LIMIT, LIMIT, Map.of("cpuCountHardLimit", 1)).expectError(403, "GEN-4");
        enterpriseAdmin.put(Tenancy.edit(mine), ENTERPRISE, ENTERPRISE, Map.of("name", "renamed"))
                .expectError(403, "GEN-4");
        enterpriseAdmin.post("admin/enterprises", ENTERPRISE, ENTERPRISE, Map.of("name", unique("new")))
                .expectError(403, "GEN-4");
        enterpriseAdmin.put(Tenancy.edit(mine) + "/properties", PROPERTIES, PROPERTIES,
                Map.of("properties", Map.of("owner", "me"))).expect(200);
    }

    @Test
    void aUserReadsOnlyThemselvesAndTheirEnterprise() {
        user.get(Tenancy.edit(mine), ENTERPRISE).expect(200);
        user.get(Tenancy.edit(plainUser), USER).expect(200);
        user.get(Tenancy.edit(theirs), ENTERPRISE).expectError(404, "EN-0");
        user.get(Tenancy.edit(mine) + "/users", USERS).expectError(403, "GEN-4");
        user.post(Tenancy.edit(mine) + "/users", USER, USER, Tenancy.userBody(unique("x"), "x-password", 2))
                .expectError(403, "GEN-4");
        user.get(Tenancy.edit(mine) + "/properties", PROPERTIES).expectError(403, "GEN-4");
        user.get(Tenancy.edit(mine) + "/limits", LIMITS).expectError(403, "GEN-4");
        user.get("admin/roles", ROLES).expectError(403, "GEN-4");
        assertThat(user.get("admin/enterprises", ENTERPRISES).expect(200).items()).hasSize(1);
    }
}
