package com.abiquo.it;

import static com.abiquo.it.Api.type;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The cloud side seen by tenants: enterprise A's virtual datacenters, networks, IPs, appliances,
 * machines (and their actions, state, tags and tasks), templates and repositories answer 404 to
 * enterprise B's administrator and users exactly as an unknown id does; a user restricted by
 * {@code availableVirtualDatacenters} sees only those; collections page through {@code next};
 * duplicate names and bad input are refused and write nothing; limits hold under concurrency;
 * tags are stored.
 */
class CloudTenancyIT extends ApiIT {

    static final String NETWORK = type("vlan");
    static final String NETWORKS = type("vlans");
    static final String IP = type("privateip");
    static final String IPS = type("privateips");
    static final String TAGS = type("tags");
    static final String ACCEPTED = type("acceptedrequest");
    static final String ASYNCTASK = type("asynctask");
    static final String VM_STATE = type("virtualmachinestate");
    static final String TEMPLATE = type("virtualmachinetemplate");

    /** Enterprise A: two VDCs, an appliance and a machine in each; enterprise B: its own VDC. */
    static JsonNode dc;
    static String entA;
    static Api adminA;
    static Resp vdc1;
    static Resp vdc2;
    static Resp vapp1;
    static Resp vapp2;
    static Resp vm1;
    static Resp vm2;
    static String template;
    static String entB;
    static Api adminB;
    static Api userB;
    static String vappB;
    static Api restricted;
    static JsonNode restrictedUser;
    static Api plainA;

    @BeforeAll
    static void tenants() {
        dc = Cloud.datacenter();
        String[] a = new String[1];
        adminA = Cloud.tenant(dc, Map.of(), a);
        entA = a[0];
        vdc1 = adminA.post("cloud/virtualdatacenters", Cloud.VDC, Cloud.VDC, Cloud.vdcBody(dc, "KVM")).expect(201);
        vdc2 = adminA.post("cloud/virtualdatacenters", Cloud.VDC, Cloud.VDC, Cloud.vdcBody(dc, "KVM")).expect(201);
        Cloud.refresh(adminA, entA, dc);
        template = templateOf(adminA, vdc1);
        vapp1 = adminA.post(vdc1.link("virtualappliances"), Cloud.VAPP, Cloud.VAPP, Map.of("name", "one")).expect(201);
        vapp2 = adminA.post(vdc2.link("virtualappliances"), Cloud.VAPP, Cloud.VAPP, Map.of("name", "two")).expect(201);
        vm1 = createVm(adminA, vapp1, Map.of("label", "vm-one"));
        vm2 = createVm(adminA, vapp2, Map.of("label", "vm-two"));
        adminA.put(vm1.link("tags"), TAGS, TAGS, tags("owner", "a")).expect(200);

        JsonNode dcB = Cloud.datacenter();
        String[] b = new String[1];
        adminB = Cloud.tenant(dcB, Map.of(), b);
        entB = b[0];
        String nickB = unique("userb");
        Tenancy.user(ADMIN.get(entB, Tenancy.ENTERPRISE).expect(200).json(), nickB, "user-b-password", Tenancy.USER_ROLE);
        userB = Api.basic(nickB, "user-b-password");
        Resp vdcB = adminB.post("cloud/virtualdatacenters", Cloud.VDC, Cloud.VDC, Cloud.vdcBody(dcB, "KVM")).expect(201);
        vappB = adminB.post(vdcB.link("virtualappliances"), Cloud.VAPP, Cloud.VAPP, Map.of("name", "b")).expect(201)
                .link("virtualmachines");

        JsonNode enterpriseA = ADMIN.get(entA, Tenancy.ENTERPRISE).expect(200).json();
        String nick = unique("restricted");
        Map<String, Object> body = Tenancy.userBody(nick, "restricted-password", Tenancy.USER_ROLE);
        body.put("availableVirtualDatacenters", String.valueOf(id(vdc1)));
        restrictedUser = ADMIN.post(Resp.findLink(enterpriseA, "users").orElseThrow(), Tenancy.USER, Tenancy.USER, body)
                .expect(201).json();
        assertThat(restrictedUser.path("availableVirtualDatacenters").asText()).isEqualTo(String.valueOf(id(vdc1)));
        restricted = Api.basic(nick, "restricted-password");
        String plain = unique("plaina");
        Tenancy.user(enterpriseA, plain, "plain-a-password", Tenancy.USER_ROLE);
        plainA = Api.basic(plain, "plain-a-password");
    }

    // ---- 1. cross-tenant access -------------------------------------------------------------

    @Test
    void theTaskOfADeletedMachineIsReadOnlyByWhoeverSeesAllOfItsEnterprise() {
        Resp gone = createVm(adminA, vapp2, Map.of("label", "gone"));
        String status = adminA.delete(gone.link("edit")).expect(202).link("status");
        assertThat(adminA.get(status, Cloud.TASK).expect(200).json().path("state").asText()).isEqualTo("FINISHED_SUCCESSFULLY");
        plainA.get(status, Cloud.TASK).expect(200);
        // its VDC is gone with it: a user restricted to some VDCs cannot tell whether it was one of theirs
        restricted.get(status, Cloud.TASK).expectError(404, "TASK-1");
        adminB.get(status, Cloud.TASK).expectError(404, "TASK-1");
    }

    @Test
    void anotherEnterprisesAdminGetsNotFoundOnEveryCloudResource() throws Exception {
        everyCloudResourceIsNotFoundFor(adminB);
    }

    @Test
    void anotherEnterprisesUserGetsNotFoundOnEveryCloudResource() throws Exception {
        everyCloudResourceIsNotFoundFor(userB);
    }

