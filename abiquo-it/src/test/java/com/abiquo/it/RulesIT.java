package com.abiquo.it;

import static com.abiquo.it.Rules.ENTERPRISE_EXCLUSIONS;
import static com.abiquo.it.Rules.EXCLUSION;
import static com.abiquo.it.Rules.EXCLUSIONS;
import static com.abiquo.it.Rules.FIT;
import static com.abiquo.it.Rules.FITS;
import static com.abiquo.it.Rules.FIT_POLICY;
import static com.abiquo.it.Rules.LOAD;
import static com.abiquo.it.Rules.LOADS;
import static com.abiquo.it.Rules.LOAD_LEVEL;
import static com.abiquo.it.Rules.RULES;
import static com.abiquo.it.Rules.scope;
import static com.abiquo.it.Tenancy.edit;
import static com.abiquo.it.Tenancy.link;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

class RulesIT extends ApiIT {

    @Test
    void fitPolicyRulesPerDatacenterAndGlobalThroughLinks() {
        Rules.deleteGlobalFitPolicy();
        JsonNode dc = Infra.datacenter();
        Resp created = ADMIN.post(FIT_POLICY, FIT, FIT, Rules.fitBody("PERFORMANCE", scope("datacenter", dc))).expect(201);
        JsonNode rule = created.json();
        assertThat(rule.path("fitPolicy").asText()).isEqualTo("PERFORMANCE");
        assertThat(Resp.linkNode(rule, "edit").path("type").asText()).isEqualTo(FIT);
        assertThat(Resp.linkNode(rule, "datacenter").path("type").asText()).isEqualTo(Infra.DC);
        assertThat(created.link("datacenter")).isEqualTo(edit(dc));
        String ruleEdit = created.link("edit");
        assertThat(ruleEdit).endsWith("/admin/rules/fitsPolicy/" + rule.path("id").asInt());

        // one per datacenter, one global
        ADMIN.post(FIT_POLICY, FIT, FIT, Rules.fitBody("PROGRESSIVE", scope("datacenter", dc))).expectError(409, "RULE-1");
        JsonNode global = Rules.fit("PROGRESSIVE");
        assertThat(Resp.findLink(global, "datacenter")).isEmpty();
        ADMIN.post(FIT_POLICY, FIT, FIT, Rules.fitBody("PERFORMANCE")).expectError(409, "RULE-1");

        JsonNode updated = ADMIN.put(ruleEdit, FIT, FIT, Map.of("fitPolicy", "PROGRESSIVE", "links", rule.path("links")))
                .expect(200).json();
        assertThat(updated.path("fitPolicy").asText()).isEqualTo("PROGRESSIVE");
        assertThat(ADMIN.get(ruleEdit, FIT).expect(200).json().path("fitPolicy").asText()).isEqualTo("PROGRESSIVE");
        assertThat(ADMIN.get(FIT_POLICY + "?limit=0", FITS).expect(200).items()).extracting(n -> n.path("id").asInt())
                .contains(rule.path("id").asInt(), global.path("id").asInt());

        ADMIN.delete(ruleEdit).expect(204);
        ADMIN.get(ruleEdit, FIT).expectError(404, "RULE-0");
        ADMIN.delete(edit(global)).expect(204);
        Rules.fit("PERFORMANCE", scope("datacenter", dc)); // the datacenter is free again
    }

    @Test
    void badFitPolicyRulesAre400or404AndWriteNothing() {
        JsonNode dc = Infra.datacenter();
        long before = Rules.total(FIT_POLICY, FITS);
        ADMIN.post(FIT_POLICY, FIT, FIT, Rules.fitBody("FASTEST", scope("datacenter", dc))).expectError(400, "RULE-5");
        ADMIN.post(FIT_POLICY, FIT, FIT, Map.of("links", List.of(scope("datacenter", dc)))).expectError(400,
                "CONSTR-NOTBLANK");
        ADMIN.post(FIT_POLICY, FIT, FIT, Rules.fitBody("PERFORMANCE", link("datacenter", Api.BASE + "/admin/enterprises/1")))
                .expectError(400, "GEN-6");
        ADMIN.post(FIT_POLICY, FIT, FIT, Rules.fitBody("PERFORMANCE",
                link("datacenter", Api.BASE + "/admin/datacenters/999999"))).expectError(404, "DC-0");
        ADMIN.post(FIT_POLICY, FIT, FIT, "").expectError(400, "GEN-8");
        assertThat(Rules.total(FIT_POLICY, FITS)).isEqualTo(before);
        ADMIN.get(FIT_POLICY + "/999999", FIT).expectError(404, "RULE-0");
        ADMIN.get(FIT_POLICY + "/abc", FIT).expectError(400, "GEN-0");
    }

