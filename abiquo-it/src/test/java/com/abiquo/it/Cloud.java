package com.abiquo.it;

import static com.abiquo.it.Api.type;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/** Fixtures of the cloud tests: a datacenter ready for virtual datacenters, a tenant with a limit there. */
final class Cloud {

    static final String VDC = type("virtualdatacenter");
    static final String VDCS = type("virtualdatacenters");
    static final String VAPP = type("virtualappliance");
    static final String VAPPS = type("virtualappliances");
    static final String VM = type("virtualmachine");
    static final String VMS = type("virtualmachines");
    static final String TEMPLATES = type("virtualmachinetemplates");
    static final String REPOSITORY = type("datacenterrepository");
    static final String TASK = type("task");

    private Cloud() {
    }

    /** A datacenter with a KVM machine and an appliance manager (the test server's RS, under a unique path). */
    static JsonNode datacenter() {
        JsonNode dc = Infra.datacenter();
        JsonNode rack = Infra.rack(dc, "rack");
        Infra.machine(rack, "kvm-host", Infra.ip());
        Api.admin().post("admin/remoteservices", type("remoteservice"), type("remoteservice"),
                Map.of("type", "APPLIANCE_MANAGER", "uri", "http://127.0.0.1:" + Api.HTTP_PORT + "/abiquo-rs/am/"
                        + ApiIT.unique("am"), "links", List.of(Tenancy.link("datacenter", Tenancy.edit(dc)))))
                .expect(201);
        return dc;
    }

    /** An enterprise with a limit in the datacenter ({@code limits} extra fields) and an enterprise admin. */
    static Api tenant(JsonNode dc, Map<String, Object> limits, String[] enterpriseHref) {
        JsonNode e = Tenancy.enterprise(ApiIT.unique("tenant"));
        Map<String, Object> body = new HashMap<>(limits);
        body.put("links", List.of(Tenancy.link("location", Tenancy.edit(dc))));
        Api.admin().post(Resp.findLink(e, "limits").orElseThrow(), Tenancy.LIMIT, Tenancy.LIMIT, body).expect(201);
        String nick = ApiIT.unique("eadmin");
        Tenancy.user(e, nick, "s3cret-cloud-pw", Tenancy.ENTERPRISE_ADMIN);
        enterpriseHref[0] = Tenancy.edit(e);
        return Api.basic(nick, "s3cret-cloud-pw");
    }

    static Map<String, Object> vdcBody(JsonNode dc, String hypervisor) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", ApiIT.unique("vdc"));
        body.put("hypervisorType", hypervisor);
        body.put("links", List.of(Tenancy.link("location", Api.BASE + "/cloud/locations/" + dc.path("id").asInt())));
        return body;
    }

    /** Refreshes the enterprise's repository in the datacenter; returns the repository. */
    static Resp refresh(Api api, String enterpriseHref, JsonNode dc) {
        String repo = enterpriseHref + "/datacenterrepositories/" + dc.path("id").asInt();
        return api.put(repo + "/actions/refresh", null, REPOSITORY, null).expect(200);
    }
}
