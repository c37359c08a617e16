package com.abiquo.it;

import static com.abiquo.it.Api.type;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

class RemoteServiceIT extends ApiIT {

    static final String RS = type("remoteservice");
    static final String RSS = type("remoteservices");
    /** The remote services WAR deployed next to the API, answering the test datacenter id (it.datacenter.id). */
    static final String REAL = "http://127.0.0.1:" + Api.HTTP_PORT + "/abiquo-rs/";
    static final String DEAD = "http://127.0.0.1:1/abiquo-rs/";

    @Test
    void aReachableVirtualFactoryGivesTheDatacenterItsUuid() {
        JsonNode dc = Infra.datacenter();
        assertThat(dc.path("uuid").isMissingNode() || dc.path("uuid").isNull()).isTrue();
        Resp created = create(dc, "VIRTUAL_FACTORY", REAL + "virtualfactory").expect(201);
        JsonNode rs = created.json();
        assertThat(rs.path("status").asInt()).isEqualTo(1);
        assertThat(rs.path("type").asText()).isEqualTo("VIRTUAL_FACTORY");
        assertThat(datacenterUuid(dc)).isEqualTo(System.getProperty("it.datacenter.id", "it-dc-1"));

        for (String rel : List.of("edit", "datacenter")) {
            JsonNode link = Resp.linkNode(rs, rel);
            ADMIN.get(link.path("href").asText(), link.path("type").asText()).expect(200);
        }
        ADMIN.get(created.link("check"), "application/json").expect(204);
        ADMIN.post(created.link("check"), null, "application/json", null).expect(204);

        String byDc = Resp.findLink(dc, "remoteservices").orElseThrow();
        assertThat(ADMIN.get(byDc, RSS).expect(200).items()).extracting(n -> n.path("id").asInt())
                .containsExactly(rs.path("id").asInt());
        assertThat(ADMIN.get(byDc + "/VIRTUAL_FACTORY", RS).expect(200).json().path("id").asInt()).isEqualTo(rs.path("id").asInt());
        assertThat(ADMIN.get(byDc + "/virtualfactory", RS).expect(200).json().path("uri").asText()).isEqualTo(REAL + "virtualfactory");
        ADMIN.get(byDc + "/NODE_COLLECTOR", RS).expectError(404, "RS-0");
        ADMIN.get(byDc + "/BANANA", RS).expectError(404, "RS-0");

        // once per datacenter, and every URI once
        create(dc, "virtualfactory", DEAD + unique("vf")).expectError(409, "RS-1");
        create(Infra.datacenter(), "NODE_COLLECTOR", REAL + "virtualfactory").expectError(409, "RS-1");
        ADMIN.delete(created.link("edit")).expect(204);
        ADMIN.get(created.link("edit"), RS).expectError(404, "RS-0");
    }

    @Test
    void anUnreachableServiceIsCreatedDownAndItsCheckIsAConflict() {
        JsonNode dc = Infra.datacenter();
        Resp created = create(dc, "BPM_SERVICE", DEAD + unique("bpm")).expect(201);
        assertThat(created.json().path("status").asInt()).isZero();
        ADMIN.get(created.link("check"), "application/json").expectError(409, "RS-2");
        assertThat(ADMIN.get(created.link("edit"), RS).expect(200).json().path("status").asInt()).isZero();
        assertThat(datacenterUuid(dc)).isNull();

        // pointed at the real one, the check succeeds and teaches the datacenter its uuid
        JsonNode moved = ADMIN.put(created.link("edit"), RS, RS, Map.of("type", "BPM_SERVICE", "uri", REAL + "bpm-async"))
                .expect(200).json();
        assertThat(moved.path("uri").asText()).isEqualTo(REAL + "bpm-async");
        ADMIN.post(created.link("check"), null, "application/json", null).expect(204);
        JsonNode checked = ADMIN.get(created.link("edit"), RS).expect(200).json();
        assertThat(checked.path("status").asInt()).isEqualTo(1);
        assertThat(checked.path("uuid").asText()).isEqualTo(System.getProperty("it.datacenter.id", "it-dc-1"));
        assertThat(datacenterUuid(dc)).isEqualTo(System.getProperty("it.datacenter.id", "it-dc-1"));
        ADMIN.delete(created.link("edit")).expect(204);
    }

    @Test
    void aServiceOfAnotherDatacenterIsRefused() throws Exception {
        JsonNode dc = Infra.datacenter();
        Db.update("UPDATE datacenter SET uuid = ? WHERE id = ?", "another-dc", dc.path("id").asInt());
        // any path of the RS WAR answers the check; other tests hold virtualfactory and bpm-async
        create(dc, "VIRTUAL_FACTORY", REAL + "vsm").expectError(409, "RS-3");
        assertThat(Infra.total(Resp.findLink(dc, "remoteservices").orElseThrow(), RSS)).isZero();

        // created while down, then checked once the uri points at the other datacenter's services
        Resp bpm = create(dc, "BPM_SERVICE", DEAD + unique("bpm")).expect(201);
        ADMIN.put(bpm.link("edit"), RS, RS, Map.of("type", "BPM_SERVICE", "uri", REAL + "am/")).expect(200);
        ADMIN.get(bpm.link("check"), "application/json").expectError(409, "RS-3");
        assertThat(ADMIN.get(bpm.link("edit"), RS).expect(200).json().path("status").asInt()).isZero();
        assertThat(datacenterUuid(dc)).isEqualTo("another-dc");
        ADMIN.delete(bpm.link("edit")).expect(204);
    }

