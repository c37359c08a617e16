package com.abiquo.it;

import static com.abiquo.it.Api.type;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

class SystemPropertyIT extends ApiIT {

    static final String PROPERTY = type("systemproperty");
    static final String PROPERTIES = type("systemproperties");

    @Test
    void tenantsReadOnlyTheClientProperties() {
        Resp all = ADMIN.get("config/properties?limit=0", PROPERTIES).expect(200);
        assertThat(all.items()).extracting(p -> p.path("name").asText()).contains("client.network.defaultName",
                "server.mail.server");

        JsonNode e = Tenancy.enterprise(unique("props"));
        String nick = unique("reader");
        Tenancy.user(e, nick, "reader-password", Tenancy.USER_ROLE);
        Api user = Api.basic(nick, "reader-password");
        Resp visible = user.get("config/properties?limit=0", PROPERTIES).expect(200);
        assertThat(visible.items()).isNotEmpty().allMatch(p -> p.path("name").asText().startsWith("client."));
        assertThat(visible.items()).extracting(p -> p.path("name").asText()).contains(
                "client.network.defaultName", "client.network.defaultNetmask", "client.network.defaultAddress",
                "client.network.defaultGateway", "client.network.defaultPrimaryDNS",
                "client.network.defaultSecondaryDNS", "client.network.defaultSufixDNS");
        user.get("config/properties/server.mail.server", PROPERTY).expectError(404, "PROPERTY-0");
        user.get("config/properties/client.network.defaultName", PROPERTY).expect(200);
        user.put("config/properties/client.network.defaultName", PROPERTY, PROPERTY, Map.of("value", "x"))
                .expectError(403, "GEN-4");
    }

    @Test
    void filterByNameAndChangeOne() {
        Resp one = ADMIN.get("config/properties?name=client.main.pollingInterval", PROPERTIES).expect(200);
        assertThat(one.items()).hasSize(1);
        JsonNode p = one.items().get(0);
        String edit = Resp.findLink(p, "edit").orElseThrow();
        assertThat(Resp.linkNode(p, "edit").path("type").asText()).isEqualTo(PROPERTY);
        String before = p.path("value").asText();

        assertThat(ADMIN.put(edit, PROPERTY, PROPERTY, Map.of("value", "7")).expect(200).json().path("value").asText())
                .isEqualTo("7");
        assertThat(ADMIN.get(edit, PROPERTY).expect(200).json().path("value").asText()).isEqualTo("7");
        ADMIN.put(edit, PROPERTY, PROPERTY, Map.of("value", "v".repeat(2000))).expectError(400, "CONSTR-SIZE");
        ADMIN.put(edit, PROPERTY, PROPERTY, Map.of("name", "x")).expectError(400, "CONSTR-NOTNULL");
        ADMIN.put(edit, PROPERTY, PROPERTY, Map.of("value", before)).expect(200);
        ADMIN.put("config/properties/no.such.property", PROPERTY, PROPERTY, Map.of("value", "1"))
                .expectError(404, "PROPERTY-0");
        assertThat(ADMIN.get("config/properties?component=client&limit=0", PROPERTIES).items())
                .allMatch(x -> x.path("name").asText().startsWith("client."));
    }
}