    @Test
    void machineLoadRulesOnMachineRackAndDatacenter() {
        JsonNode dc = Infra.datacenter();
        JsonNode rack = Infra.rack(dc, "r");
        JsonNode machine = Infra.machine(rack, "host", Infra.ip());

        Resp onMachine = ADMIN.post(LOAD_LEVEL, LOAD, LOAD, Rules.loadBody(150, 90, scope("machine", machine))).expect(201);
        JsonNode m = onMachine.json();
        assertThat(m.path("cpuLoadPercentage").asInt()).isEqualTo(150);
        assertThat(m.path("ramLoadPercentage").asInt()).isEqualTo(90);
        assertThat(onMachine.link("machine")).isEqualTo(edit(machine));
        assertThat(onMachine.link("rack")).isEqualTo(edit(rack));
        assertThat(onMachine.link("datacenter")).isEqualTo(edit(dc));
        assertThat(Resp.linkNode(m, "edit").path("type").asText()).isEqualTo(LOAD);
        assertThat(Resp.linkNode(m, "machine").path("type").asText()).isEqualTo(Infra.MACHINE);
        assertThat(Resp.linkNode(m, "rack").path("type").asText()).isEqualTo(Infra.RACK);
        assertThat(Resp.linkNode(m, "datacenter").path("type").asText()).isEqualTo(Infra.DC);

        JsonNode r = Rules.load(120, 100, scope("rack", rack));
        assertThat(Resp.findLink(r, "machine")).isEmpty();
        assertThat(Resp.findLink(r, "rack")).contains(edit(rack));
        JsonNode d = Rules.load(80, Integer.MAX_VALUE, scope("datacenter", dc));
        assertThat(d.path("ramLoadPercentage").asInt()).isEqualTo(Integer.MAX_VALUE);
        assertThat(Resp.findLink(d, "rack")).isEmpty();

        // one rule per scope
        ADMIN.post(LOAD_LEVEL, LOAD, LOAD, Rules.loadBody(10, 10, scope("machine", machine))).expectError(409, "RULE-1");
        ADMIN.post(LOAD_LEVEL, LOAD, LOAD, Rules.loadBody(10, 10, scope("rack", rack))).expectError(409, "RULE-1");
        ADMIN.post(LOAD_LEVEL, LOAD, LOAD, Rules.loadBody(10, 10, scope("datacenter", dc))).expectError(409, "RULE-1");

        // a PUT of what was read changes the percentages, not the scope
        Map<String, Object> change = Rules.loadBody(0, 300);
        change.put("links", m.path("links"));
        JsonNode updated = ADMIN.put(edit(m), LOAD, LOAD, change).expect(200).json();
        assertThat(updated.path("ramLoadPercentage").asInt()).isEqualTo(300);
        assertThat(Resp.findLink(updated, "machine")).contains(edit(machine));
        assertThat(ADMIN.get(edit(m), LOAD).expect(200).json().path("cpuLoadPercentage").asInt()).isZero();
        assertThat(ADMIN.get(LOAD_LEVEL + "?limit=0", LOADS).expect(200).items()).extracting(n -> n.path("id").asInt())
                .contains(m.path("id").asInt(), r.path("id").asInt(), d.path("id").asInt());

        ADMIN.delete(edit(r)).expect(204);
        ADMIN.get(edit(r), LOAD).expectError(404, "RULE-0");
        ADMIN.delete(edit(r)).expectError(404, "RULE-0");
    }

