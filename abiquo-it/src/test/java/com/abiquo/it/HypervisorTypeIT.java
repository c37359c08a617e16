package com.abiquo.it;

import static com.abiquo.it.Api.type;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

class HypervisorTypeIT extends ApiIT {

    static final String TYPE = type("hypervisortype");
    static final String TYPES = type("hypervisortypes");

    @Test
    void allTypesAreListedAndReadByName() {
        Resp all = ADMIN.get("config/hypervisortypes", TYPES).expect(200);
        assertThat(all.items()).extracting(n -> n.path("name").asText()).contains("KVM", "VMX_04", "TEST_HYPERVISOR");
        JsonNode kvm = all.items().stream().filter(n -> n.path("name").asText().equals("KVM")).findFirst().orElseThrow();
        JsonNode self = Resp.linkNode(kvm, "self");
        assertThat(self.path("type").asText()).isEqualTo(TYPE);
        JsonNode read = ADMIN.get(self.path("href").asText(), TYPE).expect(200).json();
        assertThat(read.path("baseFormat").asText()).isEqualTo("VMDK_FLAT");
        assertThat(ADMIN.get("config/hypervisortypes/kvm", TYPE).expect(200).json().path("name").asText()).isEqualTo("KVM");
        ADMIN.get("config/hypervisortypes/NOPE", TYPE).expectError(404, "HYPERVISOR-0");
        Api.anonymous().get("config/hypervisortypes", TYPES).expectError(401, "401-UNAUTHORIZED");
    }

    @Test
    void aDatacenterOffersTheTypesOfItsMachines() {
        JsonNode dc = Infra.datacenter();
        JsonNode link = Resp.linkNode(dc, "hypervisors");
        assertThat(link.path("type").asText()).isEqualTo(TYPES);
        String hypervisors = link.path("href").asText();
        assertThat(ADMIN.get(hypervisors, TYPES).expect(200).items()).isEmpty();

        JsonNode rack = Infra.rack(dc, "r");
        Infra.machine(rack, "kvm-1", Infra.ip());
        Infra.machine(rack, "kvm-2", Infra.ip());
        Map<String, Object> esxi = Infra.machineBody("esxi", Infra.ip());
        esxi.put("type", "vmx_04");
        ADMIN.post(Resp.findLink(rack, "machines").orElseThrow(), Infra.MACHINE, Infra.MACHINE, esxi).expect(201);
        assertThat(ADMIN.get(hypervisors, TYPES).expect(200).items()).extracting(n -> n.path("name").asText())
                .containsExactly("KVM", "VMX_04");
        ADMIN.get("admin/datacenters/999999/hypervisors", TYPES).expectError(404, "DC-0");
    }

    @Test
    void everyDatacenterHasTheServiceNetwork() {
        JsonNode dc = Infra.datacenter();
        JsonNode link = Resp.linkNode(dc, "networkservicetypes");
        Resp list = ADMIN.get(link.path("href").asText(), link.path("type").asText()).expect(200);
        assertThat(list.items()).extracting(n -> n.path("name").asText()).containsExactly("Service Network");
        JsonNode nst = list.items().get(0);
        JsonNode edit = Resp.linkNode(nst, "edit");
        ADMIN.get(edit.path("href").asText(), edit.path("type").asText()).expect(200);
        JsonNode other = Infra.datacenter();
        ADMIN.get(Resp.findLink(other, "networkservicetypes").orElseThrow() + "/" + nst.path("id").asInt(),
                type("networkservicetype")).expectError(404, "NST-0");
    }
}
