package com.abiquo.api.cluster;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.framework.recipes.leader.CancelLeadershipException;
import org.apache.curator.framework.recipes.leader.LeaderSelector;
import org.apache.curator.framework.recipes.leader.LeaderSelectorListener;
import org.apache.curator.framework.state.ConnectionState;
import org.apache.curator.retry.ExponentialBackoffRetry;

import com.abiquo.cluster.Leadership;

/**
 * One participant of the leader election at {@code /api/leader-election}: a Curator
 * {@link LeaderSelector} with autoRequeue whose participant znodes ({@code _c_<uuid>-lock-<seq>})
 * hold this node's name; the lowest sequence leads.
 *
 * <p>Measured on these machines (see the design notes): with session 2000 ms / connection 1000 ms
 * against a server with tickTime 500, a kill -9 of the leader fails over in 1.5-2.2 s and a
 * graceful close hands over in 20-50 ms. The Standard error policy (Curator's default) cancels
 * leadership on SUSPENDED, which comes before the server can expire the session: the old leader
 * always steps down before another is elected. Don't switch to the Session policy: it produced
 * two leaders for ~150 ms during a ZooKeeper pause.
 */
public final class LeaderElection implements AutoCloseable {

    /** What leadership means to the node; both run on the election's thread. */
    public interface Callbacks {
        void taken() throws Exception;

        void lost(String why);
    }

    public static final String LEADER_LOG_LINE = "Current API is the %s leader";

    private static final Logger LOG = Logger.getLogger("com.abiquo.api.cluster.LeadElectionContextListener");

    private final String path;
    private final String nodeName;
    private final CuratorFramework client;
    private final LeaderSelector selector;
    private final Callbacks callbacks;
    private volatile CountDownLatch released = new CountDownLatch(0);
    private volatile boolean leading;
    private volatile boolean closing;
    /** Our lock node while leading (the lowest sequence), for an immediate release when leaving. */
    private volatile String leaderNode;
    private final AtomicBoolean closeStarted = new AtomicBoolean();
    private final CountDownLatch closed = new CountDownLatch(1);

    public LeaderElection(String connection, int sessionTimeoutMs, int connectionTimeoutMs, String path, String nodeName,
            Callbacks callbacks) {
        this.path = path;
        this.nodeName = nodeName;
        this.callbacks = callbacks;
        this.client = CuratorFrameworkFactory.builder().connectString(connection).sessionTimeoutMs(sessionTimeoutMs)
                .connectionTimeoutMs(connectionTimeoutMs).retryPolicy(new ExponentialBackoffRetry(100, 10, 1000)).build();
        // registered before start(), or the first CONNECTED can be missed
        client.getConnectionStateListenable().addListener((c, state) -> onConnectionState(state));
        this.selector = new LeaderSelector(client, path, new Listener());
        selector.setId(nodeName);
        selector.autoRequeue();
    }

    /** Connects (or fails after {@code connectTimeoutMs}) and joins the election. */
    public void start(long connectTimeoutMs) throws InterruptedException {
        client.start();
        if (!client.blockUntilConnected((int) connectTimeoutMs, TimeUnit.MILLISECONDS)) {
            client.close();
            throw new IllegalStateException("Cannot start: ZooKeeper is configured but not reachable at "
                    + client.getZookeeperClient().getCurrentConnectionString());
        }
        try {
            int negotiated = client.getZookeeperClient().getZooKeeper().getSessionTimeout();
            LOG.info(() -> "Joined the election at " + path + " as '" + nodeName + "', ZooKeeper session timeout "
                    + negotiated + " ms (negotiated)");
        } catch (Exception e) {
            LOG.log(Level.WARNING, "Cannot read the negotiated session timeout", e);
        }
        selector.start();
    }

    public boolean isLeader() {
        return leading;
    }

    public String nodeName() {
        return nodeName;
    }

    public String path() {
        return path;
    }

    /** Participants in election order: znode name, sequence, node name (the znode's content), leader. */
    public record Participant(String znode, long sequence, String node, boolean leader) {
    }

    public List<Participant> participants() throws Exception {
        List<String> children = new ArrayList<>(client.getChildren().forPath(path));
        children.sort((a, b) -> Long.compare(sequence(a), sequence(b)));
        List<Participant> all = new ArrayList<>();
        for (int i = 0; i < children.size(); i++) {
            String child = children.get(i);
            String node;
            try {
                node = new String(client.getData().forPath(path + "/" + child), StandardCharsets.UTF_8);
            } catch (org.apache.zookeeper.KeeperException.NoNodeException gone) {
                continue;
            }
            all.add(new Participant(child, sequence(child), node, i == 0));
        }
        return all;
    }

