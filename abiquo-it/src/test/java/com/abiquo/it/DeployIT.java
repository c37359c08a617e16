package com.abiquo.it;

import static com.abiquo.it.Api.type;
import static com.abiquo.it.Deploys.await;
import static com.abiquo.it.Deploys.jobs;
import static com.abiquo.it.Deploys.state;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import com.abiquo.messaging.Broker;
import com.abiquo.messaging.MessagePublisher;
import com.abiquo.messaging.Queues;
import com.abiquo.messaging.model.JobNotification;
import com.abiquo.messaging.model.JobState;
import com.abiquo.messaging.model.JobType;
import com.abiquo.messaging.model.VmState;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The deploy pipeline end to end on a real server: the API queues a task, the leader (this single
 * node leads itself) schedules it, the remote services deployed beside it run the jobs on the
 * simulated hypervisor, and the leader applies their notifications.
 */
class DeployIT extends ApiIT {

    @Test
    void aUserDiscoversAHostDeploysAVirtualMachineAndTakesItThroughItsLife() throws Exception {
        // the administrator registers the datacenter's remote services (its queues get their name from them)
        JsonNode dc = Infra.datacenter();
        String rs = "http://localhost:" + Api.HTTP_PORT + "/abiquo-rs/";
        for (String[] service : new String[][] {{"VIRTUAL_FACTORY", rs + "virtualfactory"},
                {"NODE_COLLECTOR", rs + "nodecollector"}, {"APPLIANCE_MANAGER", rs + "am/" + unique("am")}}) {
            ADMIN.post("admin/remoteservices", type("remoteservice"), type("remoteservice"), Map.of("type", service[0],
                    "uri", service[1], "links", List.of(Tenancy.link("datacenter", Tenancy.edit(dc))))).expect(201);
        }
        dc = ADMIN.get(Tenancy.edit(dc), Infra.DC).expect(200).json();

        // discover a host through the datacenter's link and add it to a rack, a datastore enabled
        JsonNode rack = Infra.rack(dc, "r1");
        String ip = Infra.ip();
        String secret = "disc0ver-" + unique("pw");
        ObjectNode found = (ObjectNode) ADMIN.get(Resp.findLink(dc, "discover").orElseThrow() + "?ip=" + ip
                + "&hypervisor=KVM&user=root&password=" + secret + "&port=8889", Deploys.MACHINE).expect(200).json();
        assertThat(found.toString()).doesNotContain(secret);
        ((ObjectNode) found.path("datastores").path("collection").path(0)).put("enabled", true);
        found.put("password", secret);
        JsonNode machine = ADMIN.post(Resp.findLink(rack, "machines").orElseThrow(), Deploys.MACHINE, Deploys.MACHINE,
                found).expect(201).json();
        ADMIN.get(Resp.findLink(dc, "discover").orElseThrow() + "?hypervisor=KVM", Deploys.MACHINE).expectError(400, "NC-1");

        // a tenant builds a VM and deploys it: 202, then the task to FINISHED_SUCCESSFULLY with the VM ON
        Deploys.Tenant t = Deploys.tenant(dc, Map.of());
        JsonNode vm = t.vm("web-1", 2, 1024);
        int[] before = Deploys.usage(machine);
        String deploy = Deploys.act(t.api(), Resp.findLink(vm, "deploy").orElseThrow());
        assertThat(t.api().post(Resp.findLink(vm, "deploy").orElseThrow(), null, Deploys.ACCEPTED, null).status())
                .isIn(409); // LOCKED while its task runs (VM-2), or VM-7 once deployed
        JsonNode task = await(t.api(), deploy);
        assertThat(task.path("state").asText()).isEqualTo("FINISHED_SUCCESSFULLY");
        assertThat(task.path("type").asText()).isEqualTo("DEPLOY");
        assertThat(jobs(task)).containsExactly("SCHEDULE:DONE", "CONFIGURE:DONE", "POWER_ON:DONE");
        assertThat(state(t.api(), vm)).isEqualTo("ON");
        assertThat(Deploys.onHost(machine, vm)).isEqualTo("ON");
        int[] after = Deploys.usage(machine);
        assertThat(after[0] - before[0]).isEqualTo(2);
        assertThat(after[1] - before[1]).isEqualTo(1024);
        assertThat(t.api().get(Resp.findLink(vm, "tasks").orElseThrow(), type("tasks")).expect(200).items())
                .extracting(n -> n.path("taskId").asText()).contains(task.path("taskId").asText());
        t.api().get(deploy, type("taskextended")).expect(200);

        // state rules: deploying again is VM-7, reconfiguring while ON VM-13
        t.api().post(Resp.findLink(vm, "deploy").orElseThrow(), null, Deploys.ACCEPTED, null).expectError(409, "VM-7");
        ObjectNode edit = (ObjectNode) Deploys.read(t.api(), vm);
        edit.put("cpu", 3);
        t.api().put(Resp.findLink(vm, "edit").orElseThrow(), Cloud.VM, Deploys.ACCEPTED, edit).expectError(409, "VM-13");

        // power off, reset refused while OFF, reconfigure while OFF, power on, reset
        assertThat(await(t.api(), Deploys.power(t.api(), vm, "OFF")).path("state").asText()).isEqualTo("FINISHED_SUCCESSFULLY");
        assertThat(state(t.api(), vm)).isEqualTo("OFF");
        assertThat(Deploys.onHost(machine, vm)).isEqualTo("OFF");
        t.api().post(Resp.findLink(vm, "reset").orElseThrow(), null, Deploys.ACCEPTED, null).expectError(409, "VM-26");
        t.api().put(Resp.findLink(vm, "state").orElseThrow(), Deploys.STATE, Deploys.ACCEPTED, Map.of("state", "OFF"))
                .expectError(409, "VM-4");
        t.api().put(Resp.findLink(vm, "state").orElseThrow(), Deploys.STATE, Deploys.ACCEPTED, Map.of("state", "SLEEPING"))
                .expectError(400, "VM-15");
        String reconfigure = t.api().put(Resp.findLink(vm, "edit").orElseThrow(), Cloud.VM, Deploys.ACCEPTED, edit)
                .expect(202).link("status");
        JsonNode reconfigured = await(t.api(), reconfigure);
        assertThat(jobs(reconfigured)).containsExactly("UPDATE_RESOURCES:DONE", "RECONFIGURE:DONE");
        assertThat(Deploys.read(t.api(), vm).path("cpu").asInt()).isEqualTo(3);
        assertThat(Deploys.usage(machine)[0] - before[0]).isEqualTo(3);
        assertThat(await(t.api(), Deploys.power(t.api(), vm, "ON")).path("state").asText()).isEqualTo("FINISHED_SUCCESSFULLY");
        assertThat(await(t.api(), Deploys.act(t.api(), Resp.findLink(vm, "reset").orElseThrow())).path("state").asText())
                .isEqualTo("FINISHED_SUCCESSFULLY");
        assertThat(state(t.api(), vm)).isEqualTo("ON");

        // undeploy: the VM leaves its host and its resources are free again; then it is deleted
        JsonNode undeployed = await(t.api(), Deploys.act(t.api(), Resp.findLink(vm, "undeploy").orElseThrow()));
        assertThat(jobs(undeployed)).containsExactly("POWER_OFF:DONE", "DECONFIGURE:DONE");
        assertThat(state(t.api(), vm)).isEqualTo("NOT_ALLOCATED");
        assertThat(Deploys.onHost(machine, vm)).isNull();
        assertThat(Deploys.usage(machine)).containsExactly(before);
        t.api().post(Resp.findLink(vm, "undeploy").orElseThrow(), null, Deploys.ACCEPTED, null).expectError(409, "VM-12");
        String deleted = t.api().delete(Resp.findLink(vm, "edit").orElseThrow()).expect(202).link("status");
        assertThat(await(t.api(), deleted).path("state").asText()).isEqualTo("FINISHED_SUCCESSFULLY");
        t.api().get(Resp.findLink(vm, "edit").orElseThrow(), Cloud.VM).expectError(404, "VM-1");
        // nothing of the machine's password in the server's log
        assertThat(java.nio.file.Files.readString(java.nio.file.Path.of(System.getProperty("jboss.home"), "standalone",
                "log", "server.log"))).doesNotContain(secret);
    }

