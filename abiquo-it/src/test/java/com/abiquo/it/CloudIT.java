package com.abiquo.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The cloud issue's "done when": an enterprise user created through the API creates a virtual
 * datacenter, finds a template through its templates link, creates an appliance and machines,
 * reconfigures and deletes them (202 + finished task), and is refused cleanly outside its
 * enterprise and limits.
 */
class CloudIT extends ApiIT {

    @Test
    void aTenantWalksTheCloudThroughLinks() {
        JsonNode dc = Cloud.datacenter();
        String[] ent = new String[1];
        Api user = Cloud.tenant(dc, Map.of(), ent);

        // bad input writes nothing
        Map<String, Object> bad = Cloud.vdcBody(dc, "VMX_04");
        user.post("cloud/virtualdatacenters", Cloud.VDC, Cloud.VDC, bad).expectError(409, "VDC-2");
        bad = Cloud.vdcBody(dc, "KVM");
        bad.put("network", Map.of("address", "10.0.0.5", "mask", 24, "gateway", "10.0.0.1"));
        user.post("cloud/virtualdatacenters", Cloud.VDC, Cloud.VDC, bad).expectError(400, "NETWORK-1");
        bad.put("network", Map.of("address", "10.0.0.0", "mask", 24, "gateway", "10.0.1.1"));
        user.post("cloud/virtualdatacenters", Cloud.VDC, Cloud.VDC, bad).expectError(400, "NETWORK-1");
        JsonNode otherDc = Infra.datacenter();
        user.post("cloud/virtualdatacenters", Cloud.VDC, Cloud.VDC, Cloud.vdcBody(otherDc, "KVM")).expectError(404, "DC-0");
        assertThat(user.get("cloud/virtualdatacenters", Cloud.VDCS).expect(200).json().path("totalSize").asInt()).isZero();

        // the virtual datacenter, with the default network from the system properties
        Resp vdc = user.post("cloud/virtualdatacenters", Cloud.VDC, Cloud.VDC, Cloud.vdcBody(dc, "KVM")).expect(201);
        assertThat(vdc.json().path("network").path("address").asText()).isEqualTo("192.168.0.0");
        user.get(vdc.link("edit"), Cloud.VDC).expect(200);
        assertThat(user.get("cloud/virtualdatacenters?datacenter=" + dc.path("id").asInt(), Cloud.VDCS).expect(200)
                .items()).hasSize(1);

        // templates: the repository is refreshed twice (idempotent); the VDC lists the KVM-compatible ones
        Cloud.refresh(user, ent[0], dc);
        Resp repo = Cloud.refresh(user, ent[0], dc);
        long all = user.get(repo.link("virtualmachinetemplates"), Cloud.TEMPLATES).expect(200).json().path("totalSize").asLong();
        assertThat(all).isEqualTo(4);
        List<JsonNode> usable = user.get(vdc.link("templates") + "?has=tiny", Cloud.TEMPLATES).expect(200).items();
        assertThat(usable).hasSize(1);
        String template = Resp.findLink(usable.get(0), "edit").orElseThrow();
        assertThat(user.get(vdc.link("templates"), Cloud.TEMPLATES).expect(200).items())
                .extracting(t -> t.path("diskFormatType").asText()).doesNotContain("VHD_SPARSE");

        // an appliance and a machine (numbers as strings)
        Resp vapp = user.post(vdc.link("virtualappliances"), Cloud.VAPP, Cloud.VAPP, Map.of("name", "web")).expect(201);
        assertThat(vapp.json().path("state").asText()).isEqualTo("NOT_DEPLOYED");
        String vms = vapp.link("virtualmachines");
        user.post(vms, Cloud.VM, Cloud.VM, Map.of("cpu", "-1", "links", List.of(Tenancy.link("virtualmachinetemplate",
                template)))).expectError(400, "VM-14");
        user.post(vms, Cloud.VM, Cloud.VM, Map.of("links", List.of(Tenancy.link("virtualmachinetemplate",
                template.replaceAll("/\\d+$", "/999999"))))).expectError(404, "TEMPLATE-0");
        Resp vm = user.post(vms, Cloud.VM, Cloud.VM, Map.of("label", "web-1", "cpu", "2", "ram", "512",
                "links", List.of(Tenancy.link("virtualmachinetemplate", template)))).expect(201);
        JsonNode v = vm.json();
        assertThat(v.path("state").asText()).isEqualTo("NOT_ALLOCATED");
        assertThat(v.path("idState").asInt()).isEqualTo(1);
        assertThat(v.path("name").asText()).isEqualTo("ABQ_" + v.path("uuid").asText());
        assertThat(v.path("cpu").asInt()).isEqualTo(2);
        assertThat(user.get(vm.link("nic0"), Api.type("privateip")).expect(200).json().path("ip").asText())
                .isEqualTo("192.168.0.2");
        for (String rel : List.of("edit", "state", "virtualappliance", "virtualdatacenter", "virtualmachinetemplate",
                "tasks")) {
            user.get(vm.link(rel), Resp.linkNode(v, rel).path("type").asText()).expect(200);
        }
        assertThat(user.get("cloud/virtualmachines?vmlabel=web-1", Cloud.VMS).expect(200).items()).hasSize(1);
        // the VM under a path it is not in: which part is wrong decides the error
        String vmHref = vm.link("edit");
        String vappHref = vapp.link("edit");
        user.get(vmHref.replace(vappHref, vappHref + "0"), Cloud.VM).expectError(404, "VAPP-0");
        user.get(vmHref.replaceAll("/\\d+$", "/999999"), Cloud.VM).expectError(404, "VM-1");
        user.get(vmHref.replace("/virtualdatacenters/", "/virtualdatacenters/999"), Cloud.VM).expectError(404, "VDC-0");
        user.put(vm.link("tags"), Api.type("tags"), Api.type("asynctask"), "{}").expect(200);

        // reconfigure, then delete: 202 and a finished task, the appliance goes right after
        Map<String, Object> change = new HashMap<>();
        change.put("cpu", 4);
        change.put("ram", "1024");
        Resp changed = user.put(vm.link("edit"), Cloud.VM, Cloud.VM, change).expect(200);
        assertThat(changed.json().path("ram").asInt()).isEqualTo(1024);
        Resp accepted = user.delete(vm.link("edit")).expect(202);
        JsonNode task = user.get(accepted.link("status"), Cloud.TASK).expect(200).json();
        assertThat(task.path("state").asText()).isEqualTo("FINISHED_SUCCESSFULLY");
        assertThat(task.path("ownerId").asText()).isEqualTo(v.path("id").asText());
        user.get(accepted.link("status"), Api.type("taskextended")).expect(200);
        user.get(vm.link("edit"), Cloud.VM).expectError(404, "VM-1");

        // another tenant sees none of it
        Api stranger = Cloud.tenant(Cloud.datacenter(), Map.of(), new String[1]);
        stranger.get(vdc.link("edit"), Cloud.VDC).expectError(404, "VDC-0");
        stranger.get(vapp.link("edit"), Cloud.VAPP).expectError(404, "VDC-0");
        Resp kept = user.post(vms, Cloud.VM, Cloud.VM, Map.of("label", "web-2",
                "links", List.of(Tenancy.link("virtualmachinetemplate", template)))).expect(201);
        stranger.get(kept.link("edit"), Cloud.VM).expectError(404, "VDC-0");
        stranger.post(kept.link("deploy"), null, Deploys.ACCEPTED, null).expectError(404, "VDC-0");
        user.delete(kept.link("edit")).expect(202);
        stranger.get(accepted.link("status"), Cloud.TASK).expectError(404, "TASK-1");
        stranger.get(ent[0] + "/datacenterrepositories/" + dc.path("id").asInt(), Cloud.REPOSITORY).expectError(404, "EN-0");
        stranger.get(template, Api.type("virtualmachinetemplate")).expectError(404, "EN-0");
        assertThat(stranger.get("cloud/virtualmachines", Cloud.VMS).expect(200).items()).isEmpty();

        user.delete(vapp.link("edit")).expect(204);
        user.delete(vdc.link("edit")).expect(204);
    }