    @Test
    void badMachineLoadRulesAre400or404AndWriteNothing() {
        JsonNode dc = Infra.datacenter();
        JsonNode rack = Infra.rack(dc, "r");
        JsonNode otherRack = Infra.rack(dc, "other");
        JsonNode machine = Infra.machine(rack, "host", Infra.ip());
        long before = Rules.total(LOAD_LEVEL, LOADS);

        ADMIN.post(LOAD_LEVEL, LOAD, LOAD, Rules.loadBody(-1, 100, scope("rack", rack))).expectError(400, "CONSTR-MIN");
        ADMIN.post(LOAD_LEVEL, LOAD, LOAD, Rules.loadBody(100, -5, scope("rack", rack))).expectError(400, "CONSTR-MIN");
        ADMIN.post(LOAD_LEVEL, LOAD, LOAD, Rules.loadBody(null, 100, scope("rack", rack))).expectError(400,
                "CONSTR-NOTNULL");
        ADMIN.post(LOAD_LEVEL, LOAD, LOAD, Rules.loadBody(3_000_000_000L, 100, scope("rack", rack))).expectError(400,
                "GEN-3");
        ADMIN.post(LOAD_LEVEL, LOAD, LOAD, Rules.loadBody(50.5, 100, scope("rack", rack))).expectError(400, "GEN-3");
        // no scope, two scopes, a scope under a wrong rel, a link of the wrong kind, unknown targets
        ADMIN.post(LOAD_LEVEL, LOAD, LOAD, Rules.loadBody(100, 100)).expectError(400, "RULE-3");
        ADMIN.post(LOAD_LEVEL, LOAD, LOAD, Rules.loadBody(100, 100, scope("rack", rack), scope("datacenter", dc)))
                .expectError(400, "RULE-3");
        ADMIN.post(LOAD_LEVEL, LOAD, LOAD, Rules.loadBody(100, 100, scope("enterprise", rack))).expectError(400, "RULE-3");
        ADMIN.post(LOAD_LEVEL, LOAD, LOAD, Rules.loadBody(100, 100, scope("machine", rack))).expectError(400, "GEN-6");
        ADMIN.post(LOAD_LEVEL, LOAD, LOAD, Rules.loadBody(100, 100, scope("rack", machine))).expectError(400, "GEN-6");
        ADMIN.post(LOAD_LEVEL, LOAD, LOAD, Rules.loadBody(100, 100,
                link("datacenter", Api.BASE + "/admin/datacenters/999999"))).expectError(404, "DC-0");
        ADMIN.post(LOAD_LEVEL, LOAD, LOAD, Rules.loadBody(100, 100,
                link("machine", edit(otherRack) + "/machines/" + machine.path("id").asInt()))).expectError(404, "MACHINE-0");
        assertThat(Rules.total(LOAD_LEVEL, LOADS)).isEqualTo(before);

        JsonNode rule = Rules.load(100, 100, scope("machine", machine));
        ADMIN.put(edit(rule), LOAD, LOAD, Rules.loadBody(-1, 100)).expectError(400, "CONSTR-MIN");
        assertThat(ADMIN.get(edit(rule), LOAD).expect(200).json().path("cpuLoadPercentage").asInt()).isEqualTo(100);
    }

    @Test
    void enterpriseExclusionsAreSymmetricPairs() {
        JsonNode a = Tenancy.enterprise(unique("exa"));
        JsonNode b = Tenancy.enterprise(unique("exb"));
        JsonNode c = Tenancy.enterprise(unique("exc"));
        Resp created = ADMIN.post(ENTERPRISE_EXCLUSIONS, EXCLUSION, EXCLUSION,
                Rules.exclusionBody(scope("enterprise", b), scope("enterprise", a))).expect(201);
        JsonNode rule = created.json();
        assertThat(Resp.linkNode(rule, "edit").path("type").asText()).isEqualTo(EXCLUSION);
        List<String> enterprises = enterpriseLinks(rule);
        assertThat(enterprises).containsExactlyInAnyOrder(edit(a), edit(b));
        rule.path("links").forEach(l -> {
            if (l.path("rel").asText().equals("enterprise")) {
                assertThat(l.path("type").asText()).isEqualTo(Tenancy.ENTERPRISE);
            }
        });

        // the same pair in either order is a conflict
        ADMIN.post(ENTERPRISE_EXCLUSIONS, EXCLUSION, EXCLUSION,
                Rules.exclusionBody(scope("enterprise", a), scope("enterprise", b))).expectError(409, "RULE-1");
        ADMIN.post(ENTERPRISE_EXCLUSIONS, EXCLUSION, EXCLUSION,
                Rules.exclusionBody(scope("enterprise", b), scope("enterprise", a))).expectError(409, "RULE-1");

        JsonNode other = Rules.exclusion(a, c);
        ADMIN.put(edit(other), EXCLUSION, EXCLUSION, Rules.exclusionBody(scope("enterprise", b), scope("enterprise", a)))
                .expectError(409, "RULE-1");
        JsonNode moved = ADMIN.put(edit(other), EXCLUSION, EXCLUSION,
                Rules.exclusionBody(scope("enterprise", c), scope("enterprise", b))).expect(200).json();
        assertThat(enterpriseLinks(moved)).containsExactlyInAnyOrder(edit(b), edit(c));
        assertThat(enterpriseLinks(ADMIN.get(edit(other), EXCLUSION).expect(200).json()))
                .containsExactlyInAnyOrder(edit(b), edit(c));
        assertThat(ADMIN.get(ENTERPRISE_EXCLUSIONS + "?limit=0", EXCLUSIONS).expect(200).items())
                .extracting(n -> n.path("id").asInt()).contains(rule.path("id").asInt(), other.path("id").asInt());

        ADMIN.delete(edit(rule)).expect(204);
        ADMIN.get(edit(rule), EXCLUSION).expectError(404, "RULE-0");
        Rules.exclusion(a, b); // the pair is free again
    }