    private void everyCloudResourceIsNotFoundFor(Api stranger) throws Exception {
        Map<String, Long> before = rows(entA);

        String vdc = vdc1.link("edit");
        String network = vdc1.link("defaultnetwork");
        String ip = vm1.link("nic0");
        String vapp = vapp1.link("edit");
        String vm = vm1.link("edit");
        Map<String, Object> vdcUpdate = Map.of("name", "stolen");
        Map<String, Object> net = Map.of("name", "intruder", "address", "10.9.0.0", "mask", 24, "gateway", "10.9.0.1");
        Map<String, Object> newVm = Map.of("links", List.of(Tenancy.link("virtualmachinetemplate", template)));

        // every request answers the same 404 as an id that does not exist: nothing tells them apart
        Resp unknown = stranger.get("cloud/virtualdatacenters/999999", Cloud.VDC).expectError(404, "VDC-0");
        List<Resp> refused = List.of(
                stranger.get(vdc, Cloud.VDC), stranger.put(vdc, Cloud.VDC, Cloud.VDC, vdcUpdate), stranger.delete(vdc),
                stranger.get(vdc1.link("privatenetworks"), NETWORKS),
                stranger.post(vdc1.link("privatenetworks"), NETWORK, NETWORK, net),
                stranger.get(network, NETWORK), stranger.delete(network),
                stranger.get(network + "/ips", IPS), stranger.get(ip, IP),
                stranger.get(vdc1.link("templates"), Cloud.TEMPLATES),
                stranger.get(vdc1.link("virtualmachines"), Cloud.VMS),
                stranger.get(vdc1.link("virtualappliances"), Cloud.VAPPS),
                stranger.post(vdc1.link("virtualappliances"), Cloud.VAPP, Cloud.VAPP, Map.of("name", "intruder")),
                stranger.get(vapp, Cloud.VAPP), stranger.put(vapp, Cloud.VAPP, Cloud.VAPP, Map.of("name", "stolen")),
                stranger.delete(vapp), stranger.get(vapp + "/state", type("virtualappliancestate")),
                stranger.post(vapp + "/action/deploy", null, ACCEPTED, null),
                stranger.post(vapp + "/action/undeploy", null, ACCEPTED, null),
                stranger.get(vapp1.link("virtualmachines"), Cloud.VMS),
                stranger.post(vapp1.link("virtualmachines"), Cloud.VM, Cloud.VM, newVm),
                stranger.get(vm, Cloud.VM), stranger.put(vm, Cloud.VM, Cloud.VM, Map.of("cpu", 1)), stranger.delete(vm),
                stranger.get(vm1.link("state"), VM_STATE),
                stranger.put(vm1.link("state"), VM_STATE, ACCEPTED, Map.of("state", "ON")),
                stranger.put(vm1.link("state"), VM_STATE, ACCEPTED, Map.of("state", "NONSENSE")),
                stranger.get(vm1.link("tags"), TAGS), stranger.put(vm1.link("tags"), TAGS, TAGS, tags("owner", "b")),
                stranger.put(vm1.link("tags"), TAGS, ASYNCTASK, "{}"),
                stranger.get(vm1.link("tasks"), type("tasks")),
                stranger.post(vm1.link("deploy"), null, ACCEPTED, null),
                stranger.post(vm1.link("undeploy"), null, ACCEPTED, null),
                stranger.post(vm1.link("reset"), null, ACCEPTED, null),
                stranger.post(vm + "/tasks/some-task/action/cancel", null, null, null));
        for (Resp r : refused) {
            if (r.status() == 403 && stranger == userB) { // a privilege they lack: refused before any lookup
                r.expectError(403, "GEN-4");
                continue;
            }
            r.expectError(404, "VDC-0");
            assertThat(r.json().path("collection").path(0).path("message").asText()).as(r.request())
                    .isEqualTo(unknown.json().path("collection").path(0).path("message").asText());
        }

        // the enterprise's repositories and templates
        String repo = entA + "/datacenterrepositories/" + dc.path("id").asInt();
        for (Resp r : List.of(stranger.get(entA + "/datacenterrepositories", type("datacenterrepositories")),
                stranger.get(repo, Cloud.REPOSITORY), stranger.put(repo + "/actions/refresh", null, Cloud.REPOSITORY, null),
                stranger.get(repo + "/virtualmachinetemplates", Cloud.TEMPLATES), stranger.get(template, TEMPLATE),
                stranger.put(template, TEMPLATE, TEMPLATE, Map.of("name", "stolen")), stranger.delete(template))) {
            r.expectError(r.status() == 403 && stranger == userB ? 403 : 404, r.status() == 403 ? "GEN-4" : "EN-0");
        }
        // nor can they use them from their own side
        stranger.post(vappB, Cloud.VM, Cloud.VM, newVm).expectError(404, "TEMPLATE-0");
        Map<String, Object> inA = Cloud.vdcBody(dc, "KVM");
        inA.put("links", List.of(Tenancy.link("location", Api.BASE + "/cloud/locations/" + dc.path("id").asInt()),
                Tenancy.link("enterprise", entA)));
        stranger.post("cloud/virtualdatacenters", Cloud.VDC, Cloud.VDC, inA).expect(stranger == userB ? 403 : 404);

        // lists show nothing of A, whatever the filter
        assertThat(stranger.get("cloud/virtualdatacenters?limit=0&enterprise=" + entId(entA), Cloud.VDCS).expect(200)
                .items()).isEmpty();
        assertThat(stranger.get("cloud/virtualdatacenters?limit=0", Cloud.VDCS).expect(200).items())
                .extracting(v -> v.path("id").asInt()).doesNotContain(id(vdc1), id(vdc2));
        assertThat(stranger.get("cloud/virtualmachines?limit=0", Cloud.VMS).expect(200).items())
                .extracting(v -> v.path("id").asInt()).doesNotContain(id(vm1), id(vm2));
        assertThat(stranger.get("cloud/virtualmachines?vmlabel=vm-one", Cloud.VMS).expect(200).items()).isEmpty();

        // and nothing of A changed
        assertThat(rows(entA)).isEqualTo(before);
        JsonNode mine = adminA.get(vm, Cloud.VM).expect(200).json();
        assertThat(mine.path("state").asText()).isEqualTo("NOT_ALLOCATED");
        assertThat(mine.path("cpu").asInt()).isEqualTo(vm1.json().path("cpu").asInt());
        assertThat(adminA.get(vdc, Cloud.VDC).expect(200).json().path("name").asText())
                .isEqualTo(vdc1.json().path("name").asText());
        assertThat(adminA.get(vm1.link("tags"), TAGS).expect(200).items()).extracting(t -> t.path("value").asText())
                .containsExactly("a");
        adminA.get(template, TEMPLATE).expect(200);
    }

    @Test
    void aTaskOfAnotherEnterpriseIsNotFound() {
        Resp gone = createVm(adminA, vapp1, Map.of("label", "short-lived"));
        Resp accepted = adminA.delete(gone.link("edit")).expect(202);
        adminA.get(accepted.link("status"), Cloud.TASK).expect(200);
        adminB.get(accepted.link("status"), Cloud.TASK).expectError(404, "TASK-1");
        userB.get(accepted.link("status"), Cloud.TASK).expectError(404, "TASK-1");
    }