    @Test
    void aFailedJobIsRolledBackAndTheReservationReleased() throws Exception {
        Deploys.Tenant t = Deploys.withMachine(16, 32768);
        JsonNode machine = t.machine();
        int[] before = Deploys.usage(machine);

        JsonNode configureFails = t.vm("fail-configure-1", 1, 512);
        JsonNode task = Deploys.deploy(t.api(), configureFails);
        assertThat(task.path("state").asText()).isEqualTo("FINISHED_UNSUCCESSFULLY");
        assertThat(jobs(task)).containsExactly("SCHEDULE:DONE", "CONFIGURE:FAILED", "POWER_ON:PENDING");
        assertThat(state(t.api(), configureFails)).isEqualTo("NOT_ALLOCATED");

        JsonNode powerOnFails = t.vm("fail-poweron-1", 1, 512);
        task = Deploys.deploy(t.api(), powerOnFails);
        assertThat(task.path("state").asText()).isEqualTo("FINISHED_UNSUCCESSFULLY");
        assertThat(jobs(task)).containsExactly("SCHEDULE:DONE", "CONFIGURE:DONE", "POWER_ON:FAILED");
        assertThat(task.path("jobs").path("collection").path(1).path("rollbackState").asText()).isEqualTo("ROLLBACK_DONE");
        assertThat(state(t.api(), powerOnFails)).isEqualTo("NOT_ALLOCATED");
        assertThat(Deploys.onHost(machine, powerOnFails)).isNull();
        assertThat(Deploys.usage(machine)).containsExactly(before);
        assertThat(Db.value("SELECT error FROM vm_task WHERE task_id = ?", task.path("taskId").asText()))
                .contains("POWER_ON failed").contains("SIM-POWER_ON");
        // the leader's lines about the task carry its id in their context (server.json, one object a line)
        String log = java.nio.file.Files.readString(java.nio.file.Path.of(System.getProperty("jboss.home"), "standalone",
                "log", "server.json"));
        assertThat(log).contains("\"taskId\":\"" + task.path("taskId").asText() + "\"");

        // the rollback fails too: the task says so, the VM is left as the host has it (configured, still allocated)
        JsonNode stuck = t.vm("fail-poweron-fail-deconfigure", 1, 512);
        task = Deploys.deploy(t.api(), stuck);
        assertThat(task.path("state").asText()).isEqualTo("FINISHED_UNSUCCESSFULLY");
        assertThat(jobs(task)).containsExactly("SCHEDULE:DONE", "CONFIGURE:DONE", "POWER_ON:FAILED");
        assertThat(task.path("jobs").path("collection").path(1).path("rollbackState").asText()).isEqualTo("ROLLBACK_FAILED");
        assertThat(Db.value("SELECT error FROM vm_task WHERE task_id = ?", task.path("taskId").asText()))
                .contains("POWER_ON failed").contains("rollback of CONFIGURE failed").contains("SIM-DECONFIGURE");
        assertThat(state(t.api(), stuck)).isEqualTo("CONFIGURED");
        assertThat(Deploys.onHost(machine, stuck)).isEqualTo("CONFIGURED");
        assertThat(Deploys.usage(machine)).as("its reservation is kept: it is on the host")
                .containsExactly(before[0] + 1, before[1] + 512);
        before = Deploys.usage(machine);

        // no machine has room: the task fails at SCHEDULE with the reason, the VM stays as it was
        JsonNode huge = t.vm("huge", 64, 512);
        task = Deploys.deploy(t.api(), huge);
        assertThat(task.path("state").asText()).isEqualTo("FINISHED_UNSUCCESSFULLY");
        assertThat(jobs(task)).containsExactly("SCHEDULE:FAILED", "CONFIGURE:PENDING", "POWER_ON:PENDING");
        assertThat(Db.value("SELECT error FROM vm_task WHERE task_id = ?", task.path("taskId").asText()))
                .contains("SCHEDULE").contains("64 CPUs");
        assertThat(state(t.api(), huge)).isEqualTo("NOT_ALLOCATED");
        assertThat(Deploys.usage(machine)).containsExactly(before);

        // limits bite at deploy too: a VDC hard limit lowered after the VM was created
        JsonNode small = t.vm("small", 2, 256);
        ObjectNode vdc = (ObjectNode) t.api().get(t.vdc(), Cloud.VDC).expect(200).json();
        vdc.put("cpuCountHardLimit", 1);
        t.api().put(t.vdc(), Cloud.VDC, Cloud.VDC, vdc).expect(200);
        t.api().post(Resp.findLink(small, "deploy").orElseThrow(), null, Deploys.ACCEPTED, null).expectError(409, "LIMIT-0");
        assertThat(state(t.api(), small)).isEqualTo("NOT_ALLOCATED");
    }