    @Test
    void badExclusionsAre400or404AndWriteNothing() {
        JsonNode a = Tenancy.enterprise(unique("bxa"));
        JsonNode b = Tenancy.enterprise(unique("bxb"));
        long before = Rules.total(ENTERPRISE_EXCLUSIONS, EXCLUSIONS);
        ADMIN.post(ENTERPRISE_EXCLUSIONS, EXCLUSION, EXCLUSION,
                Rules.exclusionBody(scope("enterprise", a), scope("enterprise", a))).expectError(400, "RULE-4");
        ADMIN.post(ENTERPRISE_EXCLUSIONS, EXCLUSION, EXCLUSION, Rules.exclusionBody(scope("enterprise", a)))
                .expectError(400, "GEN-7");
        ADMIN.post(ENTERPRISE_EXCLUSIONS, EXCLUSION, EXCLUSION,
                Rules.exclusionBody(scope("enterprise", a), scope("enterprises", b))).expectError(400, "GEN-7");
        ADMIN.post(ENTERPRISE_EXCLUSIONS, EXCLUSION, EXCLUSION, Rules.exclusionBody(scope("enterprise", a),
                scope("enterprise", b), link("enterprise", Api.BASE + "/admin/enterprises/1"))).expectError(400, "RULE-3");
        ADMIN.post(ENTERPRISE_EXCLUSIONS, EXCLUSION, EXCLUSION, Rules.exclusionBody(scope("enterprise", a),
                link("enterprise", Api.BASE + "/admin/datacenters/1"))).expectError(400, "GEN-6");
        ADMIN.post(ENTERPRISE_EXCLUSIONS, EXCLUSION, EXCLUSION, Rules.exclusionBody(scope("enterprise", a),
                link("enterprise", Api.BASE + "/admin/enterprises/999999"))).expectError(404, "EN-0");
        assertThat(Rules.total(ENTERPRISE_EXCLUSIONS, EXCLUSIONS)).isEqualTo(before);
    }