    @Test
    void aRestrictedUserSeesOnlyTheirVirtualDatacenters() {
        Resp list = restricted.get("cloud/virtualdatacenters?limit=0", Cloud.VDCS).expect(200);
        assertThat(list.items()).extracting(v -> v.path("id").asInt()).containsExactly(id(vdc1));
        assertThat(list.json().path("totalSize").asInt()).isEqualTo(1);
        assertThat(restricted.get("cloud/virtualdatacenters?limit=0&enterprise=" + entId(entA), Cloud.VDCS).expect(200)
                .items()).hasSize(1);
        restricted.get(vdc1.link("edit"), Cloud.VDC).expect(200);
        restricted.get(vm1.link("edit"), Cloud.VM).expect(200);
        assertThat(restricted.get("cloud/virtualmachines?limit=0", Cloud.VMS).expect(200).items())
                .extracting(v -> v.path("id").asInt()).contains(id(vm1)).doesNotContain(id(vm2));

        for (Resp r : List.of(restricted.get(vdc2.link("edit"), Cloud.VDC),
                restricted.get(vdc2.link("virtualappliances"), Cloud.VAPPS),
                restricted.get(vdc2.link("virtualmachines"), Cloud.VMS),
                restricted.get(vdc2.link("templates"), Cloud.TEMPLATES),
                restricted.get(vdc2.link("privatenetworks"), NETWORKS),
                restricted.get(vdc2.link("defaultnetwork"), NETWORK),
                restricted.get(vm2.link("nic0"), IP),
                restricted.get(vapp2.link("edit"), Cloud.VAPP),
                restricted.post(vapp2.link("virtualmachines"), Cloud.VM, Cloud.VM,
                        Map.of("links", List.of(Tenancy.link("virtualmachinetemplate", template)))),
                restricted.get(vm2.link("edit"), Cloud.VM),
                restricted.put(vm2.link("edit"), Cloud.VM, Cloud.VM, Map.of("cpu", 1)),
                restricted.delete(vm2.link("edit")),
                restricted.get(vm2.link("tags"), TAGS),
                restricted.put(vm2.link("tags"), TAGS, TAGS, "{}"),
                restricted.post(vm2.link("deploy"), null, ACCEPTED, null),
                restricted.put(vm2.link("state"), VM_STATE, ACCEPTED, Map.of("state", "ON")))) {
            r.expectError(404, "VDC-0");
        }
        // where they may work, they work
        Resp mine = createVm(restricted, vapp1, Map.of("label", "restricted-made"));
        restricted.delete(mine.link("edit")).expect(202);

        // they cannot lift their own restriction; a manager can, and only with ids
        Map<String, Object> self = Tenancy.userBody(restrictedUser.path("nick").asText(), null, Tenancy.USER_ROLE);
        self.put("availableVirtualDatacenters", "");
        restricted.put(Tenancy.edit(restrictedUser), Tenancy.USER, Tenancy.USER, self).expectError(403, "GEN-4");
        self.put("availableVirtualDatacenters", "1;DROP");
        ADMIN.put(Tenancy.edit(restrictedUser), Tenancy.USER, Tenancy.USER, self).expectError(400, "USER-7");
        assertThat(ADMIN.get(Tenancy.edit(restrictedUser), Tenancy.USER).expect(200).json()
                .path("availableVirtualDatacenters").asText()).isEqualTo(String.valueOf(id(vdc1)));

        // a user of the same enterprise without restriction, and the enterprise admin, see both
        for (Api all : List.of(plainA, adminA)) {
            assertThat(all.get("cloud/virtualdatacenters?limit=0", Cloud.VDCS).expect(200).items())
                    .extracting(v -> v.path("id").asInt()).contains(id(vdc1), id(vdc2));
            all.get(vm2.link("edit"), Cloud.VM).expect(200);
        }
    }

    @Test
    void pendingTasksShowOnlyWhatTheCallerMaySee() throws Exception {
        // a task still queued on vm2 (written as the pipeline would, removed before recovery could see it)
        String taskId = unique("pending-task");
        Db.update("INSERT INTO vm_task (task_id, vm_id, enterprise_id, user_id, task_type, state, jobs) "
                + "VALUES (?, ?, ?, 1, 'DEPLOY', 'QUEUEING', '[]')", taskId, id(vm2), entId(entA));
        try {
            String pending = entA + "/action/pendingtasks";
            for (Api all : List.of(adminA, plainA)) {
                assertThat(all.get(pending, type("tasks")).expect(200).items())
                        .extracting(t -> t.path("taskId").asText()).contains(taskId);
            }
            assertThat(restricted.get(pending, type("tasks")).expect(200).items())
                    .extracting(t -> t.path("taskId").asText()).doesNotContain(taskId);
            adminB.get(pending, type("tasks")).expectError(404, "EN-0");
            userB.get(pending, type("tasks")).expectError(404, "EN-0");
        } finally {
            Db.update("DELETE FROM vm_task WHERE task_id = ?", taskId);
        }
    }

    // ---- 2. paging --------------------------------------------------------------------------

