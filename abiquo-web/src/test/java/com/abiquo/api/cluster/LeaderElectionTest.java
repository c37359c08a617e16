package com.abiquo.api.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import org.apache.curator.test.InstanceSpec;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The election's state handling against a real (in-process) ZooKeeper configured as in
 * production (tickTime 500, sessions 1-10 s) with the production client settings (2000/1000 ms).
 */
class LeaderElectionTest {

    static final String PATH = "/api/leader-election";

    /** A participant that records what it was told and checks that it never overlaps another. */
    final class Node implements LeaderElection.Callbacks {
        final String name;
        final AtomicBoolean leading = new AtomicBoolean();
        final AtomicInteger taken = new AtomicInteger();
        final List<String> lost = new CopyOnWriteArrayList<>();
        LeaderElection election;

        Node(String name) {
            this.name = name;
        }

        @Override
        public void taken() {
            for (Node other : nodes) {
                if (other != this && other.leading.get()) {
                    overlaps.add(name + " took leadership while " + other.name + " led");
                }
            }
            leading.set(true);
            taken.incrementAndGet();
        }

        @Override
        public void lost(String why) {
            leading.set(false);
            lost.add(why);
        }

        Node start() throws Exception {
            election = new LeaderElection(zk.getConnectString(), 2000, 1000, PATH, name, this);
            election.start(5000);
            return this;
        }
    }

    TestingServer zk;
    final List<Node> nodes = new CopyOnWriteArrayList<>();
    final List<String> overlaps = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startZooKeeper() throws Exception {
        InstanceSpec spec = new InstanceSpec(null, -1, -1, -1, true, -1, 500, -1,
                Map.of("minSessionTimeout", "1000", "maxSessionTimeout", "10000"));
        zk = new TestingServer(spec, true);
    }

    @AfterEach
    void stop() throws Exception {
        for (Node n : nodes) {
            try {
                n.election.close();
            } catch (RuntimeException e) {
                // already closed
            }
        }
        zk.close();
        assertThat(overlaps).as("two leaders at once").isEmpty();
    }

    Node node(String name) throws Exception {
        Node n = new Node(name);
        nodes.add(n);
        return n.start();
    }

    List<Node> leaders() {
        List<Node> l = new ArrayList<>();
        for (Node n : nodes) {
            if (n.leading.get()) {
                l.add(n);
            }
        }
        return l;
    }

    static int participants(Node n) {
        try {
            return n.election.participants().size();
        } catch (Exception e) {
            return -1;
        }
    }

    static void await(BooleanSupplier condition, long millis, String what) throws InterruptedException {
        long end = System.currentTimeMillis() + millis;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > end) {
                throw new AssertionError("not within " + millis + " ms: " + what);
            }
            Thread.sleep(10);
        }
    }

    @Test
    void exactlyOneLeaderAndItIsTheLowestSequence() throws Exception {
        Node a = node("host-a:api-1");
        await(() -> a.leading.get(), 5000, "the first node leads");
        node("host-b:api-2");
        node("host-c:api-3");
        Thread.sleep(500);
        assertThat(leaders()).containsExactly(a);

        List<LeaderElection.Participant> participants = a.election.participants();
        assertThat(participants).hasSize(3);
        assertThat(participants.get(0).node()).isEqualTo("host-a:api-1");
        assertThat(participants.get(0).leader()).isTrue();
        assertThat(participants).allSatisfy(p -> assertThat(p.znode()).matches("_c_[0-9a-f-]{36}-lock-\\d{10}"));
        assertThat(participants).extracting(LeaderElection.Participant::node)
                .containsExactly("host-a:api-1", "host-b:api-2", "host-c:api-3");
    }

    @Test
    void aGracefulCloseHandsOverAtOnce() throws Exception {
        Node a = node("a");
        await(() -> a.leading.get(), 5000, "a leads");
        Node b = node("b");
        long t0 = System.nanoTime();
        a.election.close();
        await(() -> b.leading.get(), 2000, "b leads after a left");
        long handoverMs = (System.nanoTime() - t0) / 1_000_000;
        assertThat(a.lost).contains("shutdown");
        assertThat(a.leading).isFalse();
        assertThat(handoverMs).as("handover well under the session timeout").isLessThan(1500);
    }

    @Test
    void closingTwiceAtOnceLeavesOnceAndBothReturnAfterTheRelease() throws Exception {
        Node a = node("a");
        await(() -> a.leading.get(), 5000, "a leads");
        Node b = node("b");
        // the SIGTERM hook and the undeployment may both close: the second waits for the first
        Thread hook = new Thread(a.election::close);
        hook.start();
        a.election.close();
        assertThat(a.leading).as("leader work stopped when close returns").isFalse();
        hook.join(5000);
        assertThat(hook.isAlive()).isFalse();
        assertThat(a.lost).containsExactly("shutdown");
        await(() -> b.leading.get(), 2000, "b leads after a left");
    }

    @Test
    void losingZooKeeperStopsLeaderWorkBeforeAnyoneElseCanLead() throws Exception {
        Node a = node("a");
        await(() -> a.leading.get(), 5000, "a leads");
        Node b = node("b");
        zk.stop();
        // SUSPENDED comes after 2/3 of the 2 s session: leader work stops before the session could expire
        await(() -> !a.leading.get(), 3000, "a steps down when its session is in doubt");
        assertThat(leaders()).isEmpty();
        zk.restart();
        await(() -> leaders().size() == 1, 15000, "one leader again once ZooKeeper is back");
        Thread.sleep(500);
        assertThat(leaders()).hasSize(1);
    }

    @Test
    void relinquishingPassesLeadershipAndRequeues() throws Exception {
        Node a = node("a");
        await(() -> a.leading.get(), 5000, "a leads");
        Node b = node("b");
        await(() -> participants(a) == 2, 3000, "b is in line"); // else a may requeue ahead of b
        a.election.relinquish();
        await(() -> b.leading.get(), 3000, "b leads");
        assertThat(a.leading).isFalse();
        b.election.relinquish();
        await(() -> a.leading.get(), 3000, "a, requeued, leads again");
        assertThat(a.taken).hasValue(2);
    }
}
