package com.abiquo.it;

import static com.abiquo.it.Infra.MACHINES;
import static com.abiquo.it.Infra.RACK;
import static com.abiquo.it.Infra.RACKS;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

class RackIT extends ApiIT {

    @Test
    void createReadUpdateDeleteThroughLinks() {
        JsonNode dc = Infra.datacenter();
        String racks = Resp.findLink(dc, "racks").orElseThrow();
        assertThat(Resp.linkNode(dc, "racks").path("type").asText()).isEqualTo(RACKS);

        // numbers as JSON strings, as Ansible sends them; absent ones take Abiquo's defaults
        Resp created = ADMIN.post(racks, RACK, RACK, "{\"name\":\"r1\",\"shortDescription\":\"short\",\"vlanIdMin\":\"10\","
                + "\"vlansIdAvoided\":\"20,30-40\",\"haEnabled\":true}").expect(201);
        JsonNode rack = created.json();
        assertThat(rack.path("id").asInt()).isPositive();
        assertThat(rack.path("vlanIdMin").asInt()).isEqualTo(10);
        assertThat(rack.path("vlanIdMax").asInt()).isEqualTo(4094);
        assertThat(rack.path("vlansIdAvoided").asText()).isEqualTo("20,30-40");
        assertThat(rack.path("haEnabled").asBoolean()).isTrue();
        assertThat(Resp.linkNode(rack, "edit").path("type").asText()).isEqualTo(RACK);
        assertThat(Resp.linkNode(rack, "machines").path("type").asText()).isEqualTo(MACHINES);

        String edit = created.link("edit");
        ADMIN.get(Resp.findLink(rack, "datacenter").orElseThrow(), Infra.DC).expect(200);
        assertThat(ADMIN.get(created.link("machines"), MACHINES).expect(200).json().path("totalSize").asInt()).isZero();
        assertThat(ADMIN.get(racks, RACKS).expect(200).items()).extracting(n -> n.path("name").asText()).containsExactly("r1");

        JsonNode updated = ADMIN.put(edit, RACK, RACK, Map.of("name", "r1-renamed", "vlanIdMin", 100, "vlanIdMax", 200,
                "longDescription", "long")).expect(200).json();
        assertThat(updated.path("name").asText()).isEqualTo("r1-renamed");
        assertThat(updated.path("vlanIdMax").asInt()).isEqualTo(200);
        JsonNode read = ADMIN.get(edit, RACK).expect(200).json();
        assertThat(read.path("longDescription").asText()).isEqualTo("long");
        assertThat(read.path("haEnabled").asBoolean()).as("absent flag kept").isTrue();

        ADMIN.delete(edit).expect(204);
        ADMIN.get(edit, RACK).expectError(404, "RACK-0");
        assertThat(Infra.total(racks, RACKS)).isZero();
    }

    @Test
    void duplicatedNameInTheDatacenterIsAConflict() {
        JsonNode dc = Infra.datacenter();
        String racks = Resp.findLink(dc, "racks").orElseThrow();
        JsonNode first = Infra.rack(dc, "same");
        ADMIN.post(racks, RACK, RACK, Map.of("name", "same")).expectError(409, "RACK-3");
        JsonNode other = Infra.rack(dc, "other");
        ADMIN.put(Resp.findLink(other, "edit").orElseThrow(), RACK, RACK, Map.of("name", "same")).expectError(409, "RACK-3");
        assertThat(Infra.total(racks, RACKS)).isEqualTo(2);
        assertThat(first.path("name").asText()).isEqualTo("same");
        Infra.rack(Infra.datacenter(), "same"); // another datacenter may use the name
    }

