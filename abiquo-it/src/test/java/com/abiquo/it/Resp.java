package com.abiquo.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpHeaders;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A response, with what tests ask of it: status, JSON, links and Abiquo errors. */
public record Resp(String request, int status, HttpHeaders headers, String body) {

    public JsonNode json() {
        try {
            return Api.JSON.readTree(body);
        } catch (IOException e) {
            throw new AssertionError(request + " did not answer JSON (" + status + "): " + body, e);
        }
    }

    public ObjectNode object() {
        return (ObjectNode) json();
    }

    public Resp expect(int expected) {
        assertThat(status).as(request + " -> " + body).isEqualTo(expected);
        return this;
    }

    /** An Abiquo error body with the given status and first code. */
    public Resp expectError(int expected, String code) {
        expect(expected);
        assertThat(header("Content-Type")).as(request).hasValueSatisfying(t -> assertThat(t).startsWith("application/vnd.abiquo.errors+json"));
        JsonNode first = json().path("collection").path(0);
        assertThat(first.path("code").asText()).as(request + " -> " + body).isEqualTo(code);
        assertThat(first.path("message").asText()).as(request).isNotBlank();
        assertThat(body).as(request).doesNotContain("Exception").doesNotContain("at com.");
        return this;
    }

    public String link(String rel) {
        return findLink(json(), rel).orElseThrow(() -> new AssertionError(request + " has no link '" + rel + "': " + body));
    }

    public Optional<String> header(String name) {
        return headers.firstValue(name);
    }

    public List<JsonNode> items() {
        List<JsonNode> all = new ArrayList<>();
        json().path("collection").forEach(all::add);
        return all;
    }

    public static Optional<String> findLink(JsonNode dto, String rel) {
        for (JsonNode l : dto.path("links")) {
            if (rel.equals(l.path("rel").asText())) {
                return Optional.of(l.path("href").asText());
            }
        }
        return Optional.empty();
    }

    public static JsonNode linkNode(JsonNode dto, String rel) {
        for (JsonNode l : dto.path("links")) {
            if (rel.equals(l.path("rel").asText())) {
                return l;
            }
        }
        throw new AssertionError("no link " + rel + " in " + dto);
    }
}
