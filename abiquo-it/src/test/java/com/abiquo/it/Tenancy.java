package com.abiquo.it;

import static com.abiquo.it.Api.type;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/** What the tenancy tests create over and over: enterprises, users, datacenters, limits, links. */
final class Tenancy {

    static final String ENTERPRISE = type("enterprise");
    static final String ENTERPRISES = type("enterprises");
    static final String USER = type("user");
    static final String USERS = type("users");
    static final String ROLE = type("role");
    static final String ROLES = type("roles");
    static final String LIMIT = type("limit");
    static final String LIMITS = type("limits");
    static final String PROPERTIES = type("enterpriseproperties");
    static final String DATACENTER = type("datacenter");

    static final int CLOUD_ADMIN = 1;
    static final int USER_ROLE = 2;
    static final int ENTERPRISE_ADMIN = 3;

    private Tenancy() {
    }

    static Map<String, String> link(String rel, String href) {
        return Map.of("rel", rel, "href", href);
    }

    static String roleHref(int role) {
        return Api.BASE + "/admin/roles/" + role;
    }

    static JsonNode enterprise(String name) {
        return Api.admin().post("admin/enterprises", ENTERPRISE, ENTERPRISE, Map.of("name", name)).expect(201).json();
    }

    static JsonNode datacenter(String name) {
        return Api.admin().post("admin/datacenters", DATACENTER, DATACENTER, Map.of("name", name, "location", "Here"))
                .expect(201).json();
    }

    static JsonNode limit(JsonNode enterprise, JsonNode datacenter) {
        return Api.admin().post(Resp.findLink(enterprise, "limits").orElseThrow(), LIMIT, LIMIT,
                Map.of("links", List.of(link("location", Resp.findLink(datacenter, "edit").orElseThrow()))))
                .expect(201).json();
    }

    static Map<String, Object> userBody(String nick, String password, int role) {
        Map<String, Object> body = new HashMap<>();
        body.put("nick", nick);
        body.put("name", "Name of " + nick);
        body.put("surname", "Surname");
        body.put("email", nick + "@example.com");
        if (password != null) {
            body.put("password", password);
        }
        body.put("links", List.of(link("role", roleHref(role))));
        return body;
    }

    /** A user created by the admin; each costs a slow password hash, so tests create few. */
    static JsonNode user(JsonNode enterprise, String nick, String password, int role) {
        return Api.admin().post(Resp.findLink(enterprise, "users").orElseThrow(), USER, USER,
                userBody(nick, password, role)).expect(201).json();
    }

    static String edit(JsonNode dto) {
        return Resp.findLink(dto, "edit").orElseThrow();
    }
}