    @Test
    void eachVirtualDatacenterTakesAVlanTagFromItsRackAtItsFirstDeploy() throws Exception {
        Deploys.Tenant first = Deploys.withMachine(16, 32768);
        // the rack has two usable tags: 100 and 102 (101 is avoided)
        String rack = Resp.findLink(first.rack(), "edit").orElseThrow();
        String rackName = first.rack().path("name").asText();
        ADMIN.put(rack, Infra.RACK, Infra.RACK, Map.of("name", rackName, "vlansIdAvoided", "101-x"))
                .expectError(400, "CONSTR-PATTERN");
        ADMIN.put(rack, Infra.RACK, Infra.RACK, Map.of("name", rackName, "vlansIdAvoided", "40-30")).expectError(400, "RACK-5");
        ADMIN.put(rack, Infra.RACK, Infra.RACK, Map.of("name", rackName, "vlanIdMin", 100, "vlanIdMax", 102,
                "vlansIdAvoided", "101")).expect(200);
        assertThat(vlanTag(first)).as("no tag before the first deploy").isNull();

        assertThat(Deploys.deploy(first.api(), first.vm("tagged", 1, 256)).path("state").asText())
                .isEqualTo("FINISHED_SUCCESSFULLY");
        assertThat(vlanTag(first)).isEqualTo(100);
        assertThat(Deploys.deploy(first.api(), first.vm("same-vdc", 1, 256)).path("state").asText())
                .isEqualTo("FINISHED_SUCCESSFULLY");
        assertThat(vlanTag(first)).as("a VDC keeps its tag").isEqualTo(100);

        Deploys.Tenant second = Deploys.tenant(first.dc(), Map.of());
        assertThat(Deploys.deploy(second.api(), second.vm("second", 1, 256)).path("state").asText())
                .isEqualTo("FINISHED_SUCCESSFULLY");
        assertThat(vlanTag(second)).isEqualTo(102);

        // no tag left in the only rack: the deploy fails at SCHEDULE with the reason, nothing reserved
        Deploys.Tenant third = Deploys.tenant(first.dc(), Map.of());
        int[] before = Deploys.usage(first.machine());
        JsonNode task = Deploys.deploy(third.api(), third.vm("third", 1, 256));
        assertThat(task.path("state").asText()).isEqualTo("FINISHED_UNSUCCESSFULLY");
        assertThat(jobs(task)).containsExactly("SCHEDULE:FAILED", "CONFIGURE:PENDING", "POWER_ON:PENDING");
        assertThat(Db.value("SELECT error FROM vm_task WHERE task_id = ?", task.path("taskId").asText()))
                .contains("VLAN tag");
        assertThat(vlanTag(third)).isNull();
        assertThat(Deploys.usage(first.machine())).containsExactly(before);
    }

