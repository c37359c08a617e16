package com.abiquo.it;

import static com.abiquo.it.Tenancy.ENTERPRISE;
import static com.abiquo.it.Tenancy.ENTERPRISES;
import static com.abiquo.it.Tenancy.PROPERTIES;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

class EnterpriseIT extends ApiIT {

    @Test
    void createReadUpdateDeleteThroughLinksWithNumbersAsStrings() {
        String name = unique("ent");
        Resp created = ADMIN.post("admin/enterprises", ENTERPRISE, ENTERPRISE, "{\"name\":\"" + name
                + "\",\"cpuCountSoftLimit\":\"2\",\"cpuCountHardLimit\":\"4\",\"ramHardLimitInMb\":\"0\","
                + "\"vlansSoft\":1,\"vlansHard\":\"0\",\"isReservationRestricted\":true}").expect(201);
        JsonNode e = created.json();
        assertThat(e.path("cpuCountSoftLimit").asLong()).isEqualTo(2);
        assertThat(e.path("cpuCountHardLimit").asLong()).isEqualTo(4);
        assertThat(e.path("vlansSoft").asLong()).isEqualTo(1);
        assertThat(e.path("isReservationRestricted").asBoolean()).isTrue();
        assertThat(Resp.linkNode(e, "edit").path("type").asText()).isEqualTo(ENTERPRISE);
        for (String rel : new String[] {"users", "limits", "properties"}) {
            JsonNode link = Resp.linkNode(e, rel);
            ADMIN.get(link.path("href").asText(), link.path("type").asText()).expect(200);
        }

        String edit = created.link("edit");
        assertThat(ADMIN.get(edit, ENTERPRISE).expect(200).json().path("name").asText()).isEqualTo(name);
        JsonNode updated = ADMIN.put(edit, ENTERPRISE, ENTERPRISE, Map.of("name", name + "-x", "ramSoftLimitInMb", 512,
                "ramHardLimitInMb", "1024")).expect(200).json();
        assertThat(updated.path("name").asText()).isEqualTo(name + "-x");
        assertThat(updated.path("ramHardLimitInMb").asLong()).isEqualTo(1024);
        assertThat(updated.path("cpuCountHardLimit").asLong()).isZero();

        ADMIN.delete(edit).expect(204);
        ADMIN.get(edit, ENTERPRISE).expectError(404, "EN-0");
    }

    @Test
    void conflictsAndBadLimitsWriteNothing() {
        String name = unique("dup");
        JsonNode e = Tenancy.enterprise(name);
        ADMIN.post("admin/enterprises", ENTERPRISE, ENTERPRISE, Map.of("name", name)).expectError(409, "EN-1");
        String other = unique("bad");
        ADMIN.post("admin/enterprises", ENTERPRISE, ENTERPRISE, Map.of("name", other, "cpuCountSoftLimit", 5,
                "cpuCountHardLimit", 4)).expectError(400, "LIMIT-3");
        ADMIN.post("admin/enterprises", ENTERPRISE, ENTERPRISE, Map.of("name", other, "ramHardLimitInMb", -1))
                .expectError(400, "CONSTR-POSITIVEORZERO");
        ADMIN.post("admin/enterprises", ENTERPRISE, ENTERPRISE, Map.of("name", other, "vlansHard", "many"))
                .expectError(400, "GEN-3");
        ADMIN.post("admin/enterprises", ENTERPRISE, ENTERPRISE, Map.of("name", "")).expectError(400, "CONSTR-NOTBLANK");
        ADMIN.post("admin/enterprises", ENTERPRISE, ENTERPRISE, Map.of("name", "x".repeat(41)))
                .expectError(400, "CONSTR-SIZE");
        ADMIN.post("admin/enterprises", ENTERPRISE, ENTERPRISE, "{\"name\":").expectError(400, "GEN-3");
        ADMIN.post("admin/enterprises", ENTERPRISE, ENTERPRISE, "").expectError(400, "GEN-8");
        assertThat(count(other)).isZero();
        assertThat(count(name)).isEqualTo(1);

        // a soft limit above a hard one is refused on update too, and the enterprise stays as it was
        ADMIN.put(Tenancy.edit(e), ENTERPRISE, ENTERPRISE, Map.of("name", name, "vlansSoft", 3, "vlansHard", 2))
                .expectError(400, "LIMIT-3");
        assertThat(ADMIN.get(Tenancy.edit(e), ENTERPRISE).json().path("vlansSoft").asLong()).isZero();
        ADMIN.get("admin/enterprises/999999", ENTERPRISE).expectError(404, "EN-0");
        ADMIN.get("admin/enterprises/abc", ENTERPRISE).expectError(400, "GEN-0");
    }