    @Test
    void cloudCollectionsPageThroughNextLinks() {
        JsonNode pdc = Cloud.datacenter();
        String[] e = new String[1];
        Api user = Cloud.tenant(pdc, Map.of(), e);
        String tag = unique("pg");
        List<Resp> vdcs = new ArrayList<>();
        for (String n : List.of("c", "a", "e", "b", "d")) {
            Map<String, Object> body = Cloud.vdcBody(pdc, "KVM");
            // '.' never occurs in the tag, so ".low" matches only these suffixes
            body.put("name", tag + "-" + n + (n.compareTo("c") < 0 ? ".low" : ".high"));
            vdcs.add(user.post("cloud/virtualdatacenters", Cloud.VDC, Cloud.VDC, body).expect(201));
        }
        List<JsonNode> all = walk(user, "cloud/virtualdatacenters", Cloud.VDCS, 2, 5);
        assertThat(all).extracting(v -> v.path("id").asInt())
                .containsExactlyElementsOf(vdcs.stream().map(CloudTenancyIT::id).sorted().toList());
        assertThat(walk(user, "cloud/virtualdatacenters?by=name&asc=false", Cloud.VDCS, 2, 5))
                .extracting(v -> v.path("name").asText()).isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(walk(user, "cloud/virtualdatacenters?has=.low&by=name", Cloud.VDCS, 1, 2))
                .extracting(v -> v.path("name").asText()).containsExactly(tag + "-a.low", tag + "-b.low");
        walk(user, "cloud/virtualdatacenters?datacenter=" + pdc.path("id").asInt(), Cloud.VDCS, 3, 5);
        refused(user.get("cloud/virtualdatacenters?by=nonsense", Cloud.VDCS), 400);
        refused(user.get("cloud/virtualdatacenters?limit=-1", Cloud.VDCS), 400);

        Resp vdc = vdcs.get(0);
        Cloud.refresh(user, e[0], pdc);
        String tpl = templateOf(user, vdc);
        List<Resp> vapps = new ArrayList<>();
        for (String n : List.of("web", "db", "cache", "queue", "batch")) {
            vapps.add(user.post(vdc.link("virtualappliances"), Cloud.VAPP, Cloud.VAPP, Map.of("name", n)).expect(201));
        }
        assertThat(walk(user, vdc.link("virtualappliances") + "?by=name", Cloud.VAPPS, 2, 5))
                .extracting(v -> v.path("name").asText()).containsExactly("batch", "cache", "db", "queue", "web");
        assertThat(walk(user, vdc.link("virtualappliances") + "?has=e", Cloud.VAPPS, 2, 3))
                .extracting(v -> v.path("name").asText()).containsExactlyInAnyOrder("cache", "queue", "web");

        Resp vapp = vapps.get(0);
        for (String label : List.of("m3", "m1", "m5", "m2", "m4")) {
            user.post(vapp.link("virtualmachines"), Cloud.VM, Cloud.VM, Map.of("label", label, "links",
                    List.of(Tenancy.link("virtualmachinetemplate", tpl)))).expect(201);
        }
        user.post(vapps.get(1).link("virtualmachines"), Cloud.VM, Cloud.VM, Map.of("label", "other",
                "links", List.of(Tenancy.link("virtualmachinetemplate", tpl)))).expect(201);
        assertThat(walk(user, vapp.link("virtualmachines") + "?by=label&asc=false", Cloud.VMS, 2, 5))
                .extracting(v -> v.path("label").asText()).containsExactly("m5", "m4", "m3", "m2", "m1");
        assertThat(walk(user, vapp.link("virtualmachines") + "?has=m2", Cloud.VMS, 2, 1)).hasSize(1);
        walk(user, vdc.link("virtualmachines"), Cloud.VMS, 2, 6);
        assertThat(walk(user, "cloud/virtualmachines?by=label", Cloud.VMS, 2, 6))
                .extracting(v -> v.path("label").asText()).containsExactly("m1", "m2", "m3", "m4", "m5", "other");
        walk(user, "cloud/virtualmachines?vmlabel=other", Cloud.VMS, 2, 1);

        // templates: of the repository and through the VDC
        String repo = e[0] + "/datacenterrepositories/" + pdc.path("id").asInt() + "/virtualmachinetemplates";
        long inRepo = user.get(repo + "?limit=0", Cloud.TEMPLATES).expect(200).json().path("totalSize").asLong();
        assertThat(walk(user, repo + "?by=name", Cloud.TEMPLATES, 2, inRepo)).extracting(t -> t.path("name").asText())
                .isSortedAccordingTo(String.CASE_INSENSITIVE_ORDER);
        long usable = user.get(vdc.link("templates") + "?limit=0", Cloud.TEMPLATES).expect(200).json()
                .path("totalSize").asLong();
        walk(user, vdc.link("templates"), Cloud.TEMPLATES, 1, usable);
        walk(user, vdc.link("templates") + "?has=tiny", Cloud.TEMPLATES, 1, 1);

        // networks and their IPs
        for (int i = 1; i <= 2; i++) {
            user.post(vdc.link("privatenetworks"), NETWORK, NETWORK, Map.of("name", "net-" + i, "address",
                    "10.1." + i + ".0", "mask", 24, "gateway", "10.1." + i + ".1")).expect(201);
        }
        assertThat(walk(user, vdc.link("privatenetworks") + "?by=name&asc=false", NETWORKS, 2, 3))
                .extracting(n -> n.path("name").asText()).isSortedAccordingTo(Comparator.reverseOrder());
        walk(user, vdc.link("privatenetworks") + "?has=net-", NETWORKS, 1, 2);
        List<JsonNode> ips = walk(user, vdc.link("defaultnetwork") + "/ips?by=ip", IPS, 2, 6);
        assertThat(ips).extracting(i -> i.path("ip").asText()).doesNotHaveDuplicates().isSorted();
        walk(user, vdc.link("defaultnetwork") + "/ips?has=192.168.0.3", IPS, 2, 1);
    }

    // ---- 3. duplicates and bad input write nothing ------------------------------------------

    @Test
    void duplicateNamesAreRefusedAlsoUnderConcurrency() throws Exception {
        JsonNode ddc = Cloud.datacenter();
        Api user = Cloud.tenant(ddc, Map.of(), new String[1]);
        Resp vdc = user.post("cloud/virtualdatacenters", Cloud.VDC, Cloud.VDC, Cloud.vdcBody(ddc, "KVM")).expect(201);
        String name = vdc.json().path("name").asText();
        int enterprise = vdc.json().path("links").findValues("href").stream().map(JsonNode::asText)
                .filter(h -> h.matches(".*/admin/enterprises/\\d+$")).map(h -> h.replaceAll(".*/", ""))
                .map(Integer::valueOf).findFirst().orElseThrow();

        Map<String, Object> same = Cloud.vdcBody(ddc, "KVM");
        same.put("name", name);
        user.post("cloud/virtualdatacenters", Cloud.VDC, Cloud.VDC, same).expectError(409, "VDC-1");
        Resp other = user.post("cloud/virtualdatacenters", Cloud.VDC, Cloud.VDC, Cloud.vdcBody(ddc, "KVM")).expect(201);
        user.put(other.link("edit"), Cloud.VDC, Cloud.VDC, Map.of("name", name)).expectError(409, "VDC-1");
        assertThat(user.get(other.link("edit"), Cloud.VDC).json().path("name").asText())
                .isEqualTo(other.json().path("name").asText());

        // five at once with one name: one is created
        String raced = unique("raced");
        List<Resp> results = concurrently(5, i -> {
            Map<String, Object> b = Cloud.vdcBody(ddc, "KVM");
            b.put("name", raced);
            return user.post("cloud/virtualdatacenters", Cloud.VDC, Cloud.VDC, b);
        });
        assertThat(results).filteredOn(r -> r.status() == 201).hasSize(1);
        results.stream().filter(r -> r.status() != 201).forEach(r -> r.expectError(409, "VDC-1"));
        assertThat(count("SELECT COUNT(*) FROM virtual_datacenter WHERE enterprise_id = ? AND name = ?", enterprise,
                raced)).isEqualTo(1);

        // network names per VDC (the default network's too)
        String defaultName = user.get(vdc.link("defaultnetwork"), NETWORK).expect(200).json().path("name").asText();
        Map<String, Object> net = new HashMap<>(Map.of("name", defaultName, "address", "10.2.0.0", "mask", 24,
                "gateway", "10.2.0.1"));
        user.post(vdc.link("privatenetworks"), NETWORK, NETWORK, net).expectError(409, "NETWORK-2");
        net.put("name", "shared-name");
        user.post(other.link("privatenetworks"), NETWORK, NETWORK, net).expect(201); // another VDC: fine
        List<Resp> nets = concurrently(4, i -> user.post(vdc.link("privatenetworks"), NETWORK, NETWORK, net));
        assertThat(nets).filteredOn(r -> r.status() == 201).hasSize(1);
        nets.stream().filter(r -> r.status() != 201).forEach(r -> r.expectError(409, "NETWORK-2"));
        assertThat(count("SELECT COUNT(*) FROM vdc_network WHERE vdc_id = ?", id(vdc))).isEqualTo(2);
    }

