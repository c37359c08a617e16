package com.abiquo.it;

import static com.abiquo.it.Api.type;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Fixtures of the deploy pipeline tests: a datacenter served by the remote services deployed
 * beside the API (its queues named by their datacenter id), machines with room, a tenant with a
 * virtual appliance, and the polling of a task until it is finished.
 */
final class Deploys {

    static final String DATACENTER_ID = System.getProperty("it.datacenter.id", "it-dc-1");
    static final String STATE = type("virtualmachinestate");
    static final String ACCEPTED = type("acceptedrequest");
    static final String MACHINE = type("machine");

    private Deploys() {
    }

    /** A tenant's appliance in a KVM virtual datacenter, with the Tiny Core template at hand. */
    record Tenant(Api api, String enterpriseHref, JsonNode dc, JsonNode rack, String vdc, String vapp, String template,
            JsonNode machine) {

        /** A new VM of the appliance (label, CPUs, RAM); its disk is the template's 1 GiB. */
        JsonNode vm(String label, int cpu, int ram) {
            return api.post(vapp + "/virtualmachines", Cloud.VM, Cloud.VM, Map.of("label", label, "cpu", cpu, "ram", ram,
                    "links", List.of(Tenancy.link("virtualmachinetemplate", template)))).expect(201).json();
        }
    }

    /** A datacenter whose queues are those of the test's remote services, with one rack. */
    static JsonNode datacenter() throws Exception {
        JsonNode dc = Cloud.datacenter();
        Db.update("UPDATE datacenter SET uuid = ? WHERE id = ?", DATACENTER_ID, dc.path("id").asInt());
        return dc;
    }

    /** A KVM machine of {@code cpus} cores and {@code ramMb}, with a 100 GiB datastore. */
    static JsonNode machine(JsonNode rack, int cpus, int ramMb) {
        Map<String, Object> body = Infra.machineBody(ApiIT.unique("host"), Infra.ip());
        body.put("virtualCpuCores", cpus);
        body.put("virtualRamInMb", ramMb);
        Map<String, Object> datastore = new LinkedHashMap<>();
        datastore.put("name", "datastore1");
        datastore.put("rootPath", "/var/lib/virt");
        datastore.put("enabled", true);
        datastore.put("size", 100L << 30);
        datastore.put("usedSize", 0L);
        body.put("datastores", Map.of("collection", List.of(datastore)));
        return Api.admin().post(Resp.findLink(rack, "machines").orElseThrow(), MACHINE, MACHINE, body).expect(201).json();
    }

    static JsonNode firstRack(JsonNode dc) {
        return Api.admin().get(Resp.findLink(dc, "racks").orElseThrow(), Infra.RACKS).expect(200).items().get(0);
    }

    /** A tenant (enterprise admin) with a VDC and an appliance in {@code dc}. */
    static Tenant tenant(JsonNode dc, Map<String, Object> limits) {
        String[] enterprise = new String[1];
        Api user = Cloud.tenant(dc, limits, enterprise);
        Resp vdc = user.post("cloud/virtualdatacenters", Cloud.VDC, Cloud.VDC, Cloud.vdcBody(dc, "KVM")).expect(201);
        Cloud.refresh(user, enterprise[0], dc);
        JsonNode template = user.get(vdc.link("templates") + "?has=tiny", Cloud.TEMPLATES).expect(200).items().get(0);
        Resp vapp = user.post(vdc.link("virtualappliances"), Cloud.VAPP, Cloud.VAPP, Map.of("name", "app")).expect(201);
        return new Tenant(user, enterprise[0], dc, firstRack(dc), vdc.link("edit"), vapp.link("edit"),
                Resp.findLink(template, "edit").orElseThrow(), null);
    }

    /** A tenant in a new datacenter with a machine of {@code cpus} and {@code ramMb} that has disk room. */
    static Tenant withMachine(int cpus, int ramMb) throws Exception {
        JsonNode dc = datacenter();
        JsonNode machine = machine(firstRack(dc), cpus, ramMb);
        Tenant t = tenant(dc, Map.of());
        return new Tenant(t.api(), t.enterpriseHref(), dc, t.rack(), t.vdc(), t.vapp(), t.template(), machine);
    }

    /** Deploys the VM and waits for its task. */
    static JsonNode deploy(Api api, JsonNode vm) throws InterruptedException {
        return await(api, act(api, Resp.findLink(vm, "deploy").orElseThrow()));
    }

    /** Waits (10 s at most) until {@code probe} gives {@code expected}; returns what it gave last. */
    static String until(java.util.concurrent.Callable<String> probe, String expected) throws Exception {
        String got = probe.call();
        for (int i = 0; i < 100 && !expected.equals(got); i++) {
            Thread.sleep(100);
            got = probe.call();
        }
        return got;
    }

    /** Posts an action link (as ansible does: no body, no Content-Type) and returns the task's status href. */
    static String act(Api api, String href) {
        Resp accepted = api.post(href, null, ACCEPTED, null).expect(202);
        return accepted.link("status");
    }

    /** Changes the VM's power state: 202 and the task's status href. */
    static String power(Api api, JsonNode vm, String state) {
        String href = Resp.findLink(vm, "state").orElseThrow();
        return api.put(href, STATE, ACCEPTED, Map.of("state", state)).expect(202).link("status");
    }

    /** Polls a task until it is finished (60 s at most) and returns it. */
    static JsonNode await(Api api, String statusHref) throws InterruptedException {
        return await(api, statusHref, 60);
    }

    static JsonNode await(Api api, String statusHref, int seconds) throws InterruptedException {
        JsonNode task = null;
        for (int i = 0; i < seconds * 10; i++) {
            task = api.get(statusHref, Cloud.TASK).expect(200).json();
            String state = task.path("state").asText();
            if (state.startsWith("FINISHED") || state.equals("ABORTED") || state.equals("CANCELLED")) {
                return task;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("task not finished in " + seconds + " s: " + task);
    }

    static JsonNode read(Api api, JsonNode vm) {
        return api.get(Resp.findLink(vm, "edit").orElseThrow(), Cloud.VM).expect(200).json();
    }

    static String state(Api api, JsonNode vm) {
        return read(api, vm).path("state").asText();
    }

    /** The job states of a task, in order: e.g. [SCHEDULE:DONE, CONFIGURE:FAILED, POWER_ON:PENDING]. */
    static List<String> jobs(JsonNode task) {
        return task.path("jobs").path("collection").findParents("type").stream()
                .map(j -> j.path("type").asText() + ":" + j.path("state").asText()).toList();
    }

    /** The CPUs and RAM in use on a machine, as kinton says. */
    static int[] usage(JsonNode machine) throws Exception {
        int id = machine.path("id").asInt();
        return new int[] {Integer.parseInt(Db.value("SELECT cpu_used FROM physicalmachine WHERE id = ?", id)),
                Integer.parseInt(Db.value("SELECT ram_used_mb FROM physicalmachine WHERE id = ?", id))};
    }

    /** What the simulated host runs: the VM's state there, or null when it has no such VM. */
    static String onHost(JsonNode machine, JsonNode vm) {
        Resp r = Api.anonymous().get("http://127.0.0.1:" + Api.HTTP_PORT + "/abiquo-rs/simulator/hosts/"
                + machine.path("ip").asText() + "/vms/" + vm.path("uuid").asText(), "application/json");
        return r.status() == 404 ? null : r.json().path("state").asText();
    }
}
