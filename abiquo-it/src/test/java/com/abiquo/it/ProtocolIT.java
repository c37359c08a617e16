package com.abiquo.it;

import static com.abiquo.it.Api.type;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Media types and versions as real clients spell them (client-protocol.md P2-P4, P12). */
class ProtocolIT extends ApiIT {

    static final String DCS = type("datacenters");
    static final String DC = type("datacenter");

    @ParameterizedTest
    @ValueSource(strings = {
        "application/vnd.abiquo.datacenters+json",
        "application/vnd.abiquo.datacenters+json; version=5.0",
        "application/vnd.abiquo.datacenters+json; version=3.10;",
        "application/vnd.abiquo.datacenters+json; version=3.10",
        "application/vnd.abiquo.datacenters+json;version=2.0",
        "application/vnd.abiquo.datacenters+json; version=2.4 ",
        "application/vnd.abiquo.datacenters+json; version=4.7",
        "application/json",
        "text/json,application/json",
        "*/*"})
    void everyVersionSpellingIsAnsweredWithTheCurrentRepresentation(String accept) {
        Resp r = ADMIN.get("admin/datacenters", accept).expect(200);
        assertThat(r.json().has("collection")).isTrue();
        assertThat(r.json().has("totalSize")).isTrue();
    }

    @Test
    void abiquoRepresentationsSayTheirVersion() {
        Resp r = ADMIN.get("admin/datacenters", DCS).expect(200);
        assertThat(r.header("Content-Type")).hasValue(DCS + "; version=5.0");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "application/vnd.abiquo.datacenters+json; version=5.1",
        "application/vnd.abiquo.datacenters+json; version=6.0",
        "application/vnd.abiquo.datacenters+json; version=1.9",
        "application/vnd.abiquo.datacenters+json; version=abc",
        "application/vnd.abiquo.datacenters+json; version="})
    void unsupportedOrMalformedAcceptVersionIs406(String accept) {
        ADMIN.get("admin/datacenters", accept).expectError(406, "406-NOT ACCEPTABLE");
    }

    @Test
    void aMediaTypeTheResourceDoesNotServeIs406() {
        ADMIN.get("admin/datacenters", type("datacenter")).expectError(406, "406-NOT ACCEPTABLE");
        ADMIN.get("admin/datacenters", "application/xml").expectError(406, "406-NOT ACCEPTABLE");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "application/vnd.abiquo.datacenter+json; version=3.10",
        "application/vnd.abiquo.datacenter+json;version=2.0;",
        "application/vnd.abiquo.datacenter+json",
        "application/json"})
    void contentTypeInEverySpellingIsAccepted(String contentType) {
        ADMIN.post("admin/datacenters", contentType, DC, Map.of("name", unique("ct"), "location", "x")).expect(201);
    }

    @Test
    void unsupportedContentTypeVersionIs415AndWritesNothing() {
        String name = unique("ct415");
        ADMIN.post("admin/datacenters", DC + "; version=9.0", DC, Map.of("name", name, "location", "x"))
                .expectError(415, "415-UNSUPPORTED MEDIA TYPE");
        ADMIN.post("admin/datacenters", type("rack"), DC, Map.of("name", name, "location", "x"))
                .expectError(415, "415-UNSUPPORTED MEDIA TYPE");
        assertThat(ADMIN.get("admin/datacenters?has=" + name, DCS).json().path("totalSize").asInt()).isZero();
    }

    @Test
    void versionIsPublicAndPlain() {
        Resp r = Api.anonymous().get("version", "text/plain").expect(200);
        assertThat(r.body().trim()).startsWith("5.0");
        assertThat(r.body().trim().substring(0, 3)).isEqualTo("5.0");
        Api.anonymous().get("version", null).expect(200);
    }

    @Test
    void healthIsPublic() {
        Resp r = Api.anonymous().get("health", "application/json").expect(200);
        assertThat(r.json().path("status").asText()).isEqualTo("UP");
        assertThat(r.json().path("checks").path("database").asText()).isEqualTo("UP");
    }

    @Test
    void unknownPathsAndMethodsAreAbiquoErrors() {
        ADMIN.get("admin/nothing-here", "application/json").expectError(404, "404-NOT FOUND");
        ADMIN.send("PATCH", "admin/datacenters", DCS, null, null).expectError(405, "405-METHOD NOT ALLOWED");
    }

    @Test
    void linksAreAbsoluteAndTyped() {
        Resp created = ADMIN.post("admin/datacenters", DC, DC, Map.of("name", unique("links"), "location", "x")).expect(201);
        for (var link : created.json().path("links")) {
            assertThat(link.path("href").asText()).startsWith("http://");
            assertThat(link.path("type").asText()).startsWith("application/vnd.abiquo.").endsWith("+json");
            assertThat(List.of("edit", "racks", "remoteservices", "hypervisors", "networkservicetypes", "location", "discover"))
                    .contains(link.path("rel").asText());
        }
    }
}
