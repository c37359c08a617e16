package com.abiquo.it;

import static com.abiquo.it.Api.type;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

class ScopeIT extends ApiIT {

    static final String SCOPE = type("scope");
    static final String SCOPES = type("scopes");

    @Test
    void createReadUpdateDelete() {
        String name = unique("scope");
        Resp created = ADMIN.post("admin/scopes", SCOPE, SCOPE, Map.of("name", name, "automaticAddDatacenter", "true"))
                .expect(201);
        assertThat(created.json().path("automaticAddDatacenter").asBoolean()).isTrue();
        String edit = created.link("edit");
        assertThat(Resp.linkNode(created.json(), "edit").path("type").asText()).isEqualTo(SCOPE);
        JsonNode updated = ADMIN.put(edit, SCOPE, SCOPE, Map.of("name", name + "-x")).expect(200).json();
        assertThat(updated.path("name").asText()).isEqualTo(name + "-x");
        assertThat(updated.path("automaticAddDatacenter").asBoolean()).isFalse();
        assertThat(ADMIN.get("admin/scopes?has=" + name, SCOPES).expect(200).json().path("totalSize").asInt())
                .isEqualTo(1);
        ADMIN.delete(edit).expect(204);
        ADMIN.get(edit, SCOPE).expectError(404, "SCOPE-0");
    }

    @Test
    void uniqueNamesAndScopesInUse() {
        String name = unique("used");
        String edit = ADMIN.post("admin/scopes", SCOPE, SCOPE, Map.of("name", name)).expect(201).link("edit");
        ADMIN.post("admin/scopes", SCOPE, SCOPE, Map.of("name", name)).expectError(409, "SCOPE-1");
        ADMIN.post("admin/scopes", SCOPE, SCOPE, Map.of("name", "")).expectError(400, "CONSTR-NOTBLANK");
        ADMIN.post("admin/scopes", SCOPE, SCOPE, Map.of("name", "s".repeat(61))).expectError(400, "CONSTR-SIZE");
        assertThat(ADMIN.get("admin/scopes?has=" + name, SCOPES).json().path("totalSize").asInt()).isEqualTo(1);

        JsonNode role = ADMIN.post("admin/roles", Tenancy.ROLE, Tenancy.ROLE, Map.of("name", unique("scoped"),
                "links", List.of(Tenancy.link("scope", edit)))).expect(201).json();
        assertThat(Resp.findLink(role, "scope")).contains(edit);
        ADMIN.delete(edit).expectError(409, "SCOPE-2");
        ADMIN.delete("admin/scopes/1").expectError(409, "SCOPE-2");
        ADMIN.delete(Tenancy.edit(role)).expect(204);
        ADMIN.delete(edit).expect(204);
        ADMIN.delete("admin/scopes/999999").expectError(404, "SCOPE-0");
    }
}
