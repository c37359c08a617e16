package com.abiquo.it.cluster;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.curator.test.InstanceSpec;
import org.apache.curator.test.TestingCluster;
import org.apache.curator.test.TestingServer;
import org.apache.curator.test.TestingZooKeeperServer;

/**
 * Real ZooKeeper in the test JVM, configured as in production (tickTime 500 ms, sessions 1-10 s
 * allowed): one standalone server, or an ensemble of several members (a quorum) whose members can
 * be taken down one at a time.
 */
public final class ZooKeeperEnsemble implements AutoCloseable {

    private static final int TICK_MS = 500;
    private static final Map<String, Object> SESSION_BOUNDS = Map.of("minSessionTimeout", "1000",
            "maxSessionTimeout", "10000");

    private final TestingServer single;
    private final TestingCluster quorum;
    private final List<InstanceSpec> specs = new ArrayList<>();

    public ZooKeeperEnsemble(Path dir, int members) throws Exception {
        if (members <= 1) {
            InstanceSpec spec = new InstanceSpec(dir.toFile(), -1, -1, -1, true, -1, TICK_MS, -1, SESSION_BOUNDS);
            specs.add(spec);
            single = new TestingServer(spec, true);
            quorum = null;
        } else {
            for (int id = 1; id <= members; id++) {
                Path memberDir = java.nio.file.Files.createDirectories(dir.resolve("member-" + id));
                specs.add(new InstanceSpec(memberDir.toFile(), -1, -1, -1, true, id, TICK_MS, -1,
                        SESSION_BOUNDS));
            }
            single = null;
            quorum = new TestingCluster(specs);
            quorum.start();
        }
    }

    public int members() {
        return specs.size();
    }

    /** The client ports of the members, in member order. */
    public List<Integer> ports() {
        return specs.stream().map(InstanceSpec::getPort).toList();
    }

    public String getConnectString() {
        return ports().stream().map(p -> "127.0.0.1:" + p).collect(Collectors.joining(","));
    }

    /** Every member down: every session expires once this lasts longer than the session timeout. */
    public void stop() throws IOException {
        if (single != null) {
            single.stop();
        } else {
            for (TestingZooKeeperServer member : quorum.getServers()) {
                member.kill();
            }
        }
    }

    /** Every member up again (after {@link #stop()}). */
    public void restart() throws Exception {
        if (single != null) {
            single.restart();
        } else {
            for (TestingZooKeeperServer member : quorum.getServers()) {
                member.restart();
            }
        }
    }

    /** Member {@code index} (0-based) down; the others keep a quorum when there are three or more. */
    public void stopMember(int index) throws Exception {
        if (single != null) {
            single.stop();
        } else {
            quorum.killServer(specs.get(index));
        }
    }

    public void restartMember(int index) throws Exception {
        if (single != null) {
            single.restart();
        } else {
            quorum.restartServer(specs.get(index));
        }
    }

    @Override
    public void close() throws IOException {
        if (single != null) {
            single.close();
        } else {
            quorum.close();
        }
    }
}
