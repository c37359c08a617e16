package com.abiquo.cluster;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

import com.abiquo.startup.ApiNode;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Whether this node leads, and with which fencing epoch. Taking leadership: (1) bump the epoch
 * while the leader-only MDBs start (they handle nothing before the bump is done), (2) leader-only
 * timers act. Losing it: stop acting at once
 * (timers and new fenced transactions see epoch 0), then stop the MDBs, then release.
 *
 * <p>A CDI bean rather than an EJB on purpose: WildFly suspends the EJB container before it
 * undeploys, and losing leadership at shutdown must still work then.
 */
@ApplicationScoped
public class Leadership {

    private static final Logger LOG = Logger.getLogger(Leadership.class.getName());

    @EJB
    private ApiNode node;

    @EJB
    private LeaderEpoch epochs;

    @Resource(lookup = "java:app/AppName")
    private String appName;

    private String nodeName;
    private LeaderOnlyDelivery delivery;
    private volatile long epoch;
    private volatile Instant since;
    private volatile Runnable relinquish = () -> { };
    private volatile boolean consuming;
    /** Counted down once the epoch bump of the leadership being taken is done. */
    private volatile CountDownLatch bumping = new CountDownLatch(0);
    private final ScheduledExecutorService reconciler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "abiquo-leader-delivery");
        t.setDaemon(true);
        return t;
    });

    /** Watches for this JVM standing still, when there is an election (a single node leads whatever happens). */
    private PauseWatch pauses;

    @PostConstruct
    void init() {
        nodeName = NodeIdentity.resolve(node.configuration().nodeName());
        delivery = new LeaderOnlyDelivery(appName + ".ear");
        if (node.configuration().zookeeperConnection().isPresent()) {
            pauses = PauseWatch.forSession(node.configuration().zookeeperSessionTimeoutMs(), this::stoodStill);
        }
        reconciler.schedule(this::prepare, 1, TimeUnit.SECONDS);
    }

    /**
     * On every node, leader or not, once the server runs: what taking leadership needs first is
     * found and exercised ahead (the MDBs' MBeans, the fencing row), so that a successor starts
     * consuming without cold paths in the way (measured: ~150-300 ms between the epoch bump and the
     * first startDelivery before this).
     */
    private void prepare() {
        try {
            if (delivery.prepare()) {
                epochs.read();
                LOG.fine("Ready to take leadership");
                return;
            }
        } catch (RuntimeException e) { // the deployment may not be complete yet
            LOG.fine(() -> "Not ready to take leadership yet: " + e);
        }
        reconciler.schedule(this::prepare, 500, TimeUnit.MILLISECONDS);
    }

    public String nodeName() {
        return nodeName;
    }

    /** Leads, and has not stood still since it last knew so (see {@link PauseWatch}). */
    public boolean isLeader() {
        PauseWatch p = pauses;
        return epoch > 0 && (p == null || p.current());
    }

    /** The epoch this node leads with, 0 when it does not lead. */
    public long epoch() {
        return epoch;
    }

    public Optional<Instant> since() {
        return Optional.ofNullable(since);
    }

    public LeaderOnlyDelivery delivery() {
        return delivery;
    }

    /** How the election lets go of leadership when the fencing row says this node was deposed. */
    public void onRelinquish(Runnable action) {
        this.relinquish = action;
    }

    /**
     * Leadership taken: the MDBs start on a thread of their own (the election may call this while
     * the deployment is still in progress, and the MDBs' MBean operations wait for it to finish)
     * beside the epoch bump, which waits for a deposed leader's fenced transactions and commits:
     * neither waits for the other on a handover, and no message is handled before the new epoch is
     * set ({@link #epochToHandleWith}).
     */
    public void taken() {
        CountDownLatch bumped = new CountDownLatch(1);
        synchronized (this) {
            bumping = bumped;
            consuming = true;
        }
        reconciler.execute(this::reconcile);
        try {
            long newEpoch = epochs.bump(nodeName);
            synchronized (this) {
                if (!consuming) {
                    return; // lost while bumping: stays at epoch 0
                }
                since = Instant.now();
                epoch = newEpoch;
            }
            LOG.info(() -> "Leading with epoch " + newEpoch + " (node " + nodeName + ")");
        } finally {
            bumped.countDown();
        }
    }

    /**
     * The epoch a leader-only message is handled with: while leadership is being taken, waits for
     * the new epoch (the MDBs may start first); 0 when this node does not lead (fenced out then).
     */
    public long epochToHandleWith() {
        try {
            // longer than the bump can wait for a deposed leader's lock (innodb_lock_wait_timeout,
            // 50 s by default): a message failed here would come back with one delivery fewer left
            bumping.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return epoch;
    }

    /**
     * Leadership lost: stop acting at once (epoch 0: timers and new fenced transactions stop), then
     * stop the MDBs before returning, so that the election releases only after this node stopped
     * consuming. At shutdown the container stops the MDBs itself (an MBean operation would wait for
     * the undeployment) and the election releases at once: what the MDBs still deliver until then
     * is fenced out and requeued, and single-active-consumer keeps the successor's consumer idle.
     */
    public synchronized void lost(String why) {
        long was = epoch;
        epoch = 0;
        since = null;
        consuming = false;
        bumping.countDown(); // messages waiting for a bump that no longer matters are fenced out now
        if (was > 0) {
            LOG.warning(() -> "No longer leading (" + why + "), epoch " + was + " ends");
        }
        if (!SHUTDOWN.equals(why)) {
            // the election interrupts its own thread to end leadership: an MBean operation on an
            // interrupted thread fails at once, so the flag is set aside while the MDBs stop
            boolean interrupted = Thread.interrupted();
            try {
                if (!delivery.reconcile(false)) {
                    reconciler.execute(this::reconcile); // keep trying until they are stopped
                }
            } finally {
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    public static final String SHUTDOWN = "shutdown";

    private void reconcile() {
        reconcile(0);
    }

    private void reconcile(int attempt) {
        boolean wanted = consuming;
        boolean done;
        try {
            done = delivery.reconcile(wanted);
        } catch (RuntimeException e) { // an executor would swallow it, and the MDBs would stay off
            LOG.severe("Switching the leader-only MDBs " + (wanted ? "on" : "off") + " failed, retrying: " + e);
            done = false;
        }
        if (!done && wanted == consuming) {
            if (attempt == 20) {
                LOG.warning(() -> "The leader-only MDBs " + LeaderOnlyDelivery.LEADER_ONLY_MDBS
                        + " are still not switched after 10 s; retrying");
            }
            reconciler.schedule(() -> reconcile(attempt + 1), 500, TimeUnit.MILLISECONDS); // not deployed yet
        }
    }

    @PreDestroy
    void shutdown() {
        reconciler.shutdownNow();
        if (pauses != null) {
            pauses.close();
        }
    }

    /** The fencing row moved to another epoch: this node was deposed without noticing. */
    public void fencedOut(long current) {
        // part of a failover, not a fault of this node: it was deposed while it could not tell
        LOG.warning(() -> "Fenced out: epoch " + epoch + " is no longer current (" + current + "); stepping down");
        stepDown("fenced out");
    }

    /**
     * This JVM stood still for long enough that its ZooKeeper session may have expired on the
     * servers and another node may lead by now, whatever this node's ZooKeeper client has yet to
     * say: it steps down before it does anything else (its election puts it back in line).
     */
    private void stoodStill(long millis) {
        if (epoch > 0) {
            LOG.warning(() -> "This JVM stood still for " + millis + " ms (a GC pause, SIGSTOP, a suspended VM?), half its "
                    + "ZooKeeper session or more: another node may lead by now; stepping down");
            stepDown("stood still " + millis + " ms");
        }
    }

    private void stepDown(String why) {
        lost(why);
        relinquish.run();
    }
}
