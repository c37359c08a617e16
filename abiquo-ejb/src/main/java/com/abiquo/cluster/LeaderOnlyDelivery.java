package com.abiquo.cluster;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * Switches delivery of the leader-only MDBs on this server only. They are deployed inactive
 * ({@code @DeliveryActive(false)}); WildFly's {@code mdb-delivery-group} is profile-wide and cannot
 * say "this server only", so this calls {@code startDelivery}/{@code stopDelivery} on each MDB's
 * MBean, as an operator would with {@code :start-delivery} in jboss-cli. The runtime state is not
 * persisted: a restarted server comes back inactive.
 */
public final class LeaderOnlyDelivery {

    /** The MDBs that only the leader runs: scheduler requests, datacenter notifications, monitor events. */
    public static final List<String> LEADER_ONLY_MDBS =
            List.of("SchedulerRequestMDB", "DatacenterNotificationMDB", "VirtualSystemMonitorEventMDB");

    private static final Logger LOG = Logger.getLogger(LeaderOnlyDelivery.class.getName());
    private static final ObjectName SERVER = objectName("jboss.as:management-root=server");

    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    private final String deployment;
    /** The MBeans once all were registered: they live as long as the deployment (and this object). */
    private volatile List<ObjectName> mdbs = List.of();
    /** Set once the server was seen running: from then on it only stops (suspend at shutdown). */
    private volatile boolean serverRan;

    /** @param deployment the EAR's deployment name, e.g. {@code abiquo.ear} */
    public LeaderOnlyDelivery(String deployment) {
        this.deployment = deployment;
    }

    /**
     * Brings every leader-only MDB to the wanted delivery state; stopping returns once in-flight
     * messages finished (or were interrupted). False while some MDB is not deployed yet (try again
     * later). Never call it from a deployment or undeployment: the MBean operation waits for the
     * management operation in progress, which would wait for it.
     *
     * <p>No read before each operation: start-delivery and stop-delivery are idempotent in WildFly,
     * and on a handover every management round trip before the first start delays the first message.
     */
    public synchronized boolean reconcile(boolean active) {
        if (active && !prepare()) {
            return false; // booting: WildFly itself activates delivery when it resumes
        }
        List<ObjectName> present = present();
        boolean done = present.size() == LEADER_ONLY_MDBS.size();
        // one after another: management operations are serialized by the server, and switching them
        // in parallel only made the first one finish later (measured: graceful handover median 460 -> 509 ms)
        for (ObjectName mdb : present) {
            done &= invoke(mdb, active ? "startDelivery" : "stopDelivery");
        }
        return done;
    }

    /**
     * Does ahead what a new leader would otherwise do first: waits for the server to run and finds
     * the MBeans (querying by pattern walks the management model), and reads each one once so the
     * path to the server's management is warm. True once done; cheap afterwards.
     */
    public boolean prepare() {
        if (!serverRan) {
            if (!serverRunning()) {
                return false;
            }
            serverRan = true;
        }
        if (mdbs.isEmpty()) {
            List<ObjectName> found = find();
            if (found.size() < LEADER_ONLY_MDBS.size()) {
                return false;
            }
            found.forEach(this::deliveryActive);
            mdbs = found;
        }
        return true;
    }

    /** Whether the server finished booting and is not suspended (then MBean operations are safe). */
    private boolean serverRunning() {
        try {
            return "running".equalsIgnoreCase(String.valueOf(server.getAttribute(SERVER, "serverState")))
                    && "RUNNING".equalsIgnoreCase(String.valueOf(server.getAttribute(SERVER, "suspendState")));
        } catch (JMException | RuntimeException e) {
            return true; // no such attributes (another server kind): try, and retry on failure
        }
    }

    private String deliveryActive(ObjectName mdb) {
        try {
            return String.valueOf(server.getAttribute(mdb, "deliveryActive"));
        } catch (JMException | RuntimeException e) {
            return "unknown";
        }
    }

    /** Name and delivery-active flag of each leader-only MDB of this deployment. */
    public List<String[]> describe() {
        List<String[]> all = new ArrayList<>();
        for (ObjectName mdb : present()) {
            all.add(new String[] {mdb.getKeyProperty("message-driven-bean"), deliveryActive(mdb)});
        }
        return all;
    }

    /** The MBeans of the leader-only MDBs of this deployment: found once, else looked up now. */
    private List<ObjectName> present() {
        List<ObjectName> known = mdbs;
        return known.isEmpty() ? find() : known;
    }

    /** The MBeans of the leader-only MDBs of this deployment that are registered now, whatever jar holds them. */
    private List<ObjectName> find() {
        List<ObjectName> found = new ArrayList<>();
        for (String name : LEADER_ONLY_MDBS) {
            try {
                found.addAll(server.queryNames(new ObjectName("jboss.as:deployment=" + deployment + ",subdeployment=*,subsystem=ejb3,message-driven-bean=" + name), null));
            } catch (JMException e) {
                throw new IllegalStateException(e);
            }
        }
        return found;
    }

    /** False when the operation failed; until the deployment completes it fails, and is retried. */
    private boolean invoke(ObjectName mdb, String operation) {
        try {
            server.invoke(mdb, operation, new Object[0], new String[0]);
            LOG.info(() -> operation + " " + mdb.getKeyProperty("message-driven-bean"));
            return true;
        } catch (JMException | RuntimeException e) { // RuntimeMBeanException is no JMException
            LOG.fine(() -> operation + " of " + mdb.getKeyProperty("message-driven-bean") + " failed: " + e);
            return false;
        }
    }

    private static ObjectName objectName(String name) {
        try {
            return new ObjectName(name);
        } catch (JMException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
