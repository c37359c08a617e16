package com.abiquo.it;

import static com.abiquo.it.Api.type;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

class DatacenterIT extends ApiIT {

    static final String DC = type("datacenter");
    static final String DCS = type("datacenters");

    @Test
    void createReadUpdateDeleteThroughLinks() {
        String name = unique("dc");
        Resp created = ADMIN.post("admin/datacenters", DC, DC, Map.of("name", name, "location", "Barcelona")).expect(201);
        JsonNode dc = created.json();
        assertThat(dc.path("name").asText()).isEqualTo(name);
        assertThat(dc.path("id").asInt()).isPositive();
        String edit = created.link("edit");
        assertThat(edit).startsWith(Api.BASE + "/admin/datacenters/");
        assertThat(Resp.linkNode(dc, "edit").path("type").asText()).isEqualTo(DC);

        JsonNode read = ADMIN.get(edit, DC).expect(200).json();
        assertThat(read.path("location").asText()).isEqualTo("Barcelona");

        JsonNode updated = ADMIN.put(edit, DC, DC, Map.of("name", name, "location", "Girona")).expect(200).json();
        assertThat(updated.path("location").asText()).isEqualTo("Girona");

        ADMIN.delete(edit).expect(204);
        ADMIN.get(edit, DC).expectError(404, "DC-0");
    }

    @Test
    void duplicatedNameIsAConflictAndWritesNothing() {
        String name = unique("dup");
        ADMIN.post("admin/datacenters", DC, DC, Map.of("name", name, "location", "A")).expect(201);
        ADMIN.post("admin/datacenters", DC, DC, Map.of("name", name, "location", "B")).expectError(409, "DC-3");
        long same = ADMIN.get("admin/datacenters?has=" + name + "&limit=0", DCS).expect(200).json().path("totalSize").asLong();
        assertThat(same).isEqualTo(1);
    }

    @Test
    void badInputIsA400WithAnAbiquoErrorBody() {
        ADMIN.post("admin/datacenters", DC, DC, "{\"name\": ").expectError(400, "GEN-3");
        ADMIN.post("admin/datacenters", DC, DC, Map.of("name", "", "location", "x")).expectError(400, "CONSTR-NOTBLANK");
        ADMIN.post("admin/datacenters", DC, DC, Map.of("name", "x".repeat(5000), "location", "x")).expectError(400, "CONSTR-SIZE");
        ADMIN.post("admin/datacenters", DC, DC, "{\"name\": [1,2], \"location\": \"x\"}").expectError(400, "GEN-3");
        ADMIN.post("admin/datacenters", DC, DC, "").expectError(400, "GEN-8");
        ADMIN.get("admin/datacenters/abc", DC).expectError(400, "GEN-0");
        ADMIN.get("admin/datacenters/999999", DC).expectError(404, "DC-0");
        ADMIN.put("admin/datacenters/999999", DC, DC, Map.of("name", "n", "location", "l")).expectError(404, "DC-0");
        ADMIN.delete("admin/datacenters/999999").expectError(404, "DC-0");
        ADMIN.post("admin/datacenters", "text/plain", DC, "name").expectError(415, "415-UNSUPPORTED MEDIA TYPE");
    }

    @Test
    void pagesCarryTotalSizeAndLinks() {
        String tag = unique("page");
        for (int i = 0; i < 7; i++) {
            ADMIN.post("admin/datacenters", DC, DC, Map.of("name", tag + "-" + i, "location", "L" + i)).expect(201);
        }
        Resp first = ADMIN.get("admin/datacenters?has=" + tag + "&limit=3&by=name&asc=true", DCS).expect(200);
        assertThat(first.json().path("totalSize").asInt()).isEqualTo(7);
        assertThat(first.items()).extracting(n -> n.path("name").asText()).containsExactly(tag + "-0", tag + "-1", tag + "-2");
        assertThat(Resp.findLink(first.json(), "previous")).isEmpty();

        Resp second = ADMIN.get(first.link("next"), DCS).expect(200);
        assertThat(second.items()).extracting(n -> n.path("name").asText()).containsExactly(tag + "-3", tag + "-4", tag + "-5");
        Resp last = ADMIN.get(second.link("last"), DCS).expect(200);
        assertThat(last.items()).extracting(n -> n.path("name").asText()).containsExactly(tag + "-6");
        assertThat(Resp.findLink(last.json(), "next")).isEmpty();
        assertThat(last.link("previous")).contains("startwith=3");

        Resp desc = ADMIN.get("admin/datacenters?has=" + tag + "&limit=0&by=name&asc=false", DCS).expect(200);
        assertThat(desc.items()).hasSize(7);
        assertThat(desc.items().get(0).path("name").asText()).isEqualTo(tag + "-6");

        ADMIN.get("admin/datacenters?by=password", DCS).expectError(400, "QUERY-0");
        ADMIN.get("admin/datacenters?limit=-1", DCS).expectError(400, "QUERY-1");
        ADMIN.get("admin/datacenters?startwith=x", DCS).expectError(400, "QUERY-1");
    }

    @Test
    void infrastructureLinksAnswerWithTheirTypes() {
        JsonNode dc = ADMIN.post("admin/datacenters", DC, DC, Map.of("name", unique("links"), "location", "L")).expect(201).json();
        for (String rel : java.util.List.of("racks", "remoteservices", "hypervisors", "networkservicetypes")) {
            JsonNode link = Resp.linkNode(dc, rel);
            Resp followed = ADMIN.get(link.path("href").asText(), link.path("type").asText()).expect(200);
            assertThat(followed.header("Content-Type")).as(rel).hasValueSatisfying(t -> assertThat(t).startsWith(link.path("type").asText()));
        }
    }
}
