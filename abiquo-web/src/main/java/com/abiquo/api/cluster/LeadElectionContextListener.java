package com.abiquo.api.cluster;

import java.util.logging.Logger;

import com.abiquo.cluster.Leadership;
import com.abiquo.config.ApiConfiguration;
import com.abiquo.startup.ApiNode;

import jakarta.ejb.EJB;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

/**
 * Joins this API node to the leader election when {@code abiquo.api.zk.serverConnection} is set;
 * the path is the context path + {@code /leader-election} ({@code /api/leader-election}). Without
 * ZooKeeper the node leads alone and says so. Undeploy or shutdown releases leadership at once,
 * so that another node leads within a second; on SIGTERM at once (after this node stopped acting
 * as leader), beside WildFly's suspend rather than after it and the undeployment.
 */
@WebListener
public class LeadElectionContextListener implements ServletContextListener {

    private static final Logger LOG = Logger.getLogger(LeadElectionContextListener.class.getName());
    private static volatile LeaderElection current;

    @EJB
    ApiNode node;

    @jakarta.inject.Inject
    Leadership leadership;


    private LeaderElection election;
    private Thread sigterm;

    /** The election this node takes part in; empty in single-node mode. */
    public static java.util.Optional<LeaderElection> election() {
        return java.util.Optional.ofNullable(current);
    }

    @Override
    public void contextInitialized(ServletContextEvent event) {
        node.requireStarted();
        ApiConfiguration config = node.configuration();
        String path = event.getServletContext().getContextPath() + "/leader-election";
        if (config.zookeeperConnection().isEmpty()) {
            LOG.warning("abiquo.api.zk.serverConnection is not set: this API runs as a single node and is its own leader");
            leadership.taken();
            LOG.info(String.format(LeaderElection.LEADER_LOG_LINE, path));
            return;
        }
        election = new LeaderElection(config.zookeeperConnection().get(), config.zookeeperSessionTimeoutMs(),
                config.zookeeperConnectionTimeoutMs(), path, leadership.nodeName(), new LeaderElection.Callbacks() {
                    @Override
                    public void taken() {
                        leadership.taken();
                    }

                    @Override
                    public void lost(String why) {
                        leadership.lost(why);
                    }
                });
        leadership.onRelinquish(election::relinquish);
        try {
            election.start(Math.max(5_000, config.zookeeperConnectionTimeoutMs() * 5L));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while joining the leader election", e);
        }
        current = election;
        sigterm = new Thread(() -> handOverAtSigterm(election), "abiquo-leader-handover");
        Runtime.getRuntime().addShutdownHook(sigterm);
    }

    /**
     * SIGTERM: the JVM runs this beside WildFly's own shutdown hook, which suspends the server
     * (deactivating every MDB) and only then undeploys. A leader stops acting (epoch 0) and releases
     * leadership at once rather than in {@link #contextDestroyed}, after the suspend and the
     * undeployment: fencing and the queues' single active consumer keep the successor from
     * overlapping with what this node's MDBs still deliver; a follower leaves at once, so that it
     * is not elected while it stops.
     */
    private void handOverAtSigterm(LeaderElection leaving) {
        long start = System.nanoTime();
        try {
            boolean leader = leaving.isLeader();
            if (leader) {
                // epoch 0 from now: whatever the MDBs still deliver until the suspend stops them fails
                // the fence and goes back to the queue, and single-active-consumer gives the
                // successor's consumer nothing before this node's is gone; so the lock may go now,
                // and the successor's start overlaps this node's suspend
                leadership.lost(Leadership.SHUTDOWN);
            }
            leaving.close();
            LOG.info(() -> "SIGTERM: left the election " + (System.nanoTime() - start) / 1_000_000 + " ms after it"
                    + (leader ? " (stopped acting as leader first)" : ""));
        } catch (RuntimeException e) { // the undeployment got here first: it releases
            LOG.fine(() -> "Leadership not handed over at SIGTERM: " + e);
        }
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        current = null;
        if (sigterm != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(sigterm);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is exiting: the hook runs or ran, and close() below waits for it
            }
        }
        if (election != null) {
            election.close();
        } else {
            leadership.lost(Leadership.SHUTDOWN);
        }
    }
}
