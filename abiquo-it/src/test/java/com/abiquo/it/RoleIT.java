package com.abiquo.it;

import static com.abiquo.it.Api.type;
import static com.abiquo.it.Tenancy.ROLE;
import static com.abiquo.it.Tenancy.ROLES;
import static com.abiquo.it.Tenancy.link;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

class RoleIT extends ApiIT {

    static final String PRIVILEGE = type("privilege");
    static final String PRIVILEGES = type("privileges");

    static String privilege(int id) {
        return Api.BASE + "/config/privileges/" + id;
    }

    static Map<String, Object> role(String name, boolean blocked, List<Map<String, String>> links) {
        return Map.of("name", name, "blocked", blocked, "links", links);
    }

    @Test
    void ansibleFindsTheSeededRolesByName() {
        Resp found = ADMIN.get("admin/roles?has=ENTERPRISE_ADMIN&limit=0", ROLES).expect(200);
        JsonNode ea = found.items().stream().filter(r -> r.path("name").asText().equals("ENTERPRISE_ADMIN"))
                .findFirst().orElseThrow();
        assertThat(ea.path("id").asInt()).isEqualTo(3);
        JsonNode privileges = Resp.linkNode(ea, "privileges");
        assertThat(privileges.path("type").asText()).isEqualTo(PRIVILEGES);
        Resp listed = ADMIN.get(privileges.path("href").asText(), PRIVILEGES).expect(200);
        assertThat(listed.items()).extracting(p -> p.path("name").asText()).contains("USERS_MANAGE_USERS")
                .doesNotContain("ENTERPRISE_ADMINISTER_ALL");
        JsonNode scope = Resp.linkNode(ea, "scope");
        ADMIN.get(scope.path("href").asText(), scope.path("type").asText()).expect(200);
    }

    @Test
    void createReadUpdateDeleteWithPrivilegeLinks() {
        String name = unique("role");
        Resp created = ADMIN.post("admin/roles", ROLE, ROLE, role(name, false, List.of(link("privilege", privilege(1)),
                link("privilege", privilege(16))))).expect(201);
        JsonNode r = created.json();
        assertThat(Resp.findLink(r, "enterprise")).isEmpty();
        String edit = created.link("edit");
        assertThat(ADMIN.get(Resp.findLink(r, "privileges").orElseThrow(), PRIVILEGES).expect(200).items())
                .extracting(p -> p.path("name").asText()).containsExactly("ENTERPRISE_ENUMERATE", "VDC_ENUMERATE");

        // what was read, sent back, keeps the privileges
        Map<String, Object> back = Api.JSON.convertValue(ADMIN.get(edit, ROLE).expect(200).json(), Map.class);
        back.put("name", name + "-x");
        JsonNode updated = ADMIN.put(edit, ROLE, ROLE, back).expect(200).json();
        assertThat(updated.path("name").asText()).isEqualTo(name + "-x");
        assertThat(updated.path("links").findValuesAsText("rel")).filteredOn("privilege"::equals).hasSize(2);

        ADMIN.put(edit, ROLE, ROLE, role(name + "-x", false, List.of(link("privilege", privilege(9))))).expect(200);
        assertThat(ADMIN.get(edit + "/action/privileges", PRIVILEGES).items()).extracting(p -> p.path("id").asInt())
                .containsExactly(9);
        ADMIN.delete(edit).expect(204);
        ADMIN.get(edit, ROLE).expectError(404, "ROLE-0");
    }