    @Test
    void concurrentCreationsNeverShareAnIp() throws Exception {
        JsonNode dc = Cloud.datacenter();
        String[] ent = new String[1];
        Api user = Cloud.tenant(dc, Map.of(), ent);
        Resp vdc = user.post("cloud/virtualdatacenters", Cloud.VDC, Cloud.VDC, Cloud.vdcBody(dc, "KVM")).expect(201);
        Cloud.refresh(user, ent[0], dc);
        String template = Resp.findLink(user.get(vdc.link("templates") + "?has=tiny", Cloud.TEMPLATES).expect(200)
                .items().get(0), "edit").orElseThrow();
        String vms = user.post(vdc.link("virtualappliances"), Cloud.VAPP, Cloud.VAPP, Map.of("name", "many")).expect(201)
                .link("virtualmachines");
        ExecutorService pool = Executors.newFixedThreadPool(10);
        List<Future<Resp>> created = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            created.add(pool.submit(() -> user.post(vms, Cloud.VM, Cloud.VM,
                    Map.of("links", List.of(Tenancy.link("virtualmachinetemplate", template))))));
        }
        Set<String> ips = new HashSet<>();
        for (Future<Resp> f : created) {
            Resp vm = f.get().expect(201);
            ips.add(user.get(vm.link("nic0"), Api.type("privateip")).expect(200).json().path("ip").asText());
        }
        pool.shutdown();
        assertThat(ips).hasSize(20);
        String network = vdc.link("defaultnetwork");
        assertThat(user.get(network + "/ips?limit=0", Api.type("privateips")).expect(200).json().path("totalSize").asInt())
                .isEqualTo(20);
    }

    @Test
    void limitsBiteHardAlwaysAndSoftUnlessForced() {
        JsonNode dc = Cloud.datacenter();
        String[] ent = new String[1];
        Api user = Cloud.tenant(dc, Map.of("cpuCountSoftLimit", "2", "cpuCountHardLimit", "4"), ent);
        Resp vdc = user.post("cloud/virtualdatacenters", Cloud.VDC, Cloud.VDC, Cloud.vdcBody(dc, "KVM")).expect(201);
        Cloud.refresh(user, ent[0], dc);
        String template = Resp.findLink(user.get(vdc.link("templates") + "?has=tiny", Cloud.TEMPLATES).expect(200)
                .items().get(0), "edit").orElseThrow();
        String vms = user.post(vdc.link("virtualappliances"), Cloud.VAPP, Cloud.VAPP, Map.of("name", "lim")).expect(201)
                .link("virtualmachines");
        Map<String, Object> body = Map.of("cpu", 2, "links", List.of(Tenancy.link("virtualmachinetemplate", template)));
        user.post(vms, Cloud.VM, Cloud.VM, body).expect(201);
        Map<String, Object> more = Map.of("cpu", 1, "links", List.of(Tenancy.link("virtualmachinetemplate", template)));
        user.post(vms, Cloud.VM, Cloud.VM, more).expectError(409, "LIMIT-0");
        Resp forced = user.post(vms + "?force=true", Cloud.VM, Cloud.VM, more).expect(201);
        assertThat(forced.header("Warning")).isPresent();
        user.post(vms + "?force=true", Cloud.VM, Cloud.VM, body).expectError(409, "LIMIT-0");
        Resp grow = user.put(forced.link("edit"), Cloud.VM, Cloud.VM, Map.of("cpu", 2));
        grow.expectError(409, "LIMIT-0");
        assertThat(user.get(vms, Cloud.VMS).expect(200).json().path("totalSize").asInt()).isEqualTo(2);
    }
}
