package com.abiquo.it;

import static com.abiquo.it.Api.type;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The foundation's "done when": logged in as admin, create a datacenter, a rack, a machine, an
 * enterprise, a limit and a user by following links only (from the two collection roots a client
 * knows), read them back, page through them and delete them; the new user logs in at once.
 */
class WalkthroughIT extends ApiIT {

    @Test
    void anAdministratorBuildsAndTearsDownByFollowingLinks() {
        // datacenter
        Resp dc = ADMIN.post("admin/datacenters", type("datacenter"), type("datacenter"),
                Map.of("name", unique("walk"), "location", "Barcelona")).expect(201);

        // racks, through the datacenter's link; three of them to page through
        String racks = dc.link("racks");
        for (int i = 0; i < 3; i++) {
            ADMIN.post(racks, type("rack"), type("rack"), Map.of("name", "rack-" + i, "vlanIdMin", "2", "vlanIdMax", "100"))
                    .expect(201);
        }
        Resp page1 = ADMIN.get(racks + "?limit=2&by=name", type("racks")).expect(200);
        assertThat(page1.json().path("totalSize").asInt()).isEqualTo(3);
        Resp page2 = ADMIN.get(page1.link("next"), type("racks")).expect(200);
        assertThat(page2.items()).hasSize(1);
        JsonNode rack = page1.items().get(0);

        // a machine, through the rack's link
        String machines = Resp.findLink(rack, "machines").orElseThrow();
        Resp machine = ADMIN.post(machines, type("machine"), type("machine"),
                Infra.machineBody("host-1", "10.60.1.1")).expect(201);
        assertThat(machine.body()).doesNotContain("hyp3rv1sor-s3cret");
        assertThat(ADMIN.get(machine.link("edit"), type("machine")).expect(200).json().path("state").asText())
                .isEqualTo("MANAGED");

        // an enterprise, its limit in the datacenter (the limit's location is the datacenter's href)
        Resp enterprise = ADMIN.post("admin/enterprises", type("enterprise"), type("enterprise"),
                Map.of("name", unique("ent"))).expect(201);
        String dcHref = dc.link("edit");
        Resp limit = ADMIN.post(enterprise.link("limits"), type("limit"), type("limit"),
                Map.of("links", List.of(Map.of("rel", "location", "href", dcHref)), "cpuCountHardLimit", "0")).expect(201);
        assertThat(limit.link("location")).isEqualTo(dcHref);

        // a user of that enterprise with the USER role, found through the roles collection
        JsonNode userRole = ADMIN.get("admin/roles?has=USER&limit=0", type("roles")).expect(200).items().stream()
                .filter(r -> r.path("name").asText().equals("USER")).findFirst().orElseThrow();
        String nick = unique("walker");
        Resp user = ADMIN.post(enterprise.link("users"), type("user"), type("user"), Map.of("nick", nick, "name", "Walker",
                "email", nick + "@example.com", "password", "s3cret-walk",
                "links", List.of(Map.of("rel", "role", "href", Resp.findLink(userRole, "edit").orElseThrow())))).expect(201);
        assertThat(Api.basic(nick, "s3cret-walk").get("login", type("user")).expect(200).json().path("nick").asText())
                .isEqualTo(nick);
        assertThat(Api.basic(nick, "s3cret-walk").get("cloud/locations", type("datacenters")).expect(200).items())
                .extracting(l -> l.path("name").asText()).containsExactly(dc.json().path("name").asText());

        // read everything back through the links the representations carry
        for (Resp r : List.of(dc, machine, enterprise, limit, user)) {
            ADMIN.get(r.link("edit"), Resp.linkNode(r.json(), "edit").path("type").asText()).expect(200);
        }

        // tear down, innermost first; a datacenter with racks cannot go before its racks
        ADMIN.delete(dcHref).expectError(409, "DC-4");
        ADMIN.delete(user.link("edit")).expect(204);
        ADMIN.delete(limit.link("edit")).expect(204);
        ADMIN.delete(enterprise.link("edit")).expect(204);
        ADMIN.delete(Resp.findLink(rack, "edit").orElseThrow()).expectError(409, "RACK-4");
        ADMIN.delete(machine.link("edit")).expect(204);
        for (JsonNode r : ADMIN.get(racks + "?limit=0", type("racks")).expect(200).items()) {
            ADMIN.delete(Resp.findLink(r, "edit").orElseThrow()).expect(204);
        }
        ADMIN.delete(dcHref).expect(204);
        ADMIN.get(dcHref, type("datacenter")).expectError(404, "DC-0");
        Api.basic(nick, "s3cret-walk").get("login", type("user")).expectError(401, "GEN-5");
    }
}