    @Test
    void enterpriseRolesConflictsAndBadLinks() {
        JsonNode e = Tenancy.enterprise(unique("roles"));
        String name = unique("own");
        List<Map<String, String>> owned = List.of(link("enterprise", Tenancy.edit(e)), link("privilege", privilege(1)));
        JsonNode r = ADMIN.post("admin/roles", ROLE, ROLE, role(name, false, owned)).expect(201).json();
        assertThat(Resp.findLink(r, "enterprise")).contains(Tenancy.edit(e));
        ADMIN.post("admin/roles", ROLE, ROLE, role(name, false, owned)).expectError(409, "ROLE-1");
        // the same name is fine as a global role, once
        String global = unique("glob");
        ADMIN.post("admin/roles", ROLE, ROLE, role(global, false, List.of())).expect(201);
        ADMIN.post("admin/roles", ROLE, ROLE, role(global, false, List.of())).expectError(409, "ROLE-1");

        String bad = unique("bad");
        ADMIN.post("admin/roles", ROLE, ROLE, role(bad, false, List.of(link("privilege", privilege(9999)))))
                .expectError(404, "PRIVILEGE-0");
        ADMIN.post("admin/roles", ROLE, ROLE, role(bad, false, List.of(link("privilege", Api.BASE + "/admin/roles/1"))))
                .expectError(400, "GEN-6");
        ADMIN.post("admin/roles", ROLE, ROLE, role(bad, false, List.of(link("enterprise",
                Api.BASE + "/admin/enterprises/999999")))).expectError(404, "EN-0");
        ADMIN.post("admin/roles", ROLE, ROLE, role(bad, false, List.of(link("scope", Api.BASE + "/admin/scopes/999999"))))
                .expectError(404, "SCOPE-0");
        ADMIN.post("admin/roles", ROLE, ROLE, Map.of("name", "")).expectError(400, "CONSTR-NOTBLANK");
        String nullLinks = unique("nolinks");
        ADMIN.post("admin/roles", ROLE, ROLE, "{\"name\":\"" + nullLinks + "\",\"links\":null}").expect(201);
        ADMIN.post("admin/roles", ROLE, ROLE, "{\"name\":\"" + bad + "\",\"links\":[null,{\"rel\":\"privilege\"}]}")
                .expect(201);
        ADMIN.post("admin/roles", ROLE, ROLE, "{\"name\":\"" + bad + "\",\"blocked\":\"maybe\"}")
                .expectError(400, "GEN-3");
        assertThat(ADMIN.get("admin/roles?has=" + bad, ROLES).json().path("totalSize").asInt()).isEqualTo(1);
    }

    @Test
    void rolesInUseAndBlockedRolesAreKept() {
        ADMIN.delete("admin/roles/1").expectError(409, "ROLE-2");
        String name = unique("blocked");
        String edit = ADMIN.post("admin/roles", ROLE, ROLE, role(name, true, List.of())).expect(201).link("edit");
        ADMIN.put(edit, ROLE, ROLE, role(name, false, List.of())).expectError(409, "ROLE-4");
        ADMIN.delete(edit).expectError(409, "ROLE-4");
        assertThat(ADMIN.get(edit, ROLE).expect(200).json().path("blocked").asBoolean()).isTrue();
    }

    @Test
    void thePrivilegeCatalogue() {
        Resp all = ADMIN.get("config/privileges?limit=0", PRIVILEGES).expect(200);
        assertThat(all.items()).hasSizeGreaterThanOrEqualTo(27);
        JsonNode one = ADMIN.get("config/privileges/2", PRIVILEGE).expect(200).json();
        assertThat(one.path("name").asText()).isEqualTo("ENTERPRISE_ADMINISTER_ALL");
        assertThat(Resp.linkNode(one, "self").path("href").asText()).isEqualTo(privilege(2));
        assertThat(Resp.linkNode(one, "self").path("type").asText()).isEqualTo(PRIVILEGE);
        assertThat(ADMIN.get("config/privileges?has=users_manage&limit=0", PRIVILEGES).items())
                .allMatch(p -> p.path("name").asText().startsWith("USERS_MANAGE"));
        Resp page = ADMIN.get("config/privileges?limit=5", PRIVILEGES).expect(200);
        assertThat(page.items()).hasSize(5);
        List<String> rels = new ArrayList<>(page.json().path("links").findValuesAsText("rel"));
        assertThat(rels).contains("next");
        ADMIN.get("config/privileges/9999", PRIVILEGE).expectError(404, "PRIVILEGE-0");
    }
}
