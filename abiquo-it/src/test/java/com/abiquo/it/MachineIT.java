package com.abiquo.it;

import static com.abiquo.it.Api.type;
import static com.abiquo.it.Infra.MACHINE;
import static com.abiquo.it.Infra.MACHINES;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

class MachineIT extends ApiIT {

    static final String PASSWORD = "hyp3rv1sor-s3cret";
    static final String DATASTORES = type("datastores");

    @Test
    void createReadUpdateDeleteThroughLinks() throws Exception {
        JsonNode dc = Infra.datacenter();
        JsonNode nst = ADMIN.get(Resp.findLink(dc, "networkservicetypes").orElseThrow(), type("networkservicetypes"))
                .expect(200).items().get(0);
        JsonNode rack = Infra.rack(dc, "r");
        String ip = Infra.ip();
        Map<String, Object> body = Infra.machineBody("host-1", ip);
        body.put("virtualCpuCores", "4"); // numbers as JSON strings, as Ansible sends them
        body.put("virtualRamInMb", "8192");
        body.put("networkInterfaces", Map.of("collection", List.of(Map.of("name", "eth0", "mac", "00:11:22:33:44:55",
                "links", List.of(Map.of("rel", "networkservicetype", "href", Resp.findLink(nst, "edit").orElseThrow(),
                        "type", "anything")))))); // clients send any type on input links
        Resp created = ADMIN.post(Resp.findLink(rack, "machines").orElseThrow(), MACHINE, MACHINE, body).expect(201);
        assertThat(created.body()).doesNotContain(PASSWORD).doesNotContain("password");
        JsonNode m = created.json();
        assertThat(m.path("state").asText()).isEqualTo("MANAGED");
        assertThat(m.path("virtualCpuCores").asInt()).isEqualTo(4);
        assertThat(m.path("type").asText()).isEqualTo("KVM");
        assertThat(m.path("datastores").path("collection").path(0).path("rootPath").asText()).isEqualTo("/var/lib/virt");
        JsonNode nic = m.path("networkInterfaces").path("collection").path(0);
        assertThat(Resp.findLink(nic, "networkservicetype")).contains(Resp.findLink(nst, "edit").orElseThrow());

        // every link answers with its own type
        for (String rel : List.of("edit", "rack", "datacenter", "datastores", "hypervisortype")) {
            JsonNode link = Resp.linkNode(m, rel);
            Resp followed = ADMIN.get(link.path("href").asText(), link.path("type").asText()).expect(200);
            assertThat(followed.body()).doesNotContain(PASSWORD);
        }
        Resp datastores = ADMIN.get(created.link("datastores"), DATASTORES).expect(200);
        JsonNode datastore = datastores.items().get(0);
        assertThat(datastore.path("enabled").asBoolean()).isTrue();
        JsonNode dsLink = Resp.linkNode(datastore, "self");
        ADMIN.get(dsLink.path("href").asText(), dsLink.path("type").asText()).expect(200);
        assertThat(Db.value("SELECT hypervisor_secret FROM physicalmachine WHERE id = ?", m.path("id").asInt())).startsWith("v1:").doesNotContain(PASSWORD);

        // PUT what was read, with changes, as clients do
        ObjectNode edit = (ObjectNode) ADMIN.get(created.link("edit"), MACHINE).expect(200).json();
        int cpusUsed = edit.path("virtualCpusUsed").asInt();
        // usage belongs to the scheduler: an update cannot change it
        edit.put("name", "host-renamed").put("virtualCpusUsed", cpusUsed + 2).put("state", "HALTED").put("password", "new-s3cret");
        ((ObjectNode) edit.path("datastores").path("collection").path(0)).put("enabled", false);
        Resp updated = ADMIN.put(created.link("edit"), MACHINE, MACHINE, edit).expect(200);
        assertThat(updated.body()).doesNotContain("new-s3cret").doesNotContain("password");
        JsonNode read = ADMIN.get(created.link("edit"), MACHINE).expect(200).json();
        assertThat(read.path("name").asText()).isEqualTo("host-renamed");
        assertThat(read.path("state").asText()).isEqualTo("HALTED");
        assertThat(read.path("virtualCpusUsed").asInt()).isEqualTo(cpusUsed);
        assertThat(read.path("datastores").path("collection").path(0).path("enabled").asBoolean()).isFalse();
        assertThat(read.path("datastores").path("collection")).hasSize(1);

        ADMIN.delete(created.link("edit")).expect(204);
        ADMIN.get(created.link("edit"), MACHINE).expectError(404, "MACHINE-0");
    }

