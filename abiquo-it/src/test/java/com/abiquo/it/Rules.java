package com.abiquo.it;

import static com.abiquo.it.Api.type;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/** What the rule tests create: rule documents with their links, posted as a client would. */
final class Rules {

    static final String RULES = type("rules");
    static final String FIT = type("fitpolicyrule");
    static final String FITS = type("fitpolicyrules");
    static final String LOAD = type("machineloadrule");
    static final String LOADS = type("machineloadrules");
    static final String EXCLUSION = type("enterpriseexclusionrule");
    static final String EXCLUSIONS = type("enterpriseexclusionrules");

    static final String FIT_POLICY = "admin/rules/fitsPolicy";
    static final String LOAD_LEVEL = "admin/rules/machineLoadLevel";
    static final String ENTERPRISE_EXCLUSIONS = "admin/rules/enterpriseExclusions";

    private static final Api ADMIN = Api.admin();

    private Rules() {
    }

    static Map<String, Object> fitBody(String policy, Map<?, ?>... links) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("fitPolicy", policy);
        body.put("links", List.of(links));
        return body;
    }

    static Map<String, Object> loadBody(Object cpu, Object ram, Map<?, ?>... links) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("cpuLoadPercentage", cpu);
        body.put("ramLoadPercentage", ram);
        body.put("links", new ArrayList<>(List.of(links)));
        return body;
    }

    static Map<String, Object> exclusionBody(Map<?, ?>... links) {
        return Map.of("links", List.of(links));
    }

    /** A link to the entity's own representation under another rel, e.g. {@code scope("rack", rack)}. */
    static Map<String, String> scope(String rel, JsonNode entity) {
        return Tenancy.link(rel, Tenancy.edit(entity));
    }

    static JsonNode fit(String policy, Map<?, ?>... links) {
        return ADMIN.post(FIT_POLICY, FIT, FIT, fitBody(policy, links)).expect(201).json();
    }

    static JsonNode load(int cpu, int ram, Map<?, ?> scope) {
        return ADMIN.post(LOAD_LEVEL, LOAD, LOAD, loadBody(cpu, ram, scope)).expect(201).json();
    }

    static JsonNode exclusion(JsonNode a, JsonNode b) {
        return ADMIN.post(ENTERPRISE_EXCLUSIONS, EXCLUSION, EXCLUSION,
                exclusionBody(scope("enterprise", a), scope("enterprise", b))).expect(201).json();
    }

    /** Removes the global fit policy rule if a test left one (there is at most one per installation). */
    static void deleteGlobalFitPolicy() {
        for (JsonNode rule : ADMIN.get(FIT_POLICY + "?limit=0", FITS).expect(200).items()) {
            if (Resp.findLink(rule, "datacenter").isEmpty()) {
                ADMIN.delete(Tenancy.edit(rule)).expect(204);
            }
        }
    }

    static long total(String collection, String type) {
        return Infra.total(collection, type);
    }
}