    @Test
    void allRulesInOneDocument() {
        JsonNode dc = Infra.datacenter();
        JsonNode fit = Rules.fit("PERFORMANCE", scope("datacenter", dc));
        JsonNode load = Rules.load(200, 150, scope("datacenter", dc));
        JsonNode exclusion = Rules.exclusion(Tenancy.enterprise(unique("alla")), Tenancy.enterprise(unique("allb")));
        Resp all = ADMIN.get("admin/rules", RULES).expect(200);
        assertThat(all.header("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith(RULES));
        JsonNode doc = all.json();
        assertThat(ids(doc.path("fitPolicyRules"))).contains(fit.path("id").asInt());
        assertThat(ids(doc.path("machineLoadRules"))).contains(load.path("id").asInt());
        assertThat(ids(doc.path("enterpriseExclusionRules"))).contains(exclusion.path("id").asInt());
        assertThat(doc.path("machineLoadRules").path("totalSize").asInt())
                .isEqualTo(doc.path("machineLoadRules").path("collection").size());
        assertThat(Resp.linkNode(doc, "fitpolicyrules").path("type").asText()).isEqualTo(FITS);
        ADMIN.get(all.link("machineloadrules"), LOADS).expect(200);
        ADMIN.get(all.link("enterpriseexclusionrules"), EXCLUSIONS).expect(200);
        ADMIN.get(all.link("fitpolicyrules"), FITS).expect(200);
    }

    @Test
    void deletingWhatARuleIsAboutDeletesTheRule() {
        JsonNode dc = Infra.datacenter();
        JsonNode rack = Infra.rack(dc, "r");
        JsonNode machine = Infra.machine(rack, "host", Infra.ip());
        JsonNode onMachine = Rules.load(110, 110, scope("machine", machine));
        JsonNode onRack = Rules.load(120, 120, scope("rack", rack));
        JsonNode onDc = Rules.load(130, 130, scope("datacenter", dc));
        JsonNode fit = Rules.fit("PERFORMANCE", scope("datacenter", dc));

        ADMIN.delete(edit(machine)).expect(204);
        ADMIN.get(edit(onMachine), LOAD).expectError(404, "RULE-0");
        ADMIN.get(edit(onRack), LOAD).expect(200);
        ADMIN.delete(edit(rack)).expect(204);
        ADMIN.get(edit(onRack), LOAD).expectError(404, "RULE-0");
        ADMIN.get(edit(onDc), LOAD).expect(200);
        ADMIN.delete(edit(dc)).expect(204);
        ADMIN.get(edit(onDc), LOAD).expectError(404, "RULE-0");
        ADMIN.get(edit(fit), FIT).expectError(404, "RULE-0");

        JsonNode a = Tenancy.enterprise(unique("dxa"));
        JsonNode exclusion = Rules.exclusion(a, Tenancy.enterprise(unique("dxb")));
        ADMIN.delete(edit(a)).expect(204);
        ADMIN.get(edit(exclusion), EXCLUSION).expectError(404, "RULE-0");
        ADMIN.get("admin/rules", RULES).expect(200);
    }

    @Test
    void onlyCloudAdminsSeeOrChangeRules() {
        JsonNode e = Tenancy.enterprise(unique("ruleten"));
        String nick = unique("ruleuser");
        Tenancy.user(e, nick, "pw-123456", Tenancy.ENTERPRISE_ADMIN);
        Api tenant = Api.basic(nick, "pw-123456");
        JsonNode dc = Infra.datacenter();
        JsonNode fit = Rules.fit("PERFORMANCE", scope("datacenter", dc));

        tenant.get("admin/rules", RULES).expectError(403, "GEN-4");
        tenant.get(FIT_POLICY, FITS).expectError(403, "GEN-4");
        tenant.get(edit(fit), FIT).expectError(403, "GEN-4");
        tenant.get(LOAD_LEVEL, LOADS).expectError(403, "GEN-4");
        tenant.get(ENTERPRISE_EXCLUSIONS, EXCLUSIONS).expectError(403, "GEN-4");
        tenant.put(edit(fit), FIT, FIT, Rules.fitBody("PROGRESSIVE")).expectError(403, "GEN-4");
        tenant.delete(edit(fit)).expectError(403, "GEN-4");
        tenant.post(LOAD_LEVEL, LOAD, LOAD, Rules.loadBody(500, 500, scope("datacenter", dc))).expectError(403, "GEN-4");
        tenant.post(ENTERPRISE_EXCLUSIONS, EXCLUSION, EXCLUSION, Rules.exclusionBody(scope("enterprise", e),
                scope("enterprise", Tenancy.enterprise(unique("rulex"))))).expectError(403, "GEN-4");
        tenant.get(Tenancy.edit(e) + "/reservedmachines", Infra.MACHINES).expectError(403, "GEN-4");
        assertThat(ADMIN.get(edit(fit), FIT).expect(200).json().path("fitPolicy").asText()).isEqualTo("PERFORMANCE");
        Api.anonymous().get("admin/rules", RULES).expectError(401, "401-UNAUTHORIZED");
    }

    private static List<String> enterpriseLinks(JsonNode rule) {
        List<String> hrefs = new java.util.ArrayList<>();
        rule.path("links").forEach(l -> {
            if (l.path("rel").asText().equals("enterprise")) {
                hrefs.add(l.path("href").asText());
            }
        });
        return hrefs;
    }

    private static List<Integer> ids(JsonNode collection) {
        List<Integer> ids = new java.util.ArrayList<>();
        collection.path("collection").forEach(n -> ids.add(n.path("id").asInt()));
        return ids;
    }
}
