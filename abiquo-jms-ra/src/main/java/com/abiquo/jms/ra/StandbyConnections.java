package com.abiquo.jms.ra;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;

/**
 * Broker connections opened ahead for MDBs deployed with delivery inactive (the leader-only ones on
 * a node that does not lead): when such an MDB is started, its activation only opens channels on a
 * connection that is already there instead of doing the TCP and AMQP handshakes (measured
 * 20-190 ms on a loaded 2-core machine, the largest share of a handover after the election).
 *
 * <p>One idle, unstarted connection per known activation spec that is not active, made with that
 * spec's settings (prefetch and onMessage timeout are per connection in the RabbitMQ JMS client).
 * Specs become known when the container associates them with the adapter at deployment; the
 * adapter lives and dies with the EAR, so they are dropped with it. Opening runs on a thread of its
 * own so that it never delays an activation's connect.
 */
final class StandbyConnections {

    private static final Logger LOG = Logger.getLogger(StandbyConnections.class.getName());
    /** The container sets the spec's properties after associating it: look at it a little later. */
    private static final long SETTLE_MS = 2_000;
    private static final long RETRY_MS = 5_000;

    private final RabbitResourceAdapter ra;
    private final Predicate<RabbitActivationSpec> active;
    private final Set<RabbitActivationSpec> known = Collections.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>()));
    private final Map<RabbitActivationSpec, Connection> ready = Collections.synchronizedMap(new IdentityHashMap<>());
    private final ScheduledExecutorService opener = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "abiquo-jms-ra-standby");
        t.setDaemon(true);
        return t;
    });

    /** @param active whether a spec's delivery is active now (then it needs no standby) */
    StandbyConnections(RabbitResourceAdapter ra, Predicate<RabbitActivationSpec> active) {
        this.ra = ra;
        this.active = active;
    }

    /** A spec the container created for an MDB of this adapter: it may be activated later. */
    void known(RabbitActivationSpec spec) {
        known.add(spec);
        refillLater(SETTLE_MS);
    }

    /** The standby connection for this spec, now owned by the caller; null if there is none. */
    Connection take(RabbitActivationSpec spec) {
        return ready.remove(spec);
    }

    /**
     * An activation ended: its spec may be activated again, so it gets a standby again, a little
     * later (a shutdown deactivates every MDB first, and needs no new connections).
     */
    void deactivated() {
        refillLater(SETTLE_MS);
    }

    void close() {
        opener.shutdownNow();
        List<Connection> all;
        synchronized (ready) {
            all = new ArrayList<>(ready.values());
            ready.clear();
        }
        all.forEach(StandbyConnections::closeQuietly);
    }

    private void refillLater(long delayMs) {
        try {
            opener.schedule(this::refill, delayMs, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // the adapter is stopping
        }
    }

    private void refill() {
        List<RabbitActivationSpec> specs;
        synchronized (known) {
            specs = new ArrayList<>(known);
        }
        boolean failed = false;
        for (RabbitActivationSpec spec : specs) {
            if (ready.containsKey(spec) || active.test(spec) || !valid(spec)) {
                continue;
            }
            try {
                Connection c = ra.connectionFactory(spec).createConnection(ra.brokerAddresses());
                c.setExceptionListener(e -> lost(spec, c, e));
                ready.put(spec, c);
                LOG.fine(() -> "Standby connection for queue " + spec.getQueue() + " open");
            } catch (JMSException | RuntimeException e) {
                failed = true;
                LOG.fine(() -> "No standby connection for queue " + spec.getQueue() + ": " + Activation.describe(e));
            }
        }
        if (failed) {
            refillLater(RETRY_MS); // the broker may be down: activations connect on their own meanwhile
        }
    }

    private void lost(RabbitActivationSpec spec, Connection c, JMSException e) {
        if (ready.remove(spec, c)) {
            LOG.fine(() -> "Standby connection for queue " + spec.getQueue() + " lost: " + Activation.describe(e));
            closeQuietly(c);
            refillLater(RETRY_MS);
        }
    }

    private static boolean valid(RabbitActivationSpec spec) {
        try {
            spec.validate();
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (Exception e) {
            LOG.log(Level.FINE, "Closing a standby connection", e);
        }
    }
}
