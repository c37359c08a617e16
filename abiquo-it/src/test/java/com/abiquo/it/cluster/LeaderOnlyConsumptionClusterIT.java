package com.abiquo.it.cluster;

import static com.abiquo.it.cluster.LocalCluster.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.abiquo.it.Api;
import com.abiquo.it.cluster.LocalCluster.Node;
import com.abiquo.messaging.Queues;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Only the leader consumes the leader-only queues, and a leader dying mid-stream loses nothing and
 * does nothing twice: probes published through any node before and during a kill -9 of the
 * leader are each handled exactly once (the handler counts its handlings of each probe in kinton).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LeaderOnlyConsumptionClusterIT {

    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final int LEADER_ONLY_QUEUES = 3;
    static LocalCluster cluster;

    @BeforeAll
    static void startCluster() throws Exception {
        cluster = new LocalCluster("consumption");
        cluster.start(2);
    }

    @AfterAll
    static void stopCluster() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    static JsonNode view(Node n) {
        return n.get("admin/cluster").filter(r -> r.statusCode() == 200).map(r -> {
            try {
                return JSON.readTree(r.body());
            } catch (IOException e) {
                return null;
            }
        }).orElse(null);
    }

    /** Whether {@code n} answers that it leads. */
    static boolean leads(Node n) {
        JsonNode v = view(n);
        return v != null && v.path("thisNodeLeads").asBoolean();
    }

    static Node leader() {
        Node[] found = new Node[1];
        waitFor(() -> {
            List<Node> leaders = cluster.alive().stream().filter(LeaderOnlyConsumptionClusterIT::leads).toList();
            found[0] = leaders.size() == 1 ? leaders.get(0) : null;
            return found[0] != null;
        }, 20_000, "one leader");
        return found[0];
    }

    static Node follower(Node leader) {
        return cluster.alive().stream().filter(n -> n != leader).findFirst().orElseThrow();
    }

    static void probe(Node via, int count, String prefix) throws Exception {
        HttpRequest r = HttpRequest.newBuilder(URI.create(via.url("admin/cluster/action/probe?count=" + count
                + "&prefix=" + prefix))).POST(HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (Api.ADMIN + ":" + Api.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .header("Accept", "application/json").build();
        HttpResponse<String> response = HTTP.send(r, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        assertThat(JSON.readTree(response.body()).path("totalSize").asInt()).isEqualTo(count * LEADER_ONLY_QUEUES);
    }

    static long[] handled(String prefix) {
        String schema = System.getProperty("it.cluster.db.name", "kinton_it_cluster");
        try (Connection c = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:3306/" + schema, "abiquo", "abiquo");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*), COALESCE(MAX(handled), 0), COUNT(DISTINCT epoch) "
                        + "FROM consumer_probe WHERE probe_id LIKE '" + prefix + "-%'")) {
            rs.next();
            return new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)};
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    @Order(1)
    void onlyTheLeaderHasConsumers() {
        Node leader = leader();
        Node follower = follower(leader);
        waitFor(() -> {
            JsonNode v = view(leader);
            return v != null && v.path("leaderOnlyConsumers").size() == LEADER_ONLY_QUEUES
                    && streamAll(v.path("leaderOnlyConsumers")).allMatch(c -> c.path("deliveryActive").asText().equals("true"));
        }, 10_000, "the leader's MDBs to be active");
        JsonNode followerView = view(follower);
        assertThat(followerView.path("leaderOnlyConsumers")).hasSize(LEADER_ONLY_QUEUES);
        assertThat(streamAll(followerView.path("leaderOnlyConsumers")))
                .allSatisfy(c -> assertThat(c.path("deliveryActive").asText()).isEqualTo("false"));
        // the broker agrees: exactly one consumer on each leader-only queue (the leader's)
        waitFor(() -> streamAll(view(follower).path("queues")).filter(q -> q.path("leaderOnly").asBoolean())
                .allMatch(q -> q.path("consumers").asLong() == 1), 10_000, "one consumer per leader-only queue");
    }

    @Test
    @Order(2)
    void probesThroughAnyNodeAreHandledExactlyOnceByTheLeader() throws Exception {
        Node leader = leader();
        probe(follower(leader), 20, "steady");
        waitFor(() -> handled("steady")[0] == 20 * LEADER_ONLY_QUEUES, 20_000, "all steady probes handled");
        assertThat(handled("steady")[1]).as("no probe handled twice").isEqualTo(1);
    }

    @Test
    @Order(3)
    void aLeaderKilledMidStreamLosesNothingAndRepeatsNothing() throws Exception {
        Node leader = leader();
        Node survivor = follower(leader);
        probe(survivor, 100, "before");
        leader.kill();
        probe(survivor, 50, "during");
        Node next = leader();
        assertThat(next).isSameAs(survivor);
        waitFor(() -> handled("before")[0] == 100 * LEADER_ONLY_QUEUES && handled("during")[0] == 50 * LEADER_ONLY_QUEUES,
                60_000, "every probe published before and during the failover to be handled");
        assertThat(handled("before")[1]).as("no probe handled twice").isEqualTo(1);
        assertThat(handled("during")[1]).as("no probe handled twice").isEqualTo(1);
        // the follower had its broker connections open ahead: taking over only opened channels
        assertThat(survivor.log()).contains("Consuming queue " + Queues.SCHEDULER_REQUESTS + " with 1 session(s) on its standby connection");
    }

    @Test
    @Order(4)
    void losingZooKeeperStopsTheConsumersAndTheyComeBackWithALeader() throws Exception {
        cluster.restart(cluster.nodes().stream().filter(n -> !n.alive()).findFirst().orElseThrow());
        Node leader = leader();
        cluster.zookeeper().stop();
        waitFor(() -> view(leader) != null && view(leader).path("zookeeperConnected").asBoolean(true) == false
                && !view(leader).path("thisNodeLeads").asBoolean()
                && streamAll(view(leader).path("leaderOnlyConsumers"))
                        .allMatch(c -> c.path("deliveryActive").asText().equals("false")), 10_000,
                "the leader to stop its consumers when its ZooKeeper session is in doubt");
        cluster.zookeeper().restart();
        Node next = leader();
        probe(follower(next), 10, "after-zk");
        waitFor(() -> handled("after-zk")[0] == 10 * LEADER_ONLY_QUEUES, 30_000, "probes after ZooKeeper came back");
        assertThat(handled("after-zk")[1]).isEqualTo(1);
    }

    @Test
    @Order(5)
    void aFrozenLeaderIsDeposedAndNeverCommitsAfterItsSuccessorStarted() throws Exception {
        Node leader = leader();
        Node follower = follower(leader);
        java.util.concurrent.atomic.AtomicBoolean flowing = new java.util.concurrent.atomic.AtomicBoolean(true);
        java.util.concurrent.atomic.AtomicInteger sent = new java.util.concurrent.atomic.AtomicInteger();
        Thread publisher = new Thread(() -> {
            while (flowing.get()) {
                try {
                    probe(follower, 1, "frozen");
                    sent.incrementAndGet();
                    Thread.sleep(50);
                } catch (Exception | AssertionError e) {
                    // the follower may be busy taking over; the next one goes
                }
            }
        });
        publisher.start();
        Thread.sleep(500);
        leader.freeze(); // a GC pause longer than the session: ZooKeeper expires it, the follower leads
        try {
            waitFor(() -> leads(follower), 15_000, "the follower to lead while the leader is frozen");
        } finally {
            leader.thaw();
        }
        // its first answer once thawed, before its ZooKeeper client can have caught up: not the leader
        JsonNode thawed = view(leader);
        assertThat(thawed).as("the thawed node answers").isNotNull();
        assertThat(thawed.path("thisNodeLeads").asBoolean()).as("the thawed node says it leads beside its successor").isFalse();
        waitFor(() -> leader.log().contains("This JVM stood still for "), 10_000, "the thawed node to log its pause");
        Thread.sleep(2000);
        flowing.set(false);
        publisher.join();
        waitFor(() -> handled("frozen")[0] == (long) sent.get() * LEADER_ONLY_QUEUES, 30_000, "every probe handled");
        assertThat(handled("frozen")[1]).as("no probe handled twice").isEqualTo(1);
        assertThat(epochOverlaps()).as("probes of an older epoch committed after a newer epoch began").isEmpty();
        waitFor(() -> {
            JsonNode v = view(leader);
            return v != null && !v.path("thisNodeLeads").asBoolean();
        }, 15_000, "the thawed node to know it no longer leads");
    }

    /**
     * A leader frozen (or cut off) in the middle of a fenced transaction holds the fencing row's
     * shared lock for as long as it stays so: its successor's epoch bump must not wait for it
     * (innodb_lock_wait_timeout is 50 s, and the next election would wait again), but abort it.
     * The stale transaction here is the test's own, on the account the API nodes use, as a frozen
     * leader's would be; the leader is then killed, and the successor must lead all the same.
     */
    @Test
    @Order(6)
    void aTransactionLeftOpenByADeposedLeaderIsAbortedAndDoesNotHoldUpItsSuccessor() throws Exception {
        Node leader = leader();
        Node successor = follower(leader);
        long epoch = view(successor).path("epoch").asLong();
        try (Connection stale = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:3306/"
                + System.getProperty("it.cluster.db.name", "kinton_it_cluster"), "abiquo", "abiquo")) {
            stale.setAutoCommit(false);
            try (Statement s = stale.createStatement();
                    ResultSet rs = s.executeQuery("SELECT epoch FROM leader_epoch WHERE id = 1 LOCK IN SHARE MODE")) {
                assertThat(rs.next()).isTrue();
            }
            leader.kill();
            waitFor(() -> leads(successor), 20_000, "the successor to lead although a stale transaction held the fencing row");
            assertThat(stale.isValid(5)).as("the stale transaction's connection was killed").isFalse();
        }
        assertThat(view(successor).path("epoch").asLong()).isGreaterThan(epoch);
        waitFor(() -> successor.log().contains("a deposed leader frozen or cut off mid-transaction; killed it"), 5_000,
                "the successor to log the transaction it killed");
        probe(successor, 5, "after-stale");
        waitFor(() -> handled("after-stale")[0] == 5 * LEADER_ONLY_QUEUES, 30_000, "probes handled by the new leader");
    }

    /**
     * A leader frozen for long (a suspended VM) keeps its broker connections open, and with them its
     * consumers the single active ones of the leader-only queues: its successor consumes once the
     * broker's heartbeat declares them dead (10 s asked for), not when the frozen node wakes.
     */
    @Test
    @Order(7)
    void theSuccessorOfALeaderFrozenForLongConsumesWhileItIsStillFrozen() throws Exception {
        cluster.nodes().stream().filter(n -> !n.alive()).forEach(n -> {
            try {
                cluster.restart(n);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        Node leader = leader();
        Node successor = follower(leader);
        leader.freeze();
        try {
            waitFor(() -> leads(successor), 15_000, "the successor to lead");
            probe(successor, 5, "long-freeze");
            waitFor(() -> handled("long-freeze")[0] == 5 * LEADER_ONLY_QUEUES, 40_000,
                    "the successor to consume while the old leader is still frozen");
            assertThat(handled("long-freeze")[2]).as("epochs that handled them").isEqualTo(1);
        } finally {
            leader.thaw();
        }
    }

    /** Epoch pairs where the older one wrote after the newer one's first write: what fencing forbids. */
    static List<String> epochOverlaps() {
        String schema = System.getProperty("it.cluster.db.name", "kinton_it_cluster");
        List<String> overlaps = new java.util.ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:3306/" + schema, "abiquo", "abiquo");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT a.epoch, b.epoch FROM "
                        + "(SELECT epoch, MAX(processed_at) last FROM consumer_probe GROUP BY epoch) a JOIN "
                        + "(SELECT epoch, MIN(processed_at) first FROM consumer_probe GROUP BY epoch) b "
                        + "ON a.epoch < b.epoch AND a.last > b.first")) {
            while (rs.next()) {
                overlaps.add(rs.getLong(1) + " after " + rs.getLong(2));
            }
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
        return overlaps;
    }

    static java.util.stream.Stream<JsonNode> streamAll(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false);
    }
}