    @Test
    void badInputIsRefusedAndWritesNothing() throws Exception {
        JsonNode bdc = Cloud.datacenter();
        String[] e = new String[1];
        Api user = Cloud.tenant(bdc, Map.of(), e);
        int ent = entId(e[0]);
        String vdcs = "cloud/virtualdatacenters";
        Function<Map<String, Object>, Map<String, Object>> vdcWith = extra -> {
            Map<String, Object> b = Cloud.vdcBody(bdc, "KVM");
            b.putAll(extra);
            return b;
        };

        user.post(vdcs, Cloud.VDC, Cloud.VDC, vdcWith.apply(Map.of("hypervisorType", "NOPE"))).expectError(400, "VDC-5");
        user.post(vdcs, Cloud.VDC, Cloud.VDC, vdcWith.apply(Map.of("hypervisorType", "VMX_04"))).expectError(409, "VDC-2");
        user.post(vdcs, Cloud.VDC, Cloud.VDC, Cloud.vdcBody(Infra.datacenter(), "KVM")).expectError(404, "DC-0");
        user.post(vdcs, Cloud.VDC, Cloud.VDC, vdcWith.apply(Map.of("network",
                Map.of("address", "10.0.0.5", "mask", 24, "gateway", "10.0.0.1")))).expectError(400, "NETWORK-1");
        user.post(vdcs, Cloud.VDC, Cloud.VDC, vdcWith.apply(Map.of("network",
                Map.of("address", "10.0.0.0", "mask", 33, "gateway", "10.0.0.1")))).expectError(400, "NETWORK-1");
        user.post(vdcs, Cloud.VDC, Cloud.VDC, vdcWith.apply(Map.of("network",
                Map.of("address", "10.0.0.0", "mask", 24, "gateway", "10.0.1.1")))).expectError(400, "NETWORK-1");
        user.post(vdcs, Cloud.VDC, Cloud.VDC, vdcWith.apply(Map.of("network",
                Map.of("address", "300.0.0.0", "mask", 24, "gateway", "300.0.0.1")))).expectError(400, "NETWORK-1");
        user.post(vdcs, Cloud.VDC, Cloud.VDC, vdcWith.apply(Map.of("network", Map.of("type", "EXTERNAL"))))
                .expectError(400, "NETWORK-1");
        refused(user.post(vdcs, Cloud.VDC, Cloud.VDC, vdcWith.apply(Map.of("name", " "))), 400);
        refused(user.post(vdcs, Cloud.VDC, Cloud.VDC, vdcWith.apply(Map.of("cpuCountHardLimit", -1))), 400);
        user.post(vdcs, Cloud.VDC, Cloud.VDC, vdcWith.apply(Map.of("cpuCountSoftLimit", 4, "cpuCountHardLimit", 2)))
                .expectError(400, "LIMIT-3");
        user.post(vdcs, Cloud.VDC, Cloud.VDC, vdcWith.apply(Map.of("links", List.of()))).expectError(400, "GEN-7");
        user.post(vdcs, Cloud.VDC, Cloud.VDC, "{\"name\": \"broken\", ").expectError(400, "GEN-3");
        refused(user.post(vdcs, "text/plain", Cloud.VDC, Api.JSON.writeValueAsString(Cloud.vdcBody(bdc, "KVM"))), 415);
        refused(user.post(vdcs, type("virtualappliance"), Cloud.VDC, Cloud.vdcBody(bdc, "KVM")), 415);
        assertThat(count("SELECT COUNT(*) FROM virtual_datacenter WHERE enterprise_id = ?", ent)).isZero();

        Resp vdc = user.post(vdcs, Cloud.VDC, Cloud.VDC, Cloud.vdcBody(bdc, "KVM")).expect(201);
        Cloud.refresh(user, e[0], bdc);
        String tpl = templateOf(user, vdc);
        long networks = count("SELECT COUNT(*) FROM vdc_network WHERE vdc_id = ?", id(vdc));
        Map<String, Object> net = new HashMap<>(Map.of("name", "n", "address", "10.3.0.0", "mask", 24, "gateway",
                "10.3.0.1"));
        for (Map<String, ?> bad : List.<Map<String, ?>>of(Map.of("address", "10.3.0.7"), Map.of("gateway", "10.4.0.1"),
                Map.of("mask", 7), Map.of("address", "not-an-ip"))) {
            Map<String, Object> b = new HashMap<>(net);
            b.putAll(bad);
            user.post(vdc.link("privatenetworks"), NETWORK, NETWORK, b).expectError(400, "NETWORK-1");
        }
        Map<String, Object> noGateway = new HashMap<>(net);
        noGateway.remove("gateway");
        user.post(vdc.link("privatenetworks"), NETWORK, NETWORK, noGateway).expectError(400, "NETWORK-1");
        assertThat(count("SELECT COUNT(*) FROM vdc_network WHERE vdc_id = ?", id(vdc))).isEqualTo(networks);

        refused(user.post(vdc.link("virtualappliances"), Cloud.VAPP, Cloud.VAPP, Map.of("name", "")), 400);
        user.post(vdc.link("virtualappliances"), Cloud.VAPP, Cloud.VAPP, "[").expectError(400, "GEN-3");
        assertThat(count("SELECT COUNT(*) FROM virtual_appliance WHERE vdc_id = ?", id(vdc))).isZero();

        Resp vapp = user.post(vdc.link("virtualappliances"), Cloud.VAPP, Cloud.VAPP, Map.of("name", "app")).expect(201);
        String vms = vapp.link("virtualmachines");
        List<Map<String, String>> tplLink = List.of(Tenancy.link("virtualmachinetemplate", tpl));
        user.post(vms, Cloud.VM, Cloud.VM, Map.of("links", List.of(Tenancy.link("virtualmachinetemplate",
                tpl.replaceAll("/\\d+$", "/999999"))))).expectError(404, "TEMPLATE-0");
        user.post(vms, Cloud.VM, Cloud.VM, Map.of("cpu", -1, "links", tplLink)).expectError(400, "VM-14");
        user.post(vms, Cloud.VM, Cloud.VM, Map.of("ram", "-512", "links", tplLink)).expectError(400, "VM-14");
        user.post(vms, Cloud.VM, Cloud.VM, Map.of("cpu", 0, "links", tplLink)).expectError(400, "VM-14");
        user.post(vms, Cloud.VM, Cloud.VM, Map.of("hdInBytes", -1, "links", tplLink)).expectError(400, "VM-14");
        user.post(vms, Cloud.VM, Cloud.VM, Map.of("cpu", 3, "coresPerSocket", 2, "links", tplLink))
                .expectError(400, "VM-14");
        refused(user.post(vms, Cloud.VM, Cloud.VM, Map.of("cpu", "two", "links", tplLink)), 400);
        user.post(vms, Cloud.VM, Cloud.VM, Map.of("cpu", 1)).expectError(400, "GEN-7");
        refused(user.post(vms, Cloud.VM, Cloud.VM, Map.of("links", List.of(Tenancy.link("virtualmachinetemplate",
                Api.BASE + "/admin/datacenters/1")))), 400);
        user.post(vms, Cloud.VM, Cloud.VM, "{\"cpu\": 1,,}").expectError(400, "GEN-3");
        refused(user.post(vms, "application/xml", Cloud.VM, "<virtualmachine/>"), 415);
        assertThat(countVms(e[0])).isZero();
        assertThat(count("SELECT COUNT(*) FROM vdc_ip i JOIN vdc_network n ON n.id = i.network_id WHERE n.vdc_id = ?",
                id(vdc))).isZero();

        Resp vm = user.post(vms, Cloud.VM, Cloud.VM, Map.of("cpu", 1, "ram", 256, "links", tplLink)).expect(201);
        user.put(vm.link("edit"), Cloud.VM, Cloud.VM, Map.of("ram", -1)).expectError(400, "VM-14");
        user.put(vm.link("edit"), Cloud.VM, Cloud.VM, Map.of("cpu", -2)).expectError(400, "VM-14");
        user.put(vm.link("edit"), Cloud.VM, Cloud.VM, "{").expectError(400, "GEN-3");
        JsonNode after = user.get(vm.link("edit"), Cloud.VM).expect(200).json();
        assertThat(after.path("cpu").asInt()).isEqualTo(1);
        assertThat(after.path("ram").asInt()).isEqualTo(256);
    }