    @Test
    void anEnterpriseWithUsersOrOfTheCallerIsNotDeleted() {
        JsonNode e = Tenancy.enterprise(unique("busy"));
        Tenancy.user(e, unique("busy-user"), "secret-pw", Tenancy.USER_ROLE);
        ADMIN.delete(Tenancy.edit(e)).expectError(409, "EN-2");
        ADMIN.get(Tenancy.edit(e), ENTERPRISE).expect(200);
        ADMIN.delete("admin/enterprises/1").expectError(409, "EN-2");
    }

    @Test
    void propertiesAreReplacedAsAWhole() {
        JsonNode e = Tenancy.enterprise(unique("props"));
        String props = Resp.findLink(e, "properties").orElseThrow();
        assertThat(ADMIN.get(props, PROPERTIES).expect(200).json().path("properties").size()).isZero();
        JsonNode put = ADMIN.put(props, PROPERTIES, PROPERTIES, Map.of("properties", Map.of("a", "1", "b", "2")))
                .expect(200).json();
        assertThat(put.path("properties").path("b").asText()).isEqualTo("2");
        ADMIN.put(props, PROPERTIES, PROPERTIES, Map.of("properties", Map.of("a", "3"))).expect(200);
        JsonNode read = ADMIN.get(props, PROPERTIES).expect(200).json();
        assertThat(read.path("properties").path("a").asText()).isEqualTo("3");
        assertThat(read.path("properties").has("b")).isFalse();
        ADMIN.put(props, PROPERTIES, PROPERTIES, Map.of("properties", Map.of(" ", "x"))).expectError(400,
                "CONSTR-NOTBLANK");
        ADMIN.put(props, PROPERTIES, PROPERTIES, Map.of("properties", Map.of("k", "v".repeat(300))))
                .expectError(400, "CONSTR-SIZE");
        ADMIN.put(props, PROPERTIES, PROPERTIES, "{}").expectError(400, "CONSTR-NOTNULL");
        assertThat(ADMIN.get(props, PROPERTIES).json().path("properties").path("a").asText()).isEqualTo("3");
    }

    @Test
    void pagesCarryTotalSizeAndLinks() {
        String tag = unique("epage");
        for (int i = 0; i < 3; i++) {
            Tenancy.enterprise(tag + "-" + i);
        }
        Resp first = ADMIN.get("admin/enterprises?has=" + tag + "&limit=2&by=name", ENTERPRISES).expect(200);
        assertThat(first.json().path("totalSize").asInt()).isEqualTo(3);
        assertThat(first.items()).extracting(n -> n.path("name").asText()).containsExactly(tag + "-0", tag + "-1");
        Resp next = ADMIN.get(first.link("next"), ENTERPRISES).expect(200);
        assertThat(next.items()).extracting(n -> n.path("name").asText()).containsExactly(tag + "-2");
    }

    private static long count(String name) {
        return ADMIN.get("admin/enterprises?has=" + name + "&limit=0", ENTERPRISES).expect(200).json()
                .path("totalSize").asLong();
    }
}