    @Test
    void badInputIsA400AndWritesNothing() {
        JsonNode dc = Infra.datacenter();
        String racks = Resp.findLink(dc, "racks").orElseThrow();
        ADMIN.post(racks, RACK, RACK, Map.of("name", "r", "vlanIdMin", 300, "vlanIdMax", 200)).expectError(400, "RACK-5");
        ADMIN.post(racks, RACK, RACK, Map.of("name", "r", "vlanIdMin", 0)).expectError(400, "RACK-5");
        ADMIN.post(racks, RACK, RACK, Map.of("name", "r", "vlanIdMax", 4095)).expectError(400, "RACK-5");
        ADMIN.post(racks, RACK, RACK, "{\"name\":\"r\",\"vlanIdMin\":\"abc\"}").expectError(400, "GEN-3");
        ADMIN.post(racks, RACK, RACK, "{\"name\":\"r\",\"vlanIdMin\":2.5}").expectError(400, "GEN-3");
        ADMIN.post(racks, RACK, RACK, Map.of("name", "")).expectError(400, "CONSTR-NOTBLANK");
        ADMIN.post(racks, RACK, RACK, Map.of("name", "x".repeat(41))).expectError(400, "CONSTR-SIZE");
        ADMIN.post(racks, RACK, RACK, Map.of("name", "r", "nrsq", -1)).expectError(400, "CONSTR-MIN");
        ADMIN.post(racks, RACK, RACK, Map.of("name", "r", "vlansIdAvoided", "1;drop")).expectError(400, "CONSTR-PATTERN");
        ADMIN.post(racks, RACK, RACK, "{\"name\": ").expectError(400, "GEN-3");
        ADMIN.post(racks, RACK, RACK, "").expectError(400, "GEN-8");
        assertThat(Infra.total(racks, RACKS)).isZero();

        String edit = Resp.findLink(Infra.rack(dc, "kept"), "edit").orElseThrow();
        ADMIN.put(edit, RACK, RACK, Map.of("name", "changed", "vlanIdMin", 10, "vlanIdMax", 5)).expectError(400, "RACK-5");
        assertThat(ADMIN.get(edit, RACK).expect(200).json().path("name").asText()).isEqualTo("kept");
    }

    @Test
    void aRackUnderAnotherDatacenterDoesNotExist() {
        JsonNode dcA = Infra.datacenter();
        JsonNode dcB = Infra.datacenter();
        int rack = Infra.rack(dcA, "mine").path("id").asInt();
        String underB = Resp.findLink(dcB, "racks").orElseThrow() + "/" + rack;
        ADMIN.get(underB, RACK).expectError(404, "RACK-0");
        ADMIN.put(underB, RACK, RACK, Map.of("name", "stolen")).expectError(404, "RACK-0");
        ADMIN.delete(underB).expectError(404, "RACK-0");
        ADMIN.get("admin/datacenters/999999/racks", RACKS).expectError(404, "DC-0");
        ADMIN.get("admin/datacenters/999999/racks/" + rack, RACK).expectError(404, "DC-0");
        ADMIN.get(Resp.findLink(dcA, "racks").orElseThrow() + "/abc", RACK).expectError(400, "GEN-0");
        Api.anonymous().get(Resp.findLink(dcA, "racks").orElseThrow(), RACKS).expectError(401, "401-UNAUTHORIZED");
    }

    @Test
    void aRackWithMachinesCannotBeDeleted() {
        JsonNode rack = Infra.rack(Infra.datacenter(), "busy");
        JsonNode machine = Infra.machine(rack, "host", Infra.ip());
        String edit = Resp.findLink(rack, "edit").orElseThrow();
        ADMIN.delete(edit).expectError(409, "RACK-4");
        ADMIN.get(edit, RACK).expect(200);
        ADMIN.delete(Resp.findLink(machine, "edit").orElseThrow()).expect(204);
        ADMIN.delete(edit).expect(204);
    }

    @Test
    void pagesFilterAndOrder() {
        JsonNode dc = Infra.datacenter();
        String racks = Resp.findLink(dc, "racks").orElseThrow();
        for (int i = 0; i < 5; i++) {
            Infra.rack(dc, "page-" + i);
        }
        Infra.rack(dc, "zzz");
        Resp first = ADMIN.get(racks + "?has=page&limit=2&by=name&asc=false", RACKS).expect(200);
        assertThat(first.json().path("totalSize").asInt()).isEqualTo(5);
        assertThat(first.items()).extracting(n -> n.path("name").asText()).containsExactly("page-4", "page-3");
        Resp second = ADMIN.get(first.link("next"), RACKS).expect(200);
        assertThat(second.items()).extracting(n -> n.path("name").asText()).containsExactly("page-2", "page-1");
        Resp last = ADMIN.get(second.link("last"), RACKS).expect(200);
        assertThat(last.items()).extracting(n -> n.path("name").asText()).containsExactly("page-0");
        assertThat(Resp.findLink(last.json(), "next")).isEmpty();
        ADMIN.get(racks + "?by=vlanIdMin", RACKS).expectError(400, "QUERY-0");
    }
}