    @Test
    void uncheckedTypesKeepTheStatusTheyAreGiven() {
        JsonNode dc = Infra.datacenter();
        Resp dhcp = ADMIN.post("admin/remoteservices", RS, RS, Map.of("type", "DHCP_SERVICE", "uri", DEAD + unique("dhcp"),
                "status", "1", "links", List.of(Map.of("rel", "datacenter", "href", Resp.findLink(dc, "edit").orElseThrow()))))
                .expect(201);
        assertThat(dhcp.json().path("status").asInt()).isEqualTo(1);
        ADMIN.get(dhcp.link("check"), "application/json").expectError(409, "RS-2");
        // not unique per datacenter: a second one is fine
        create(dc, "DHCP_SERVICE", DEAD + unique("dhcp")).expect(201);
        assertThat(ADMIN.get("admin/remoteservices?has=dhcp&limit=0", RSS).expect(200).json().path("totalSize").asInt())
                .isGreaterThanOrEqualTo(2);
    }

    @Test
    void badInputIsA4xxAndWritesNothing() {
        JsonNode dc = Infra.datacenter();
        String dcHref = Resp.findLink(dc, "edit").orElseThrow();
        create(dc, "FLUX_CAPACITOR", DEAD + "x").expectError(400, "RS-4");
        create(dc, "NODE_COLLECTOR", "ftp://127.0.0.1/nc").expectError(400, "RS-5");
        create(dc, "NODE_COLLECTOR", "not a uri").expectError(400, "RS-5");
        create(dc, "NODE_COLLECTOR", "/relative/nodecollector").expectError(400, "RS-5");
        create(dc, "NODE_COLLECTOR", "http://" + "h".repeat(300)).expectError(400, "CONSTR-SIZE");
        create(dc, "", DEAD + "x").expectError(400, "CONSTR-NOTBLANK");
        ADMIN.post("admin/remoteservices", RS, RS, Map.of("type", "NODE_COLLECTOR", "uri", DEAD + "nc"))
                .expectError(400, "GEN-7");
        ADMIN.post("admin/remoteservices", RS, RS, Map.of("type", "NODE_COLLECTOR", "uri", DEAD + "nc",
                "links", List.of(Map.of("rel", "datacenter", "href", dcHref + "/racks")))).expectError(400, "GEN-6");
        ADMIN.post("admin/remoteservices", RS, RS, Map.of("type", "NODE_COLLECTOR", "uri", DEAD + "nc",
                "links", List.of(Map.of("rel", "enterprise", "href", dcHref)))).expectError(400, "GEN-7");
        ADMIN.post("admin/remoteservices", RS, RS, Map.of("type", "NODE_COLLECTOR", "uri", DEAD + "nc",
                "links", List.of(Map.of("rel", "datacenter", "href", "http://h/api/admin/datacenters/999999"))))
                .expectError(404, "DC-0");
        ADMIN.post("admin/remoteservices", RS, RS, Map.of("type", "NODE_COLLECTOR", "uri", DEAD + "nc", "status", "abc",
                "links", List.of(Map.of("rel", "datacenter", "href", dcHref)))).expectError(400, "GEN-3");
        ADMIN.post("admin/remoteservices", RS, RS, "{").expectError(400, "GEN-3");
        ADMIN.post("admin/remoteservices", RS, RS, "").expectError(400, "GEN-8");
        assertThat(Infra.total(Resp.findLink(dc, "remoteservices").orElseThrow(), RSS)).isZero();

        String edit = create(dc, "NODE_COLLECTOR", DEAD + unique("nc")).expect(201).link("edit");
        ADMIN.put(edit, RS, RS, Map.of("type", "NODE_COLLECTOR", "uri", "gopher://x")).expectError(400, "RS-5");
        ADMIN.get("admin/remoteservices/999999", RS).expectError(404, "RS-0");
        ADMIN.get("admin/remoteservices/999999/action/check", "application/json").expectError(404, "RS-0");
        ADMIN.get("admin/datacenters/999999/remoteservices", RSS).expectError(404, "DC-0");
        ADMIN.delete("admin/remoteservices/abc").expectError(400, "GEN-0");
    }

    private static Resp create(JsonNode dc, String type, String uri) {
        return ADMIN.post("admin/remoteservices", RS, RS, Map.of("type", type, "uri", uri,
                "links", List.of(Map.of("rel", "datacenter", "href", Resp.findLink(dc, "edit").orElseThrow()))));
    }

    private static String datacenterUuid(JsonNode dc) {
        JsonNode uuid = ADMIN.get(Resp.findLink(dc, "edit").orElseThrow(), Infra.DC).expect(200).json().path("uuid");
        return uuid.isMissingNode() || uuid.isNull() ? null : uuid.asText();
    }
}