    // ---- 4. limits under concurrency --------------------------------------------------------

    @Test
    void concurrentCreationsNeverPassAHardLimitTogether() throws Exception {
        JsonNode ldc = Cloud.datacenter();
        String[] e = new String[1];
        Api user = Cloud.tenant(ldc, Map.of(), e);
        int n = 3;
        Map<String, Object> enterprise = Api.JSON.convertValue(ADMIN.get(e[0], Tenancy.ENTERPRISE).expect(200).json(),
                Map.class);
        enterprise.put("vmsHard", n);
        ADMIN.put(e[0], Tenancy.ENTERPRISE, Tenancy.ENTERPRISE, enterprise).expect(200);
        Resp vdc = user.post("cloud/virtualdatacenters", Cloud.VDC, Cloud.VDC, Cloud.vdcBody(ldc, "KVM")).expect(201);
        Cloud.refresh(user, e[0], ldc);
        String tpl = templateOf(user, vdc);
        Resp vapp = user.post(vdc.link("virtualappliances"), Cloud.VAPP, Cloud.VAPP, Map.of("name", "race")).expect(201);

        List<Resp> results = concurrently(2 * n, i -> user.post(vapp.link("virtualmachines"), Cloud.VM, Cloud.VM,
                Map.of("cpu", 1, "links", List.of(Tenancy.link("virtualmachinetemplate", tpl)))));
        assertThat(results).filteredOn(r -> r.status() == 201).hasSize(n);
        results.stream().filter(r -> r.status() != 201).forEach(r -> r.expectError(409, "LIMIT-0"));
        assertThat(countVms(e[0])).isEqualTo(n);

        // growing concurrently under a CPU hard limit: only what fits
        enterprise = Api.JSON.convertValue(ADMIN.get(e[0], Tenancy.ENTERPRISE).expect(200).json(), Map.class);
        enterprise.put("vmsHard", 0);
        enterprise.put("cpuCountHardLimit", n + 1);
        ADMIN.put(e[0], Tenancy.ENTERPRISE, Tenancy.ENTERPRISE, enterprise).expect(200);
        List<String> created = results.stream().filter(r -> r.status() == 201).map(r -> r.link("edit")).toList();
        List<Resp> grown = concurrently(n, i -> user.put(created.get(i), Cloud.VM, Cloud.VM, Map.of("cpu", 2)));
        assertThat(grown).filteredOn(r -> r.status() == 200).hasSize(1);
        grown.stream().filter(r -> r.status() != 200).forEach(r -> r.expectError(409, "LIMIT-0"));
        assertThat(count("SELECT COALESCE(SUM(m.cpu), 0) FROM virtual_machine m JOIN virtual_appliance a ON a.id = "
                + "m.vapp_id JOIN virtual_datacenter v ON v.id = a.vdc_id WHERE v.enterprise_id = ?", entId(e[0])))
                .isEqualTo(n + 1);
    }