    @Test
    void theIpIsUniqueInTheDatacenter() {
        JsonNode dc = Infra.datacenter();
        String ip = Infra.ip();
        Infra.machine(Infra.rack(dc, "a"), "first", ip);
        JsonNode otherRack = Infra.rack(dc, "b");
        String machines = Resp.findLink(otherRack, "machines").orElseThrow();
        ADMIN.post(machines, MACHINE, MACHINE, Infra.machineBody("second", ip)).expectError(409, "MACHINE-2");
        assertThat(Infra.total(machines, MACHINES)).isZero();
        Infra.machine(Infra.rack(Infra.datacenter(), "c"), "elsewhere", ip); // another datacenter may
    }

    @Test
    void badInputIsA4xxAndWritesNothing() {
        JsonNode dc = Infra.datacenter();
        JsonNode otherDc = Infra.datacenter();
        String machines = Resp.findLink(Infra.rack(dc, "r"), "machines").orElseThrow();
        String ip = Infra.ip();
        bad(machines, ip, "virtualCpuCores", "abc", 400, "GEN-3");
        bad(machines, ip, "virtualCpuCores", 0, 400, "CONSTR-MIN");
        bad(machines, ip, "virtualRamInMb", -1, 400, "CONSTR-MIN");
        bad(machines, ip, "virtualCpusUsed", 9, 400, "MACHINE-3");
        bad(machines, ip, "virtualRamUsedInMb", 20000, 400, "MACHINE-3");
        bad(machines, ip, "type", "NOT_A_HYPERVISOR", 404, "HYPERVISOR-0");
        bad(machines, ip, "ip", "999.1.1.1", 400, "CONSTR-PATTERN");
        bad(machines, ip, "name", "", 400, "CONSTR-NOTBLANK");
        bad(machines, ip, "name", "n".repeat(300), 400, "CONSTR-SIZE");
        bad(machines, ip, "port", 70000, 400, "CONSTR-MAX");
        bad(machines, ip, "datastores", Map.of("collection", List.of(Map.of("name", "d", "rootPath", "/", "size", -5))),
                400, "CONSTR-MIN");
        bad(machines, ip, "datastores", Map.of("collection", List.of(Map.of("name", "d", "rootPath", "/", "size", 5,
                "usedSize", 6))), 400, "MACHINE-3");
        bad(machines, ip, "networkInterfaces", nics("networkservicetype", "http://x/api/admin/racks/1"), 400, "GEN-6");
        String foreignNst = ADMIN.get(Resp.findLink(otherDc, "networkservicetypes").orElseThrow(), type("networkservicetypes"))
                .expect(200).items().get(0).path("links").path(0).path("href").asText();
        bad(machines, ip, "networkInterfaces", nics("networkservicetype", foreignNst), 404, "NST-0");
        ADMIN.post(machines, MACHINE, MACHINE, "{\"name\":").expectError(400, "GEN-3");
        ADMIN.post(machines, MACHINE, MACHINE, "").expectError(400, "GEN-8");
        assertThat(Infra.total(machines, MACHINES)).isZero();

        // a rejected update leaves the machine as it was
        JsonNode m = Infra.machine(Infra.rack(dc, "r2"), "kept", ip);
        ObjectNode edit = m.deepCopy();
        edit.put("virtualRamInMb", 0).put("name", "changed");
        ADMIN.put(Resp.findLink(m, "edit").orElseThrow(), MACHINE, MACHINE, edit).expectError(400, "CONSTR-MIN");
        edit.put("virtualRamInMb", m.path("virtualRamInMb").asInt()).put("type", "VMX_04");
        ADMIN.put(Resp.findLink(m, "edit").orElseThrow(), MACHINE, MACHINE, edit).expectError(400, "MACHINE-3");
        edit.put("type", "KVM").put("state", "FLYING");
        ADMIN.put(Resp.findLink(m, "edit").orElseThrow(), MACHINE, MACHINE, edit).expectError(400, "MACHINE-3");
        assertThat(ADMIN.get(Resp.findLink(m, "edit").orElseThrow(), MACHINE).expect(200).json().path("name").asText())
                .isEqualTo("kept");
    }

