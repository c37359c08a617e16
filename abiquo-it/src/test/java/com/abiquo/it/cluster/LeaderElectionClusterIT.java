package com.abiquo.it.cluster;

import static com.abiquo.it.cluster.LocalCluster.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.abiquo.it.cluster.LocalCluster.Node;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Three real API servers against one ZooKeeper: never two leaders, one whenever a node is up and
 * settled; the leader logs the line operators look for; kill -9, graceful stop and ZooKeeper
 * session loss move leadership, and every change of leader moves the fencing epoch forward.
 * A watcher samples every node's own view all along and records any moment with two leaders
 * (two that still say so when asked again at once: the questions go one after another).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LeaderElectionClusterIT {

    static final ObjectMapper JSON = new ObjectMapper();
    static LocalCluster cluster;
    static final List<String> overlaps = new CopyOnWriteArrayList<>();
    static final AtomicBoolean watching = new AtomicBoolean(true);
    static Thread watcher;

    @BeforeAll
    static void startCluster() throws Exception {
        cluster = new LocalCluster("election");
        cluster.start(3);
        watcher = new Thread(() -> {
            while (watching.get()) {
                List<String> leaders = leaders();
                // the nodes are asked one after another: a handover between two of the questions shows
                // the old leader and the new one in one round (seen: api-1 asked before its SIGTERM
                // hook stepped down, api-3 after it took over 165 ms later); two leaders at once
                // must still say so when asked again at once
                if (leaders.size() > 1) {
                    List<String> still = leaders();
                    still.retainAll(leaders);
                    if (still.size() > 1) {
                        overlaps.add(System.currentTimeMillis() + " " + still);
                    }
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "leader-watcher");
        watcher.start();
    }

    @AfterAll
    static void stopCluster() throws Exception {
        watching.set(false);
        if (watcher != null) {
            watcher.join(2000);
        }
        if (cluster != null) {
            cluster.close();
        }
        assertThat(overlaps).as("moments when two nodes said they led").isEmpty();
    }

    static List<String> leaders() {
        List<String> leaders = new ArrayList<>();
        for (Node n : cluster.alive()) {
            view(n).filter(v -> v.path("thisNodeLeads").asBoolean()).ifPresent(v -> leaders.add(n.name));
        }
        return leaders;
    }

    static Optional<JsonNode> view(Node n) {
        return n.get("admin/cluster").filter(r -> r.statusCode() == 200).map(r -> {
            try {
                return JSON.readTree(r.body());
            } catch (Exception e) {
                return null;
            }
        });
    }

    /** The one node whose own view says it leads, once the alive nodes agree on it. */
    static Node settledLeader() {
        Node[] found = new Node[1];
        waitFor(() -> {
            List<Node> leaders = cluster.alive().stream()
                    .filter(n -> view(n).map(v -> v.path("thisNodeLeads").asBoolean()).orElse(false)).toList();
            if (leaders.size() != 1) {
                return false;
            }
            String name = view(leaders.get(0)).map(v -> v.path("node").asText()).orElse("?");
            boolean agreed = cluster.alive().stream().allMatch(n -> view(n).map(v -> name.equals(v.path("leader").asText()))
                    .orElse(false));
            found[0] = leaders.get(0);
            return agreed;
        }, 20_000, "one leader that every alive node agrees on");
        return found[0];
    }

    static long epoch(Node n) {
        return view(n).orElseThrow().path("epoch").asLong();
    }

    @Test
    @Order(1)
    void oneLeaderWhichLogsItAndEveryNodeSeesTheSameElection() {
        Node leader = settledLeader();
        JsonNode v = view(leader).orElseThrow();
        assertThat(v.path("mode").asText()).isEqualTo("ZOOKEEPER");
        assertThat(v.path("electionPath").asText()).isEqualTo("/api/leader-election");
        assertThat(v.path("participants")).hasSize(3);
        JsonNode first = v.path("participants").get(0);
        assertThat(first.path("leader").asBoolean()).isTrue();
        assertThat(first.path("node").asText()).isEqualTo(v.path("node").asText()).endsWith(":" + leader.name);
        assertThat(first.path("znode").asText()).matches("_c_[0-9a-f-]{36}-lock-\\d{10}");
        assertThat(v.path("epoch").asLong()).isPositive();
        assertThat(v.path("epochHolder").asText()).isEqualTo(v.path("node").asText());

        waitFor(() -> leader.log().contains(LocalCluster.LEADER_LINE), 5000, "the leader's log line");
        assertThat(leader.log()).containsPattern("INFO +\\[com\\.abiquo\\.api\\.cluster\\.LeadElectionContextListener\\].*"
                + LocalCluster.LEADER_LINE);
        for (Node other : cluster.alive()) {
            if (other != leader) {
                assertThat(other.log()).doesNotContain(LocalCluster.LEADER_LINE);
                assertThat(view(other).orElseThrow().path("thisNodeLeads").asBoolean()).isFalse();
            }
        }
    }

    @Test
    @Order(2)
    void killingTheLeaderElectsAnotherWithinSeconds() {
        Node leader = settledLeader();
        long before = epoch(leader);
        long t0 = System.nanoTime();
        leader.kill();
        Node next = settledLeader();
        long failoverMs = (System.nanoTime() - t0) / 1_000_000;
        assertThat(next).isNotSameAs(leader);
        assertThat(epoch(next)).isGreaterThan(before);
        assertThat(failoverMs).as("failover after kill -9 (session 2 s)").isLessThan(15_000);
        System.out.println("[cluster] failover after kill -9 of " + leader.name + ": " + failoverMs + " ms");
    }

    @Test
    @Order(3)
    void aGracefulStopHandsOverAndAKilledNodeRejoinsAsFollower() throws Exception {
        Node dead = cluster.nodes().stream().filter(n -> !n.alive()).findFirst().orElseThrow();
        cluster.restart(dead);
        Node leader = settledLeader();
        assertThat(leader).as("a restarted node queues behind the others").isNotSameAs(dead);
        long before = epoch(leader);
        leader.stop();
        Node next = settledLeader();
        assertThat(next).isNotSameAs(leader);
        assertThat(epoch(next)).isGreaterThan(before);
        assertThat(leader.log()).contains("No longer leading (shutdown)");
        // released by the SIGTERM hook once the suspend had stopped its MDBs, not at undeploy
        assertThat(leader.log()).contains("SIGTERM: left the election");
    }

    @Test
    @Order(4)
    void losingZooKeeperStopsLeaderWorkAndALeaderReturnsWithIt() throws Exception {
        Node leader = settledLeader();
        long before = epoch(leader);
        cluster.zookeeper().stop();
        waitFor(() -> cluster.alive().stream().noneMatch(n -> view(n).map(v -> v.path("thisNodeLeads").asBoolean())
                .orElse(false)), 5_000, "every node to stop leading while ZooKeeper is away");
        cluster.zookeeper().restart();
        Node next = settledLeader();
        assertThat(epoch(next)).isGreaterThan(before);
        assertThat(leader.log()).contains("ZooKeeper connection SUSPENDED");
    }
}
