package com.abiquo.cluster;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** The fencing row {@code leader_epoch}: bumped on taking leadership, checked by every leader-side write. */
@Stateless
public class LeaderEpoch {

    /** What the row says: the current epoch, who took it and when, its last heartbeat. */
    public record State(long epoch, String leader, Optional<Instant> since, Optional<Instant> heartbeat) {
    }

    /**
     * How long the bump waits for fenced transactions of a deposed leader before it aborts them:
     * a live one ends its transactions within milliseconds of stepping down (it stops on SUSPENDED,
     * before its session expires), so whatever still holds the row after this is frozen or cut off.
     */
    static final long STALE_AFTER_SECONDS = 5;

    @PersistenceContext
    private EntityManager em;

    @EJB
    private StaleLeaderTransactions staleTransactions;

    @Resource
    private ManagedScheduledExecutorService scheduler;

    /**
     * A new epoch for this node, committed before it acts as leader. The update waits for the
     * deposed leader's fenced transactions; those still open after {@link #STALE_AFTER_SECONDS}
     * are aborted (see {@link StaleLeaderTransactions}).
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public long bump(String node) {
        long connection = ((Number) em.createNativeQuery("SELECT CONNECTION_ID()").getSingleResult()).longValue();
        long started = System.nanoTime();
        ScheduledFuture<?> watch = scheduler.scheduleWithFixedDelay(() -> staleTransactions.abortThoseBlocking(connection,
                TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started)), STALE_AFTER_SECONDS, STALE_AFTER_SECONDS,
                TimeUnit.SECONDS);
        try {
            em.createNativeQuery("UPDATE leader_epoch SET epoch = epoch + 1, leader = ?, since = NOW(6), heartbeat = NOW(6)"
                    + " WHERE id = 1").setParameter(1, node).executeUpdate();
        } finally {
            watch.cancel(false);
        }
        return ((Number) em.createNativeQuery("SELECT epoch FROM leader_epoch WHERE id = 1").getSingleResult()).longValue();
    }

    /**
     * Fails the current transaction unless {@code epoch} is still the current one. The shared lock
     * keeps a new leader's bump waiting until this transaction ends, so the check holds until commit.
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void requireCurrent(long epoch) {
        long current = ((Number) em.createNativeQuery("SELECT epoch FROM leader_epoch WHERE id = 1 LOCK IN SHARE MODE")
                .getSingleResult()).longValue();
        if (epoch <= 0 || current != epoch) {
            throw new FencedOutException("Fenced out: this node holds epoch " + epoch + " but the current epoch is " + current);
        }
    }

    /** Records the leader's liveness; false when the epoch moved on (this node was deposed). */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean heartbeat(long epoch) {
        return em.createNativeQuery("UPDATE leader_epoch SET heartbeat = NOW(6) WHERE id = 1 AND epoch = ?")
                .setParameter(1, epoch).executeUpdate() == 1;
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public State read() {
        Object[] row = (Object[]) em.createNativeQuery("SELECT epoch, leader, since, heartbeat FROM leader_epoch WHERE id = 1")
                .getSingleResult();
        return new State(((Number) row[0]).longValue(), (String) row[1], instant(row[2]), instant(row[3]));
    }

    private static Optional<Instant> instant(Object value) {
        if (value instanceof java.sql.Timestamp t) {
            return Optional.of(t.toInstant());
        }
        if (value instanceof java.time.LocalDateTime l) {
            return Optional.of(l.toInstant(java.time.ZoneOffset.UTC));
        }
        return Optional.empty();
    }
}