    @Test
    void concurrentDeploysNeverPassALimitTogether() throws Exception {
        Deploys.Tenant t = Deploys.withMachine(32, 65536);
        List<JsonNode> vms = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            vms.add(t.vm("deploy-race-" + i, 1, 256));
        }
        // the VDC may now run 2 CPUs: of four deploys at once, two start
        Map<String, Object> vdc = Api.JSON.convertValue(t.api().get(t.vdc(), Cloud.VDC).expect(200).json(), Map.class);
        vdc.put("cpuCountHardLimit", 2);
        t.api().put(t.vdc(), Cloud.VDC, Cloud.VDC, vdc).expect(200);
        List<Resp> deploys = concurrently(vms.size(), i -> t.api().post(Resp.findLink(vms.get(i), "deploy").orElseThrow(),
                null, ACCEPTED, null));
        assertThat(deploys).filteredOn(r -> r.status() == 202).hasSize(2);
        deploys.stream().filter(r -> r.status() != 202).forEach(r -> r.expectError(409, "LIMIT-0"));
        for (Resp r : deploys) {
            if (r.status() == 202) {
                assertThat(Deploys.await(t.api(), r.link("status")).path("state").asText())
                        .isEqualTo("FINISHED_SUCCESSFULLY");
            }
        }
        assertThat(vms).filteredOn(vm -> !Deploys.state(t.api(), vm).equals("NOT_ALLOCATED")).hasSize(2);
    }

    // ---- 5. tags ----------------------------------------------------------------------------

    @Test
    void tagsAreStoredReplacedAndValidated() throws Exception {
        Resp vm = createVm(adminA, vapp1, Map.of("label", "tagged"));
        String tagsHref = vm.link("tags");
        assertThat(adminA.get(tagsHref, TAGS).expect(200).items()).isEmpty();

        Resp put = adminA.put(tagsHref, TAGS, TAGS, Map.of("collection", List.of(Map.of("key", "env", "value", "prod"),
                Map.of("key", "team", "value", "core")))).expect(200);
        assertThat(put.items()).extracting(t -> t.path("key").asText() + "=" + t.path("value").asText())
                .containsExactly("env=prod", "team=core");
        Resp read = adminA.get(tagsHref, TAGS).expect(200);
        assertThat(read.json().path("totalSize").asInt()).isEqualTo(2);
        assertThat(read.items()).extracting(t -> t.path("key").asText()).containsExactly("env", "team");
        assertThat(count("SELECT COUNT(*) FROM vm_tag WHERE virtual_machine_id = ?", id(vm))).isEqualTo(2);

        // a PUT replaces the set
        adminA.put(tagsHref, TAGS, TAGS, tags("env", "staging")).expect(200);
        assertThat(adminA.get(tagsHref, TAGS).expect(200).items())
                .extracting(t -> t.path("key").asText() + "=" + t.path("value").asText()).containsExactly("env=staging");

        // invalid keys change nothing
        for (Object bad : List.of(tags("", "x"), tags("   ", "x"), tags("k".repeat(129), "x"),
                Map.of("collection", List.of(Map.of("key", "a", "value", "1"), Map.of("key", "a", "value", "2"))),
                tags("long", "v".repeat(256)), Map.of("collection", List.of(Map.of("value", "no key"))))) {
            adminA.put(tagsHref, TAGS, TAGS, bad).expectError(400, "TAG-0");
        }
        adminA.put(tagsHref, TAGS, TAGS, "{\"collection\": [").expectError(400, "GEN-3");
        assertThat(adminA.get(tagsHref, TAGS).expect(200).items()).extracting(t -> t.path("value").asText())
                .containsExactly("staging");
        adminA.put(tagsHref, TAGS, TAGS, tags("k".repeat(128), "")).expect(200);

        // Ansible: a bare {} with Accept asynctask+json answers 200 and is the empty set
        adminA.put(tagsHref, TAGS, ASYNCTASK, "{}").expect(200);
        assertThat(adminA.get(tagsHref, TAGS).expect(200).items()).isEmpty();
        adminA.put(tagsHref, TAGS, TAGS, tags("again", "1")).expect(200);

        // another tenant neither reads nor writes them; they go with the machine
        adminB.put(tagsHref, TAGS, TAGS, "{}").expectError(404, "VDC-0");
        assertThat(adminA.get(tagsHref, TAGS).expect(200).items()).hasSize(1);
        adminA.delete(vm.link("edit")).expect(202);
        assertThat(count("SELECT COUNT(*) FROM vm_tag WHERE virtual_machine_id = ?", id(vm))).isZero();
    }

    // ---- 6. private network update ----------------------------------------------------------

    @Test
    @SuppressWarnings("unchecked")
    void aPrivateNetworkChangesItsAddressOnlyWhileNoIpIsInUse() throws Exception {
        String href = vdc2.link("defaultnetwork");
        JsonNode before = adminA.get(href, NETWORK).expect(200).json();
        Map<String, Object> body = Api.JSON.convertValue(before, Map.class);
        String renamed = unique("renamed");
        body.put("name", renamed);
        body.put("gateway", "192.168.0.254");
        body.put("primaryDNS", "8.8.8.8");
        body.put("sufixDNS", "example.com");
        JsonNode after = adminA.put(href, NETWORK, NETWORK, body).expect(200).json();
        assertThat(after.path("name").asText()).isEqualTo(renamed);
        assertThat(after.path("gateway").asText()).isEqualTo("192.168.0.254");
        assertThat(adminA.get(href, NETWORK).expect(200).json().path("primaryDNS").asText()).isEqualTo("8.8.8.8");
        assertThat(Resp.linkNode(adminA.get(vdc2.link("edit"), Cloud.VDC).json(), "defaultnetwork").path("title")
                .asText()).isEqualTo(renamed);

        // vm2 holds an IP: the address, the mask and that IP as gateway are refused, nothing changes
        String vmIp = adminA.get(vm2.link("nic0"), IP).expect(200).json().path("ip").asText();
        Map<String, Object> moved = new HashMap<>(body);
        moved.putAll(Map.of("address", "10.20.0.0", "gateway", "10.20.0.1"));
        adminA.put(href, NETWORK, NETWORK, moved).expectError(409, "NETWORK-4");
        Map<String, Object> shrunk = new HashMap<>(body);
        shrunk.putAll(Map.of("mask", 25, "gateway", "192.168.0.126"));
        adminA.put(href, NETWORK, NETWORK, shrunk).expectError(409, "NETWORK-4");
        Map<String, Object> onVm = new HashMap<>(body);
        onVm.put("gateway", vmIp);
        adminA.put(href, NETWORK, NETWORK, onVm).expectError(409, "NETWORK-4");
        for (Map<String, ?> bad : List.<Map<String, ?>>of(Map.of("gateway", "10.99.0.1"), Map.of("primaryDNS", "dns"),
                Map.of("name", ""), Map.of("type", "EXTERNAL"), Map.of("mask", 12))) {
            Map<String, Object> b = new HashMap<>(body);
            b.putAll(bad);
            refused(adminA.put(href, NETWORK, NETWORK, b), 400);
        }
        Resp other = adminA.post(vdc2.link("privatenetworks"), NETWORK, NETWORK, Map.of("name", unique("other"),
                "address", "10.30.0.0", "mask", 24, "gateway", "10.30.0.1")).expect(201);
        Map<String, Object> clash = new HashMap<>(body);
        clash.put("name", other.json().path("name").asText());
        adminA.put(href, NETWORK, NETWORK, clash).expectError(409, "NETWORK-2");
        adminA.put(href, NETWORK, NETWORK, "{\"name\": ").expectError(400, "GEN-3");
        JsonNode kept = adminA.get(href, NETWORK).expect(200).json();
        for (String field : List.of("name", "address", "mask", "gateway", "primaryDNS", "sufixDNS")) {
            assertThat(kept.path(field)).as(field).isEqualTo(after.path(field));
        }
        assertThat(Db.value("SELECT CONCAT(name, ' ', address, '/', mask, ' ', gateway) FROM vdc_network WHERE id = ?",
                before.path("id").asInt())).isEqualTo(renamed + " 192.168.0.0/24 192.168.0.254");

        // a network without IPs moves freely; another tenant cannot touch it
        Map<String, Object> free = Api.JSON.convertValue(other.json(), Map.class);
        free.putAll(Map.of("address", "10.31.0.0", "mask", 26, "gateway", "10.31.0.62"));
        JsonNode movedFree = adminA.put(other.link("edit"), NETWORK, NETWORK, free).expect(200).json();
        assertThat(movedFree.path("address").asText()).isEqualTo("10.31.0.0");
        assertThat(movedFree.path("mask").asInt()).isEqualTo(26);
        adminB.put(other.link("edit"), NETWORK, NETWORK, free).expectError(404, "VDC-0");
        userB.put(other.link("edit"), NETWORK, NETWORK, free).expectError(403, "GEN-4");
        plainA.put(other.link("edit"), NETWORK, NETWORK, free).expectError(403, "GEN-4");
    }

    // ---- helpers ----------------------------------------------------------------------------

    static Map<String, Object> tags(String key, String value) {
        Map<String, Object> tag = new HashMap<>();
        tag.put("key", key);
        tag.put("value", value);
        return Map.of("collection", List.of(tag));
    }

    static Resp createVm(Api api, Resp vapp, Map<String, Object> fields) {
        Map<String, Object> body = new HashMap<>(fields);
        body.put("links", List.of(Tenancy.link("virtualmachinetemplate", template)));
        return api.post(vapp.link("virtualmachines"), Cloud.VM, Cloud.VM, body).expect(201);
    }

    static String templateOf(Api api, Resp vdc) {
        return Resp.findLink(api.get(vdc.link("templates") + "?has=tiny", Cloud.TEMPLATES).expect(200).items().get(0),
                "edit").orElseThrow();
    }

    static int id(Resp r) {
        return r.json().path("id").asInt();
    }

    static int entId(String enterpriseHref) {
        return Integer.parseInt(enterpriseHref.replaceAll(".*/", ""));
    }

    static long count(String sql, Object... args) throws Exception {
        return Long.parseLong(Db.value(sql, args));
    }

    static long countVms(String enterpriseHref) throws Exception {
        return rows(enterpriseHref).get("virtual_machine");
    }

    /** The enterprise's rows in every cloud table, by table (tenants share the run's schema). */
    static Map<String, Long> rows(String enterpriseHref) throws Exception {
        String vdc = "SELECT id FROM virtual_datacenter WHERE enterprise_id = ?";
        String vapp = "SELECT id FROM virtual_appliance WHERE vdc_id IN (" + vdc + ")";
        String vm = "SELECT id FROM virtual_machine WHERE vapp_id IN (" + vapp + ")";
        Map<String, String> in = Map.of("virtual_datacenter", "id IN (" + vdc + ")", "vdc_network",
                "vdc_id IN (" + vdc + ")", "virtual_appliance", "id IN (" + vapp + ")", "virtual_machine",
                "id IN (" + vm + ")", "vdc_ip", "virtual_machine_id IN (" + vm + ")", "vm_tag",
                "virtual_machine_id IN (" + vm + ")");
        Map<String, Long> counts = new java.util.TreeMap<>();
        for (Map.Entry<String, String> t : in.entrySet()) {
            counts.put(t.getKey(), count("SELECT COUNT(*) FROM " + t.getKey() + " WHERE " + t.getValue(),
                    entId(enterpriseHref)));
        }
        return counts;
    }

    /** A 4xx with an Abiquo error body (a code and a message, no stack trace). */
    static void refused(Resp r, int status) {
        r.expect(status);
        assertThat(r.header("Content-Type")).as(r.request())
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/vnd.abiquo.errors+json"));
        assertThat(r.json().path("collection").path(0).path("code").asText()).as(r.request() + " " + r.body())
                .isNotBlank();
        assertThat(r.body()).doesNotContain("Exception");
    }

    /**
     * Follows {@code next} from {@code ?limit=} to the end: every page no larger than the limit
     * and with the same total, pages after the first with {@code previous}, the last without
     * {@code next}, no item twice, {@code expectedTotal} items in all.
     */
    static List<JsonNode> walk(Api api, String url, String type, int limit, long expectedTotal) {
        List<JsonNode> all = new ArrayList<>();
        String next = url + (url.contains("?") ? "&" : "?") + "limit=" + limit;
        int pages = 0;
        while (next != null) {
            Resp page = api.get(next, type).expect(200);
            JsonNode json = page.json();
            assertThat(json.path("totalSize").asLong()).as(next).isEqualTo(expectedTotal);
            assertThat(page.items().size()).as(next).isLessThanOrEqualTo(limit);
            assertThat(Resp.findLink(json, "first")).as(next).isPresent();
            assertThat(Resp.findLink(json, "last")).as(next).isPresent();
            if (pages > 0) {
                assertThat(Resp.findLink(json, "previous")).as(next).isPresent();
            }
            all.addAll(page.items());
            next = Resp.findLink(json, "next").orElse(null);
            if (next != null) {
                assertThat(Resp.linkNode(json, "next").path("type").asText()).isEqualTo(type);
                assertThat(page.items()).as(next).hasSize(limit);
            }
            assertThat(++pages).as(url).isLessThan(100);
        }
        assertThat(pages).isEqualTo(expectedTotal == 0 ? 1 : (int) ((expectedTotal + limit - 1) / limit));
        assertThat(all).hasSize((int) expectedTotal);
        assertThat(all).extracting(j -> j.path("id").asText()).doesNotHaveDuplicates();
        return all;
    }

    interface Call {
        Resp call(int i);
    }

    /** {@code n} requests started together; their answers in order. */
    static List<Resp> concurrently(int n, Call call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            List<Future<Resp>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                Callable<Resp> task = () -> {
                    start.await();
                    return call.call(index);
                };
                futures.add(pool.submit(task));
            }
            start.countDown();
            List<Resp> results = new ArrayList<>();
            for (Future<Resp> f : futures) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdown();
        }
    }
}
