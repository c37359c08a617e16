package com.abiquo.it.cluster;

import static com.abiquo.it.cluster.ClusterDeploys.allOnHosts;
import static com.abiquo.it.cluster.ClusterDeploys.onHost;
import static com.abiquo.it.cluster.ClusterDeploys.rows;
import static com.abiquo.it.cluster.ClusterDeploys.value;
import static com.abiquo.it.cluster.LocalCluster.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.abiquo.it.cluster.ClusterDeploys.Datacenter;
import com.abiquo.it.cluster.ClusterDeploys.Tenant;
import com.abiquo.it.cluster.LocalCluster.Node;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The deploy pipeline on two real API servers and one remote services server (abiquo-rs.war alone,
 * never killed: its simulated hosts are its memory): deploys sent to both nodes never overcommit a
 * machine, and a leader killed (-9) while deploys are in flight loses none and does none twice:
 * kinton, the capacity of the machines and what the simulated hosts run agree afterwards.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DeployClusterIT {

    static final ObjectMapper JSON = new ObjectMapper();
    /** The remote services' datacenter id: it names their queue (in the run's own RabbitMQ vhost). */
    static final String DATACENTER = "it-dc-cluster-" + ClusterDeploys.SCHEMA;
    static LocalCluster cluster;
    static Node rs;

    @BeforeAll
    static void startCluster() throws Exception {
        cluster = new LocalCluster("deploy");
        // each hypervisor operation takes 50 ms: a task's CONFIGURE + POWER_ON run long enough to be caught in flight
        rs = cluster.startRemoteServices(DATACENTER, Map.of("abiquo.rs.simulator.latencyMs", "50"));
        cluster.start(2);
    }

    @AfterAll
    static void stopCluster() throws IOException {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Order(1)
    void concurrentDeploysThroughBothNodesNeverOvercommitAMachine() throws Exception {
        List<Node> api = cluster.nodes();
        Datacenter dc = ClusterDeploys.datacenter(api.get(0), rs, DATACENTER);
        List<JsonNode> machines = List.of(dc.machine(3, 65536), dc.machine(4, 65536), dc.machine(5, 65536));
        Tenant t = dc.tenant();
        List<JsonNode> vms = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            vms.add(t.vm("c-" + i, 1, 256));
        }

        ExecutorService pool = Executors.newFixedThreadPool(12);
        List<Future<String>> sent = new ArrayList<>();
        for (int i = 0; i < vms.size(); i++) {
            Node via = api.get(i % 2);
            JsonNode vm = vms.get(i);
            sent.add(pool.submit(() -> t.deploy(via, vm)));
        }
        Map<String, JsonNode> tasks = awaitAll(t, sent, api.get(0), 120_000);
        pool.shutdown();

        Map<String, Integer> outcomes = count(tasks.values());
        assertThat(outcomes).as("12 CPUs for 24 one-CPU VMs: the tasks' ends").containsOnlyKeys(
                "FINISHED_SUCCESSFULLY", "FINISHED_UNSUCCESSFULLY");
        assertThat(outcomes.get("FINISHED_SUCCESSFULLY")).isEqualTo(12);
        for (JsonNode task : tasks.values()) {
            if (task.path("state").asText().equals("FINISHED_UNSUCCESSFULLY")) {
                assertThat(jobs(task)).as(task.toString()).containsExactly("SCHEDULE:FAILED", "CONFIGURE:PENDING",
                        "POWER_ON:PENDING");
            }
        }
        assertConsistent(dc, machines, vms, tasks);
    }

    @Test
    @Order(2)
    void aLeaderKilledWhileDeploysAreInFlightLosesNoneAndDoesNoneTwice() throws Exception {
        Node leader = leader();
        Node survivor = cluster.alive().stream().filter(n -> n != leader).findFirst().orElseThrow();
        Datacenter dc = ClusterDeploys.datacenter(survivor, rs, DATACENTER);
        List<JsonNode> machines = List.of(dc.machine(16, 65536), dc.machine(12, 65536), dc.machine(12, 65536));
        Tenant t = dc.tenant();
        List<JsonNode> vms = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            vms.add(t.vm("k-" + i, 1, 256));
        }

        // 50 deploys through the survivor from 8 clients; the leader dies once 20 of them are accepted
        ExecutorService pool = Executors.newFixedThreadPool(8);
        AtomicInteger accepted = new AtomicInteger();
        List<Future<String>> sent = new ArrayList<>();
        for (JsonNode vm : vms) {
            sent.add(pool.submit(() -> {
                String status = t.deploy(survivor, vm);
                accepted.incrementAndGet();
                return status;
            }));
        }
        waitFor(() -> accepted.get() >= 20, 60_000, "20 deploys accepted");
        int inFlight = Integer.parseInt(value("SELECT COUNT(*) FROM vm_task WHERE state IN ('QUEUEING', 'STARTED')"));
        leader.kill();
        long killedAt = System.currentTimeMillis();
        Map<String, JsonNode> tasks = awaitAll(t, sent, survivor, 120_000);
        pool.shutdown();
        System.out.printf("[deploy-cluster] %d tasks in flight at the kill; all %d finished %d ms after it%n", inFlight,
                tasks.size(), System.currentTimeMillis() - killedAt);
        assertThat(inFlight).as("tasks in flight when the leader died").isGreaterThanOrEqualTo(10);
        assertThat(leader()).isSameAs(survivor);

        Map<String, Integer> outcomes = count(tasks.values());
        assertThat(outcomes).as("40 CPUs for 50 one-CPU VMs: the tasks' ends " + unfinished(tasks))
                .containsOnlyKeys("FINISHED_SUCCESSFULLY", "FINISHED_UNSUCCESSFULLY");
        assertThat(outcomes.get("FINISHED_SUCCESSFULLY")).isEqualTo(40);
        for (JsonNode task : tasks.values()) {
            assertThat(jobs(task)).as(task.toString()).isIn(List.of("SCHEDULE:DONE", "CONFIGURE:DONE", "POWER_ON:DONE"),
                    List.of("SCHEDULE:FAILED", "CONFIGURE:PENDING", "POWER_ON:PENDING"));
        }
        assertConsistent(dc, machines, vms, tasks);
    }

    @Test
    @Order(3)
    void remoteServicesKilledMidJobAndRestartedFinishEveryTaskOnce() throws Exception {
        Node api = cluster.alive().get(0);
        Datacenter dc = ClusterDeploys.datacenter(api, rs, DATACENTER);
        List<JsonNode> machines = List.of(dc.machine(16, 65536), dc.machine(16, 65536));
        Tenant t = dc.tenant();
        List<JsonNode> vms = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            vms.add(t.vm("r-" + i, 1, 256));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<String>> sent = new ArrayList<>();
        for (JsonNode vm : vms) {
            sent.add(pool.submit(() -> t.deploy(api, vm)));
        }
        // the virtual factory (one task at a time) dies (kill -9) while it runs a task's jobs, then comes back
        waitFor(() -> {
            try {
                return Integer.parseInt(value("SELECT COUNT(*) FROM vm_task WHERE state = 'STARTED' AND last_sequence > 0")) >= 1;
            } catch (Exception e) {
                return false;
            }
        }, 60_000, "tasks running on the virtual factory");
        rs.kill();
        int open = Integer.parseInt(value("SELECT COUNT(*) FROM vm_task WHERE state IN ('QUEUEING', 'STARTED')"));
        Thread.sleep(2_000);
        cluster.restartServer(rs, "/abiquo-rs/check");
        Map<String, JsonNode> tasks = awaitAll(t, sent, api, 180_000);
        pool.shutdown();
        System.out.printf("[deploy-cluster] remote services killed with %d tasks open; all %d finished%n", open,
                tasks.size());
        assertThat(open).as("tasks open when the remote services died").isPositive();
        assertThat(count(tasks.values())).as("32 CPUs for 20 VMs " + unfinished(tasks))
                .containsOnlyKeys("FINISHED_SUCCESSFULLY");
        assertConsistent(dc, machines, vms, tasks);
    }

    /**
     * No task open; one deploy task per VM; the VMs of finished deploys ON on a machine, the others
     * NOT_ALLOCATED nowhere; every machine within its CPUs, its usage the sum of its VMs'; each
     * simulated host runs exactly the VMs kinton puts on its machine, and no VM runs twice.
     */
    private static void assertConsistent(Datacenter dc, List<JsonNode> machines, List<JsonNode> vms,
            Map<String, JsonNode> tasks) throws Exception {
        assertThat(rows("SELECT task_id, state FROM vm_task WHERE state IN ('QUEUEING', 'PENDING', 'STARTED')"))
                .as("tasks left open").isEmpty();
        Map<String, String> taskOfVm = new HashMap<>();
        tasks.forEach((status, task) -> taskOfVm.put(task.path("taskId").asText(), task.path("state").asText()));
        for (JsonNode vm : vms) {
            List<List<String>> vmTasks = rows("SELECT task_id, state FROM vm_task WHERE vm_id = ?", vm.path("id").asInt());
            assertThat(vmTasks).as("the tasks of VM " + vm.path("id")).hasSize(1);
            String state = vmTasks.get(0).get(1);
            assertThat(taskOfVm.get(vmTasks.get(0).get(0))).as("the API and kinton agree on the task").isEqualTo(state);
            List<String> row = rows("SELECT state, machine_id FROM virtual_machine WHERE id = ?", vm.path("id").asInt()).get(0);
            if (state.equals("FINISHED_SUCCESSFULLY")) {
                assertThat(row.get(0)).as("VM " + vm.path("id")).isEqualTo("ON");
                assertThat(row.get(1)).as("VM " + vm.path("id")).isNotNull();
            } else {
                assertThat(row).as("VM " + vm.path("id")).containsExactly("NOT_ALLOCATED", null);
            }
        }
        assertThat(rows("SELECT id, cpu, cpu_used FROM physicalmachine WHERE datacenter_id = ? AND cpu_used > cpu", dc.id()))
                .as("machines over their CPUs").isEmpty();
        List<String> ips = new ArrayList<>();
        Set<String> deployed = new HashSet<>();
        for (JsonNode machine : machines) {
            int id = machine.path("id").asInt();
            String ip = machine.path("ip").asText();
            ips.add(ip);
            List<String> usage = rows("SELECT cpu, cpu_used, (SELECT COALESCE(SUM(v.cpu), 0) FROM virtual_machine v "
                    + "WHERE v.machine_id = p.id) FROM physicalmachine p WHERE p.id = ?", id).get(0);
            assertThat(Integer.parseInt(usage.get(1))).as("machine " + id + " CPUs used <= CPUs")
                    .isLessThanOrEqualTo(Integer.parseInt(usage.get(0)));
            assertThat(usage.get(1)).as("machine " + id + " CPUs used = its VMs' CPUs").isEqualTo(usage.get(2));
            Set<String> kinton = new HashSet<>();
            rows("SELECT uuid FROM virtual_machine WHERE machine_id = ?", id).forEach(r -> kinton.add(r.get(0)));
            Map<String, String> host = onHost(rs, ip);
            assertThat(host.keySet()).as("the VMs simulated host " + ip + " runs vs kinton's on machine " + id)
                    .containsExactlyInAnyOrderElementsOf(kinton);
            assertThat(host.values()).as("their states on host " + ip).allMatch("ON"::equals);
            deployed.addAll(kinton);
        }
        List<String> everywhere = allOnHosts(rs, ips);
        assertThat(everywhere).as("no VM on two hosts").doesNotHaveDuplicates();
        assertThat(new HashSet<>(everywhere)).isEqualTo(deployed);
        assertThat(deployed).hasSize((int) tasks.values().stream()
                .filter(task -> task.path("state").asText().equals("FINISHED_SUCCESSFULLY")).count());
    }

    /** Each accepted deploy's task once finished (polled through {@code via}), by status href. */
    private static Map<String, JsonNode> awaitAll(Tenant t, List<Future<String>> sent, Node via, long millis)
            throws Exception {
        long deadline = System.currentTimeMillis() + millis;
        Map<String, JsonNode> tasks = new TreeMap<>();
        for (Future<String> f : sent) {
            String status = f.get(60, TimeUnit.SECONDS);
            JsonNode task = t.await(via, status, deadline);
            assertThat(task).as("task " + status).isNotNull();
            tasks.put(status, task);
        }
        return tasks;
    }

    private static Map<String, Integer> count(Iterable<JsonNode> tasks) {
        Map<String, Integer> n = new TreeMap<>();
        tasks.forEach(task -> n.merge(task.path("state").asText(), 1, Integer::sum));
        return n;
    }

    private static List<String> unfinished(Map<String, JsonNode> tasks) {
        return tasks.values().stream().filter(task -> !task.path("state").asText().startsWith("FINISHED"))
                .map(JsonNode::toString).toList();
    }

    static List<String> jobs(JsonNode task) {
        return task.path("jobs").path("collection").findParents("type").stream()
                .map(j -> j.path("type").asText() + ":" + j.path("state").asText()).toList();
    }

    static Node leader() {
        Node[] found = new Node[1];
        waitFor(() -> {
            List<Node> leaders = cluster.alive().stream().filter(n -> n.get("admin/cluster")
                    .filter(r -> r.statusCode() == 200).map(r -> {
                        try {
                            return JSON.readTree(r.body()).path("thisNodeLeads").asBoolean();
                        } catch (IOException e) {
                            return false;
                        }
                    }).orElse(false)).toList();
            found[0] = leaders.size() == 1 ? leaders.get(0) : null;
            return found[0] != null;
        }, 30_000, "one leader");
        return found[0];
    }
}