    @Test
    void aMachineUnderAnotherRackOrDatacenterDoesNotExist() {
        JsonNode dc = Infra.datacenter();
        JsonNode rackA = Infra.rack(dc, "a");
        JsonNode rackB = Infra.rack(dc, "b");
        int id = Infra.machine(rackA, "m", Infra.ip()).path("id").asInt();
        String underB = Resp.findLink(rackB, "machines").orElseThrow() + "/" + id;
        ADMIN.get(underB, MACHINE).expectError(404, "MACHINE-0");
        ADMIN.delete(underB).expectError(404, "MACHINE-0");
        ADMIN.get(underB + "/datastores", DATASTORES).expectError(404, "MACHINE-0");
        int rackAId = rackA.path("id").asInt();
        ADMIN.get(Resp.findLink(Infra.datacenter(), "racks").orElseThrow() + "/" + rackAId + "/machines/" + id, MACHINE)
                .expectError(404, "RACK-0");
        String underA = Resp.findLink(rackA, "machines").orElseThrow() + "/" + id;
        ADMIN.get(underA + "/datastores/999999", type("datastore")).expectError(404, "DATASTORE-0");
        ADMIN.get(underA, MACHINE).expect(200);
    }

    @Test
    void pagesFilterAndOrder() {
        JsonNode rack = Infra.rack(Infra.datacenter(), "r");
        String machines = Resp.findLink(rack, "machines").orElseThrow();
        for (int i = 0; i < 5; i++) {
            Infra.machine(rack, "node-" + i, "10.0.0." + (i + 1));
        }
        Infra.machine(rack, "other", "10.0.0.99");
        Resp first = ADMIN.get(machines + "?has=node&limit=2&by=name", MACHINES).expect(200);
        assertThat(first.json().path("totalSize").asInt()).isEqualTo(5);
        assertThat(first.items()).extracting(n -> n.path("name").asText()).containsExactly("node-0", "node-1");
        assertThat(first.body()).doesNotContain(PASSWORD);
        Resp second = ADMIN.get(first.link("next"), MACHINES).expect(200);
        assertThat(second.items()).extracting(n -> n.path("name").asText()).containsExactly("node-2", "node-3");
        Resp byIp = ADMIN.get(machines + "?has=10.0.0.99", MACHINES).expect(200);
        assertThat(byIp.items()).extracting(n -> n.path("name").asText()).containsExactly("other");
        ADMIN.get(machines + "?by=password", MACHINES).expectError(400, "QUERY-0");
    }

    private static void bad(String machines, String ip, String field, Object value, int status, String code) {
        Map<String, Object> body = Infra.machineBody("bad", ip);
        body.put(field, value);
        ADMIN.post(machines, MACHINE, MACHINE, body).expectError(status, code);
    }

    private static Map<String, Object> nics(String rel, String href) {
        return Map.of("collection", List.of(Map.of("name", "eth0", "links", List.of(Map.of("rel", rel, "href", href)))));
    }
}
