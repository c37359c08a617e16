package com.abiquo.it.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.abiquo.it.Api;
import com.abiquo.it.ResetDatabase;
import com.abiquo.it.Resp;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The real WildFly domain as operators run it, started once for the class by {@code ./abiquo up}
 * (its own state directory, ports shifted by {@code it.domain.port.offset}, schema and RabbitMQ
 * virtual host {@code kinton_it_cluster}): load balancer (mod_cluster), two API servers, the
 * remote services, ZooKeeper; every request goes through the balancer. Then: the configuration
 * scripts applied again change nothing, a second host controller ({@code ./abiquo add-host}) brings
 * an API server into the balancer and the election, every API server's metrics come through the
 * balancer, {@code ./abiquo remove-host} takes it out again, and {@code ./abiquo up} run again
 * points remote service registrations left at another address at this installation's. Stopped by
 * {@code ./abiquo down}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DomainIT {

    static final String DATACENTER = "it-domain-dc";
    static final int OFFSET = Integer.getInteger("it.domain.port.offset", 6500);
    static final Path ROOT = AbiquoCommand.repositoryRoot();
    static final Path STATE = Path.of(System.getProperty("it.work.dir")).resolve("domain");
    static final AbiquoCommand COMMAND = new AbiquoCommand(ROOT, STATE, OFFSET, Map.of());
    static final Endpoint BALANCER = Endpoint.at("http://127.0.0.1:" + (8080 + OFFSET));
    /** The remote services of the first datacenter: +1000 (see ./abiquo). */
    static final Endpoint REMOTE_SERVICES = Endpoint.at("http://127.0.0.1:" + (9080 + OFFSET));
    static final String CLUSTER = Api.type("cluster");
    /** The API server of the host controller that {@code ./abiquo add-host} adds (host-2, its api-1). */
    static final String SECOND_HOST_API = "host-2:api-1";

    @BeforeAll
    static void up() throws Exception {
        // no schema: up creates the one abiquo.properties names, as on a machine that never had one
        ResetDatabase.drop("jdbc:mariadb://127.0.0.1:3306/", ClusterDeploys.SCHEMA);
        ResetDatabase.resetVirtualHost(ClusterDeploys.SCHEMA);
        abiquo(60, "down"); // a domain left over by an interrupted run of this test
        AbiquoCommand.deleteTree(STATE);
        Files.createDirectories(STATE);
        String config = Files.readString(ROOT.resolve("abiquo.properties.example"))
                + "\nabiquo.database.url = jdbc:mariadb://127.0.0.1:3306/" + ClusterDeploys.SCHEMA
                + "\nabiquo.rabbitmq.virtualHost = " + ClusterDeploys.SCHEMA
                + "\nabiquo.server.admin.initialPassword = " + Api.ADMIN_PASSWORD
                + "\nabiquo.datacenter.id = " + DATACENTER + "\n";
        Files.writeString(STATE.resolve("abiquo.properties"), config);
        assertThat(abiquo(900, "up")).as("./abiquo up (log: " + STATE.resolve("up.log") + ")").isZero();
    }

    @AfterAll
    static void down() throws Exception {
        abiquo(120, "down");
    }

    @Test
    @Order(1)
    void theBalancerSpreadsRequestsOverBothApiServers() {
        Set<String> answeredBy = new HashSet<>();
        for (int i = 0; i < 30; i++) {
            answeredBy.add(cluster().path("node").asText());
        }
        assertThat(answeredBy).hasSize(2);
        assertThat(cluster().path("participants")).hasSize(2);
    }

    @Test
    @Order(2)
    void killingTheLeaderKeepsTheApiAnsweringAndFinishesTheDeploysQueuedBeforeIt() throws Exception {
        ClusterDeploys.Datacenter dc = ClusterDeploys.datacenter(BALANCER, REMOTE_SERVICES, DATACENTER);
        dc.machine(16, 32768);
        ClusterDeploys.Tenant tenant = dc.tenant();
        List<JsonNode> vms = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            vms.add(tenant.vm("domain-" + i, 1, 256));
        }
        String leader = cluster().path("leader").asText();
        assertThat(leader).as("the leader's name is <host>:<server>").contains(":api-");

        List<long[]> failures = new CopyOnWriteArrayList<>(); // [at, status]
        long[] requests = {0};
        Thread load = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                long at = System.currentTimeMillis();
                try {
                    int status = BALANCER.api().get("version", "application/json").status();
                    if (status != 200) {
                        failures.add(new long[] {at, status});
                    }
                } catch (RuntimeException e) {
                    failures.add(new long[] {at, -1});
                }
                requests[0]++;
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "domain-load");
        load.start();
        try {
            List<String> tasks = new ArrayList<>();
            for (JsonNode vm : vms) {
                tasks.add(tenant.deploy(BALANCER, vm));
            }
            long killedAt = System.currentTimeMillis();
            assertThat(abiquo(60, "kill-api", leader.substring(leader.lastIndexOf("-") + 1))).isZero();

            long deadline = System.currentTimeMillis() + 180_000;
            for (String task : tasks) {
                JsonNode done = tenant.await(BALANCER, task, deadline);
                assertThat(done).as("task " + task).isNotNull();
                assertThat(done.path("state").asText()).as("task " + task).isEqualTo("FINISHED_SUCCESSFULLY");
            }
            String newLeader = cluster().path("leader").asText();
            assertThat(newLeader).isNotEqualTo(leader).contains(":api-");
            Thread.sleep(2_000);
            long lastFailure = failures.stream().mapToLong(f -> f[0]).max().orElse(killedAt);
            System.out.printf("[domain] leader %s killed: %d of %d requests through the balancer failed, the last %d ms "
                    + "after the kill; new leader %s%n", leader, failures.size(), requests[0], lastFailure - killedAt,
                    newLeader);
            assertThat(failures).allSatisfy(f -> assertThat(f[0]).as("failures only around the kill")
                    .isBetween(killedAt - 1_000, killedAt + 15_000));
        } finally {
            load.interrupt();
            load.join();
        }
    }

    @Test
    @Order(3)
    void anAddedApiServerJoinsTheBalancerAndTheElection() throws Exception {
        assertThat(abiquo(600, "add-api")).isZero();
        long deadline = System.currentTimeMillis() + 60_000;
        Set<String> answeredBy = new HashSet<>();
        while (System.currentTimeMillis() < deadline && answeredBy.stream().noneMatch(n -> n.endsWith(":api-3"))) {
            answeredBy.add(cluster().path("node").asText());
        }
        assertThat(answeredBy).as("api-3 answers through the balancer").anyMatch(n -> n.endsWith(":api-3"));
        assertThat(cluster().path("participants").findValuesAsText("node")).anyMatch(n -> n.endsWith(":api-3"));
    }

    @Test
    @Order(4)
    void theDomainConfigurationScriptsChangeNothingTheSecondTime() throws Exception {
        // the same scripts `up` ran offline, now online against the running domain controller: every
        // change is guarded, so nothing may change (domain.xml, host.xml, no server put in reload-required)
        Path log = STATE.resolve("configure.log");
        long before = Files.exists(log) ? Files.size(log) : 0;
        assertThat(abiquo(180, "configure")).as("./abiquo configure (log: " + log + ")").isZero();
        String output = Files.readString(log).substring((int) before);
        assertThat(output.lines().filter(l -> l.contains("configure-domain:")).toList())
                .as("the verdict of the second run").containsExactly("    configure-domain: no changes");
    }

    @Test
    @Order(5)
    void aSecondHostControllersApiServerJoinsTheBalancerAndTheElection() throws Exception {
        long started = System.currentTimeMillis();
        assertThat(abiquo(600, "add-host")).as("./abiquo add-host (log: " + STATE.resolve("add-host.log") + ")").isZero();
        System.out.printf("[domain] add-host: host-2 joined, its API server healthy after %d ms%n",
                System.currentTimeMillis() - started);
        long deadline = System.currentTimeMillis() + 60_000;
        Set<String> answeredBy = new HashSet<>();
        while (System.currentTimeMillis() < deadline && !answeredBy.contains(SECOND_HOST_API)) {
            answeredBy.add(cluster().path("node").asText());
        }
        assertThat(answeredBy).as("the second host's server answers through the balancer").contains(SECOND_HOST_API);
        assertThat(cluster().path("participants").findValuesAsText("node")).contains(SECOND_HOST_API);
    }

    @Test
    @Order(6)
    void everyApiServerReportsItsMetricsThroughTheBalancer() {
        JsonNode c = cluster();
        Set<String> participants = new HashSet<>(c.path("participants").findValuesAsText("node"));
        String leader = c.path("leader").asText();
        Map<String, String> scrapes = new java.util.HashMap<>(); // node -> its text
        long deadline = System.currentTimeMillis() + 30_000;
        Pattern nodeOfLeader = Pattern.compile("(?m)^abiquo_leader\\{node=\"([^\"]+)\"\\} ");
        while (System.currentTimeMillis() < deadline && !scrapes.keySet().containsAll(participants)) {
            String text = BALANCER.api().get("admin/metrics", "text/plain").expect(200).body();
            Matcher m = nodeOfLeader.matcher(text);
            assertThat(m.find()).as("abiquo_leader in\n" + text).isTrue();
            scrapes.put(m.group(1), text);
        }
        assertThat(scrapes.keySet()).as("nodes scraped through the balancer").containsAll(participants)
                .contains(SECOND_HOST_API);
        scrapes.forEach((node, text) -> {
            String labels = "\\{node=\"" + Pattern.quote(node) + "\"\\}";
            assertThat(series(text, "abiquo_leader" + labels)).as(node + " leads?").isEqualTo(node.equals(leader) ? 1.0 : 0.0);
            if (node.equals(leader)) {
                assertThat(series(text, "abiquo_leader_epoch" + labels)).as("the leader's epoch").isPositive();
            }
            assertThat(text).contains("abiquo_queue_messages{").contains("abiquo_http_requests_seconds_count{")
                    .contains("jvm_memory_used_bytes{");
        });
    }

    @Test
    @Order(7)
    void aRemovedHostLeavesTheBalancerAndTheElection() throws Exception {
        assertThat(abiquo(300, "remove-host")).as("./abiquo remove-host (log: " + STATE.resolve("remove-host.log") + ")")
                .isZero();
        long deadline = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < deadline
                && cluster().path("participants").findValuesAsText("node").contains(SECOND_HOST_API)) {
            Thread.sleep(200);
        }
        assertThat(cluster().path("participants").findValuesAsText("node")).doesNotContain(SECOND_HOST_API);
        Set<String> answeredBy = new HashSet<>();
        for (int i = 0; i < 30; i++) {
            answeredBy.add(cluster().path("node").asText());
        }
        assertThat(answeredBy).doesNotContain(SECOND_HOST_API).isNotEmpty();
        assertThat(STATE.resolve("host-2")).doesNotExist();
    }

    @Test
    @Order(8)
    void upAgainPointsARegistrationAtAnotherAddressAtThisInstallation() throws Exception {
        // the datacenter of `up` gets back the queues' uuid that the deploy test's own datacenter took
        ClusterDeploys.takeQueues(DATACENTER,
                Integer.parseInt(ClusterDeploys.value("SELECT id FROM datacenter WHERE name = ?", DATACENTER)));
        // then its registrations at another address: what an installation on other ports sharing the
        // database leaves behind (found on a fresh clone)
        String ours = "127.0.0.1:" + (9080 + OFFSET) + "/";
        String mine = "SELECT r.uri FROM remote_service r JOIN datacenter d ON d.id = r.datacenter_id WHERE d.name = ?";
        assertThat(ClusterDeploys.update("UPDATE remote_service r JOIN datacenter d ON d.id = r.datacenter_id "
                + "SET r.uri = REPLACE(r.uri, ?, '127.0.0.1:1/') WHERE d.name = ?", ours, DATACENTER))
                .as("registered remote services").isPositive();
        Path log = STATE.resolve("up.log");
        long before = Files.size(log);
        assertThat(abiquo(600, "up")).as("./abiquo up again (log: " + log + ")").isZero();
        assertThat(Files.readString(log).substring((int) before)).contains("was http://127.0.0.1:1/abiquo-rs/");
        assertThat(ClusterDeploys.rows(mine, DATACENTER)).hasSize(5).allSatisfy(row -> assertThat(row.get(0)).contains(ours));
    }

    static double series(String text, String series) {
        Matcher m = Pattern.compile("(?m)^" + series + " ([0-9.eE+-]+|NaN)$").matcher(text);
        assertThat(m.find()).as("series " + series).isTrue();
        return Double.parseDouble(m.group(1));
    }

    static JsonNode cluster() {
        Resp r = BALANCER.api().get("admin/cluster", CLUSTER);
        return r.expect(200).json();
    }

    /** Runs ./abiquo with the test's state and ports (output appended to STATE/&lt;command&gt;.log); its exit code. */
    static int abiquo(int seconds, String... args) throws IOException, InterruptedException {
        return COMMAND.run(seconds, args);
    }
}