    /** The VLAN tag of the tenant's VDC's (only) private network, null when it has none yet. */
    static Integer vlanTag(Deploys.Tenant t) {
        JsonNode vdc = t.api().get(t.vdc(), Cloud.VDC).expect(200).json();
        JsonNode network = t.api().get(Resp.findLink(vdc, "privatenetworks").orElseThrow(), type("vlans")).expect(200)
                .items().get(0);
        return network.path("tag").isNumber() ? network.path("tag").asInt() : null;
    }

    @Test
    void concurrentDeploysNeverOvercommitAMachine() throws Exception {
        Deploys.Tenant t = Deploys.withMachine(4, 65536);
        JsonNode machine = t.machine();
        JsonNode dc = t.dc();
        List<JsonNode> vms = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            vms.add(t.vm("c-" + i, 1, 256));
        }
        ExecutorService pool = Executors.newFixedThreadPool(7);
        List<Future<String>> statuses = new ArrayList<>();
        for (JsonNode vm : vms) {
            statuses.add(pool.submit(() -> Deploys.act(t.api(), Resp.findLink(vm, "deploy").orElseThrow())));
        }
        int ok = 0;
        int failed = 0;
        for (Future<String> status : statuses) {
            String state = await(t.api(), status.get()).path("state").asText();
            ok += state.equals("FINISHED_SUCCESSFULLY") ? 1 : 0;
            failed += state.equals("FINISHED_UNSUCCESSFULLY") ? 1 : 0;
        }
        pool.shutdown();
        // the datacenter's other machine has no datastore room for the template's disk: 4 fit, 3 find no room
        int[] used = Deploys.usage(machine);
        assertThat(used[0]).isEqualTo(4);
        assertThat(ok).isEqualTo(4);
        assertThat(failed).isEqualTo(3);
        assertThat(Integer.parseInt(Db.value("SELECT COUNT(*) FROM physicalmachine WHERE datacenter_id = ? "
                + "AND cpu_used > cpu", dc.path("id").asInt()))).isZero();
        assertThat(Integer.parseInt(Db.value("SELECT COALESCE(SUM(cpu), 0) FROM virtual_machine WHERE machine_id = ?",
                machine.path("id").asInt()))).isEqualTo(used[0]);
    }

    @Test
    void aMachineLoadRuleBoundsWhatTheSchedulerReservesAndAChangedRuleAppliesToTheNextDeploy() throws Exception {
        Deploys.Tenant t = Deploys.withMachine(4, 65536);
        JsonNode machine = t.machine();
        JsonNode rule = Rules.load(50, 100, Rules.scope("machine", machine)); // 2 of its 4 CPUs
        List<JsonNode> vms = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            vms.add(t.vm("rule-" + i, 1, 256));
        }
        assertThat(Deploys.deploy(t.api(), vms.get(0)).path("state").asText()).isEqualTo("FINISHED_SUCCESSFULLY");
        assertThat(Deploys.deploy(t.api(), vms.get(1)).path("state").asText()).isEqualTo("FINISHED_SUCCESSFULLY");
        assertThat(Deploys.deploy(t.api(), vms.get(2)).path("state").asText()).isEqualTo("FINISHED_UNSUCCESSFULLY");
        assertThat(Deploys.usage(machine)[0]).isEqualTo(2);

        // raised through the API: the leader's next placement reads it (its capacity index is reloaded)
        Map<String, Object> raised = Rules.loadBody(100, 100);
        raised.put("links", rule.path("links"));
        Api.admin().put(Tenancy.edit(rule), Rules.LOAD, Rules.LOAD, raised).expect(200);
        assertThat(Deploys.deploy(t.api(), vms.get(2)).path("state").asText()).isEqualTo("FINISHED_SUCCESSFULLY");
        assertThat(Deploys.usage(machine)[0]).isEqualTo(3);

        // lowered below what runs there: nothing more goes there, what runs stays
        Map<String, Object> lowered = Rules.loadBody(25, 100);
        lowered.put("links", rule.path("links"));
        Api.admin().put(Tenancy.edit(rule), Rules.LOAD, Rules.LOAD, lowered).expect(200);
        JsonNode fourth = t.vm("rule-3", 1, 256);
        assertThat(Deploys.deploy(t.api(), fourth).path("state").asText()).isEqualTo("FINISHED_UNSUCCESSFULLY");
        assertThat(Deploys.usage(machine)[0]).isEqualTo(3);
    }

    @Test
    void aNotificationDeliveredTwiceOrLateChangesNothing() throws Exception {
        Deploys.Tenant t = Deploys.withMachine(16, 32768);
        JsonNode vm = t.vm("dup", 1, 256);
        JsonNode task = Deploys.deploy(t.api(), vm);
        assertThat(state(t.api(), vm)).isEqualTo("ON");
        String taskId = task.path("taskId").asText();
        JsonNode powerOn = task.path("jobs").path("collection").path(2);

        // the same POWER_ON DONE again (a redelivery), a late CONFIGURE STARTED, a forged FAILED for the finished task
        String dup = JobNotification.messageId(taskId, powerOn.path("id").asText(), JobState.DONE);
        String late = "late-" + unique("n");
        String forged = "forged-" + unique("n");
        try (MessagePublisher p = new MessagePublisher(new Broker("127.0.0.1:5672", "guest", "guest",
                System.getProperty("it.db.name", "kinton_it")), "deploy-it")) {
            p.publishJson(Queues.VIRTUALFACTORY_EXCHANGE, Queues.VIRTUALFACTORY_NOTIFICATIONS, dup, new JobNotification(dup,
                    Deploys.DATACENTER_ID, taskId, powerOn.path("id").asText(), JobType.POWER_ON, JobState.DONE,
                    vm.path("uuid").asText(), VmState.OFF, null, null, 4, java.time.Instant.now()).toJson());
            p.publishJson(Queues.VIRTUALFACTORY_EXCHANGE, Queues.VIRTUALFACTORY_NOTIFICATIONS, late, new JobNotification(late,
                    Deploys.DATACENTER_ID, taskId, powerOn.path("id").asText(), JobType.POWER_ON, JobState.STARTED,
                    vm.path("uuid").asText(), null, null, null, 3, java.time.Instant.now()).toJson());
            p.publishJson(Queues.VIRTUALFACTORY_EXCHANGE, Queues.VIRTUALFACTORY_NOTIFICATIONS, forged, new JobNotification(
                    forged, Deploys.DATACENTER_ID, taskId, powerOn.path("id").asText(), JobType.POWER_ON, JobState.FAILED,
                    vm.path("uuid").asText(), VmState.OFF, "X-1", "forged", 99, java.time.Instant.now()).toJson());
            // notifications leave no processed_message row (their sequences recognise repeats): a probe
            // behind them on the same queue, which does, tells when the leader has handled all three
            String probe = "after-" + unique("p");
            p.publishJson(Queues.VIRTUALFACTORY_EXCHANGE, Queues.VIRTUALFACTORY_NOTIFICATIONS, probe,
                    "{\"type\":\"cluster.probe\",\"probeId\":\"" + probe + "\"}");
            assertThat(Deploys.until(() -> Db.value("SELECT message_id FROM processed_message WHERE message_id = ?", probe),
                    probe)).isEqualTo(probe);
        }
        assertThat(state(t.api(), vm)).isEqualTo("ON");
        JsonNode again = t.api().get(Resp.findLink(vm, "tasks").orElseThrow() + "/" + taskId, Cloud.TASK).expect(200).json();
        assertThat(again.path("state").asText()).isEqualTo("FINISHED_SUCCESSFULLY");
        assertThat(jobs(again)).containsExactly("SCHEDULE:DONE", "CONFIGURE:DONE", "POWER_ON:DONE");
    }

    @Test
    void theMonitorReportsAVirtualMachinePoweredOffOutsideThePlatform() throws Exception {
        Deploys.Tenant t = Deploys.withMachine(16, 32768);
        JsonNode vm = t.vm("watched", 1, 256);
        Deploys.deploy(t.api(), vm);
        String host = Db.value("SELECT p.ip FROM physicalmachine p JOIN virtual_machine v ON v.machine_id = p.id "
                + "WHERE v.uuid = ?", vm.path("uuid").asText());
        Api.anonymous().post("http://127.0.0.1:" + Api.HTTP_PORT + "/abiquo-rs/simulator/hosts/" + host + "/vms/"
                + vm.path("uuid").asText() + "/state", "text/plain", "application/json", "OFF").expect(200);
        assertThat(Deploys.until(() -> state(t.api(), vm), "OFF")).isEqualTo("OFF");
    }

    @Test
    void appliancesDeployAndUndeployATaskPerMachineAndAQueuedTaskCanBeCancelled() throws Exception {
        Deploys.Tenant t = Deploys.withMachine(16, 32768);
        JsonNode a = t.vm("a", 1, 256);
        JsonNode b = t.vm("b", 1, 256);
        Resp deployed = t.api().post(t.vapp() + "/action/deploy", null, Deploys.ACCEPTED, "null").expect(202);
        List<String> statuses = deployed.json().path("links").findValuesAsText("href");
        assertThat(statuses).hasSize(2);
        for (String s : statuses) {
            assertThat(await(t.api(), s).path("state").asText()).isEqualTo("FINISHED_SUCCESSFULLY");
        }
        assertThat(t.api().get(t.vapp(), Cloud.VAPP).expect(200).json().path("state").asText()).isEqualTo("DEPLOYED");

        // a deployed machine is deleted by undeploying it first
        String deleted = t.api().delete(Resp.findLink(a, "edit").orElseThrow()).expect(202).link("status");
        assertThat(await(t.api(), deleted).path("state").asText()).isEqualTo("FINISHED_SUCCESSFULLY");
        t.api().get(Resp.findLink(a, "edit").orElseThrow(), Cloud.VM).expectError(404, "VM-1");

        Resp undeployed = t.api().post(t.vapp() + "/action/undeploy", "*/*", Deploys.ACCEPTED, "{}").expect(202);
        for (String s : undeployed.json().path("links").findValuesAsText("href")) {
            assertThat(await(t.api(), s).path("state").asText()).isEqualTo("FINISHED_SUCCESSFULLY");
        }
        assertThat(state(t.api(), b)).isEqualTo("NOT_ALLOCATED");
        t.api().post(t.vapp() + "/action/deploy", null, Deploys.ACCEPTED, "[1]").expectError(400, "GEN-3");
        assertThat(t.api().get(t.enterpriseHref() + "/action/pendingtasks", type("tasks")).expect(200).json()
                .path("totalSize").asInt()).isZero();
    }

    @Test
    void aQueuedTaskIsPendingAndCanBeCancelled() throws Exception {
        JsonNode dc = Deploys.datacenter();
        Deploys.Tenant t = Deploys.tenant(dc, Map.of());
        JsonNode vm = t.vm("queued", 1, 256);
        // a task the scheduler has not taken yet (as if its announcement were still on its way)
        String taskId = queuedTask(t, vm, 0);
        String pending = t.enterpriseHref() + "/action/pendingtasks";
        assertThat(t.api().get(pending, type("tasks")).expect(200).items()).extracting(n -> n.path("taskId").asText())
                .containsExactly(taskId);
        assertThat(state(t.api(), vm)).isEqualTo("LOCKED");
        t.api().post(Resp.findLink(vm, "deploy").orElseThrow(), null, Deploys.ACCEPTED, null).expectError(409, "VM-2");
        String cancel = Resp.findLink(vm, "tasks").orElseThrow() + "/" + taskId + "/action/cancel";
        t.api().post(cancel, null, null, null).expect(204);
        assertThat(state(t.api(), vm)).isEqualTo("NOT_ALLOCATED");
        assertThat(Db.value("SELECT state FROM vm_task WHERE task_id = ?", taskId)).isEqualTo("CANCELLED");
        t.api().post(cancel, null, null, null).expectError(409, "TASK-3");
        assertThat(t.api().get(pending, type("tasks")).expect(200).json().path("totalSize").asInt()).isZero();
    }

    /** Inserts a QUEUEING deploy task of {@code vm}, last moved {@code minutesAgo}, with no message anywhere. */
    private static String queuedTask(Deploys.Tenant t, JsonNode vm, int minutesAgo) throws Exception {
        String taskId = java.util.UUID.randomUUID().toString();
        String jobs = "[{\"id\":\"" + taskId + ".s\",\"type\":\"SCHEDULE\",\"state\":\"PENDING\",\"rollbackState\":\"UNKNOWN\"},"
                + "{\"id\":\"" + taskId + ".c\",\"type\":\"CONFIGURE\",\"state\":\"PENDING\",\"rollbackState\":\"UNKNOWN\"},"
                + "{\"id\":\"" + taskId + ".p\",\"type\":\"POWER_ON\",\"state\":\"PENDING\",\"rollbackState\":\"UNKNOWN\"}]";
        int enterprise = Integer.parseInt(t.enterpriseHref().replaceAll(".*/", ""));
        Db.update("INSERT INTO vm_task (task_id, vm_id, enterprise_id, user_id, task_type, state, jobs, created_at, updated_at) "
                + "VALUES (?, ?, ?, 1, 'DEPLOY', 'QUEUEING', ?, NOW(3) - INTERVAL ? MINUTE, NOW(3) - INTERVAL ? MINUTE)",
                taskId, vm.path("id").asInt(), enterprise, jobs, minutesAgo, minutesAgo);
        Db.update("UPDATE virtual_machine SET state = 'LOCKED', locked_by_task = ?, state_before_lock = 'NOT_ALLOCATED' "
                + "WHERE id = ?", taskId, vm.path("id").asInt());
        return taskId;
    }

    @Test
    void aTaskWhoseAnnouncementWasLostIsAnnouncedAgainByRecovery() throws Exception {
        Deploys.Tenant t = Deploys.withMachine(16, 32768);
        JsonNode vm = t.vm("orphan", 1, 256);
        // an API node committed the task and died before publishing it: the row and the lock, no message
        String taskId = queuedTask(t, vm, 1);
        String status = Resp.findLink(vm, "tasks").orElseThrow() + "/" + taskId;
        assertThat(Deploys.until(() -> state(t.api(), vm), "ON")).isEqualTo("ON");
        assertThat(Db.value("SELECT state FROM vm_task WHERE task_id = ?", taskId)).isEqualTo("FINISHED_SUCCESSFULLY");
        assertThat(t.api().get(status, Cloud.TASK).expect(200).json().path("state").asText()).isEqualTo("FINISHED_SUCCESSFULLY");
    }
}
