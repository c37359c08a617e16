package com.abiquo.it;

import static com.abiquo.it.Api.type;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

class LocationIT extends ApiIT {

    @Test
    void aTenantSeesTheDatacentersItHasALimitIn() {
        JsonNode e = Tenancy.enterprise(unique("loc"));
        JsonNode allowed = Tenancy.datacenter(unique("locdc"));
        JsonNode other = Tenancy.datacenter(unique("locother"));
        Tenancy.limit(e, allowed);
        String nick = unique("loc");
        Tenancy.user(e, nick, "location-pw", Tenancy.USER_ROLE);
        Api user = Api.basic(nick, "location-pw");

        // Ansible asks the same URL for datacenters and for public cloud regions
        for (String accept : new String[] {type("datacenters"), type("publiccloudregions")}) {
            Resp list = user.get("cloud/locations?has=" + allowed.path("name").asText(), accept).expect(200);
            assertThat(list.items()).hasSize(1);
        }
        Resp all = user.get("cloud/locations?limit=0", type("datacenters")).expect(200);
        assertThat(all.items()).extracting(l -> l.path("id").asInt()).containsExactly(allowed.path("id").asInt());

        JsonNode item = all.items().get(0);
        String href = Api.BASE + "/cloud/locations/" + allowed.path("id").asInt();
        for (String rel : new String[] {"edit", "self", "location"}) {
            JsonNode link = Resp.linkNode(item, rel);
            assertThat(link.path("href").asText()).isEqualTo(href);
            user.get(link.path("href").asText(), link.path("type").asText()).expect(200);
        }
        user.get(href, type("publiccloudregion")).expect(200);
        user.get("cloud/locations/" + other.path("id").asInt(), type("datacenter")).expectError(404, "DC-0");
        user.get("cloud/locations/999999", type("datacenter")).expectError(404, "DC-0");
        // a cloud administrator reads any location (the admin datacenter's location link), limit or not
        ADMIN.get(href, type("datacenter")).expect(200);
    }
}