    public boolean connected() {
        return client.getZookeeperClient().isConnected();
    }

    /** Gives leadership up now (e.g. fenced out); autoRequeue puts this node back in line. */
    public void relinquish() {
        selector.interruptLeadership();
    }

    /**
     * Leaves the election: stops leader work, releases the lock at once, then closes the session.
     * Once: a second caller (the undeployment after the SIGTERM hook) waits for the first.
     */
    @Override
    public void close() {
        if (!closeStarted.compareAndSet(false, true)) {
            try {
                closed.await(15, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return;
        }
        try {
            leave();
        } finally {
            closed.countDown();
        }
    }

    private void leave() {
        closing = true;
        if (leading) {
            selector.interruptLeadership();
            try {
                if (released.await(10, TimeUnit.SECONDS)) {
                    deleteLeaderNodeIfOurs();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        selector.close();
        client.close();
    }

    /**
     * Leader work has stopped: the lock goes now. Curator deletes it on its leader thread, which
     * {@code selector.close()} interrupts, and the interrupted delete fails; the lock then only went
     * with the session's close, one more ZooKeeper transaction later (measured ~200 ms on a loaded
     * machine). The lowest-sequence node is the leader's; it is deleted only if it holds our name.
     */
    private void deleteLeaderNodeIfOurs() {
        try {
            String node = leaderNode;
            if (node == null) {
                node = findLeaderNodeIfOurs();
            }
            if (node != null) {
                client.delete().forPath(path + "/" + node);
            }
        } catch (org.apache.zookeeper.KeeperException.NoNodeException alreadyReleased) {
            // Curator got there first
        } catch (Exception e) {
            LOG.log(Level.FINE, "Releasing the leader lock explicitly failed; closing the session releases it", e);
        }
    }

    private String leaderNodeOrNull() {
        try {
            return findLeaderNodeIfOurs();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // leadership is ending: join() below must see it
            return null;
        } catch (Exception e) {
            return null; // leaving then looks it up
        }
    }

    private void onConnectionState(ConnectionState state) {
        LOG.info(() -> "ZooKeeper connection " + state);
        if ((state == ConnectionState.SUSPENDED || state == ConnectionState.LOST) && leading) {
            // stop leader work at once, on this thread; Curator also interrupts takeLeadership
            stepDown("ZooKeeper connection " + state);
        }
    }

    private synchronized void stepDown(String why) {
        if (leading) {
            leading = false;
            try {
                callbacks.lost(why);
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "Stopping leader work failed (" + why + ")", e);
            }
        }
    }

    /** The lowest-sequence participant node (the leader's) if it holds our name, else null. */
    private String findLeaderNodeIfOurs() throws Exception {
        List<Participant> all = participants();
        return !all.isEmpty() && all.get(0).node().equals(nodeName) ? all.get(0).znode() : null;
    }

    private static long sequence(String znode) {
        int i = znode.lastIndexOf('-');
        try {
            return Long.parseLong(znode.substring(i + 1));
        } catch (NumberFormatException | IndexOutOfBoundsException e) {
            return Long.MAX_VALUE;
        }
    }

    private final class Listener implements LeaderSelectorListener {

        @Override
        public void takeLeadership(CuratorFramework c) throws Exception {
            if (closing) {
                return;
            }
            released = new CountDownLatch(1);
            synchronized (LeaderElection.this) {
                leading = true;
            }
            try {
                callbacks.taken();
                LOG.info(() -> String.format(LEADER_LOG_LINE, path));
                leaderNode = leaderNodeOrNull(); // found now, so that leaving costs one delete only
                Thread.currentThread().join(); // lead until interrupted (SUSPENDED, LOST, relinquish, close)
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                try {
                    stepDown(closing ? Leadership.SHUTDOWN : "leadership interrupted");
                } finally {
                    if (!closing) {
                        leaderNode = null; // Curator deletes it; a later leadership has another
                    }
                    released.countDown();
                }
            }
        }

        @Override
        public void stateChanged(CuratorFramework c, ConnectionState newState) {
            if (c.getConnectionStateErrorPolicy().isErrorState(newState)) {
                throw new CancelLeadershipException();
            }
        }
    }
}
