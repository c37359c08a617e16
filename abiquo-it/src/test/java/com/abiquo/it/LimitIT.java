package com.abiquo.it;

import static com.abiquo.it.Tenancy.LIMIT;
import static com.abiquo.it.Tenancy.LIMITS;
import static com.abiquo.it.Tenancy.link;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

class LimitIT extends ApiIT {

    @Test
    void aLimitIsFoundAgainByItsLocationHref() {
        JsonNode e = Tenancy.enterprise(unique("lim"));
        JsonNode dc = Tenancy.datacenter(unique("limdc"));
        String limits = Resp.findLink(e, "limits").orElseThrow();
        String dcHref = Tenancy.edit(dc);

        Resp created = ADMIN.post(limits, LIMIT, LIMIT, "{\"cpuCountSoftLimit\":\"1\",\"cpuCountHardLimit\":\"0\","
                + "\"ramHardLimitInMb\":\"2048\",\"links\":[{\"rel\":\"location\",\"href\":\"" + dcHref
                + "\",\"type\":\"application/vnd.abiquo.location+json\"}]}").expect(201);
        JsonNode limit = created.json();
        assertThat(limit.path("ramHardLimitInMb").asLong()).isEqualTo(2048);
        JsonNode location = Resp.linkNode(limit, "location");
        assertThat(location.path("href").asText()).isEqualTo(dcHref);
        assertThat(location.path("type").asText()).isEqualTo(Tenancy.DATACENTER);
        ADMIN.get(location.path("href").asText(), location.path("type").asText()).expect(200);
        assertThat(Resp.linkNode(limit, "edit").path("type").asText()).isEqualTo(LIMIT);

        Resp list = ADMIN.get(limits, LIMITS).expect(200);
        assertThat(list.items()).filteredOn(l -> Resp.findLink(l, "location").orElse("").equals(dcHref)).hasSize(1);

        String edit = created.link("edit");
        JsonNode updated = ADMIN.put(edit, LIMIT, LIMIT, Map.of("cpuCountSoftLimit", "2", "cpuCountHardLimit", "3"))
                .expect(200).json();
        assertThat(updated.path("cpuCountHardLimit").asLong()).isEqualTo(3);
        assertThat(Resp.findLink(updated, "location")).contains(dcHref);
        ADMIN.put(edit, LIMIT, LIMIT, Map.of("cpuCountSoftLimit", 4, "cpuCountHardLimit", 3)).expectError(400, "LIMIT-3");
        assertThat(ADMIN.get(edit, LIMIT).expect(200).json().path("cpuCountSoftLimit").asLong()).isEqualTo(2);

        ADMIN.delete(edit).expect(204);
        ADMIN.get(edit, LIMIT).expectError(404, "LIMIT-1");
    }

    @Test
    void oneLimitPerDatacenterAndBadLinksWriteNothing() {
        JsonNode e = Tenancy.enterprise(unique("lim2"));
        JsonNode dc = Tenancy.datacenter(unique("lim2dc"));
        String limits = Resp.findLink(e, "limits").orElseThrow();
        // rel "datacenter" is accepted as well as "location"
        ADMIN.post(limits, LIMIT, LIMIT, Map.of("links", List.of(link("datacenter", Tenancy.edit(dc))))).expect(201);
        ADMIN.post(limits, LIMIT, LIMIT, Map.of("links", List.of(link("location", Tenancy.edit(dc)))))
                .expectError(409, "LIMIT-2");
        ADMIN.post(limits, LIMIT, LIMIT, Map.of("links", List.of(link("location", Api.BASE + "/admin/datacenters/999999"))))
                .expectError(404, "DC-0");
        ADMIN.post(limits, LIMIT, LIMIT, Map.of("links", List.of(link("location", Api.BASE + "/admin/racks/1"))))
                .expectError(400, "GEN-6");
        ADMIN.post(limits, LIMIT, LIMIT, Map.of("cpuCountHardLimit", 1)).expectError(400, "GEN-7");
        ADMIN.post(limits, LIMIT, LIMIT, Map.of("vlansHard", -2, "links", List.of(link("location", Tenancy.edit(dc)))))
                .expectError(400, "CONSTR-POSITIVEORZERO");
        assertThat(ADMIN.get(limits, LIMITS).expect(200).json().path("totalSize").asInt()).isEqualTo(1);
        ADMIN.post("admin/enterprises/999999/limits", LIMIT, LIMIT, Map.of("links", List.of(link("location",
                Tenancy.edit(dc))))).expectError(404, "EN-0");
    }

    @Test
    void aLimitIsOnlyReachableThroughItsOwnEnterprise() {
        JsonNode e = Tenancy.enterprise(unique("lim3"));
        JsonNode other = Tenancy.enterprise(unique("lim3o"));
        JsonNode limit = Tenancy.limit(e, Tenancy.datacenter(unique("lim3dc")));
        String wrongPath = Resp.findLink(other, "limits").orElseThrow() + "/" + limit.path("id").asInt();
        ADMIN.get(wrongPath, LIMIT).expectError(404, "LIMIT-1");
        ADMIN.delete(wrongPath).expectError(404, "LIMIT-1");
        ADMIN.get(Tenancy.edit(limit), LIMIT).expect(200);
    }
}
