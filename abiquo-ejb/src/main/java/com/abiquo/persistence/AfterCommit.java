package com.abiquo.persistence;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Work that must follow the outcome of the current transaction: a message published only once
 * what it announces is committed, a cache dropped when what it cached was rolled back. Runs on the
 * committing thread, after the commit; a failure there is logged, never thrown (the commit stands,
 * and recovery publishes or projects again from kinton).
 */
@ApplicationScoped
public class AfterCommit {

    private static final Logger LOG = Logger.getLogger(AfterCommit.class.getName());

    @Resource
    TransactionSynchronizationRegistry registry;

    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "abiquo-after-commit");
        t.setDaemon(true);
        return t;
    });

    /**
     * {@code committed} after a commit, {@code rolledBack} (may be null) after anything else. The
     * work of one transaction runs in the order it was registered (one synchronization per
     * transaction holds it all): when several leader messages share a transaction, the projection
     * of the last one must be the one that stays.
     */
    public void then(Runnable committed, Runnable rolledBack) {
        Outcomes outcomes = (Outcomes) registry.getResource(this);
        if (outcomes == null) {
            outcomes = new Outcomes();
            registry.putResource(this, outcomes);
            registry.registerInterposedSynchronization(outcomes);
        }
        outcomes.committed.add(committed);
        outcomes.rolledBack.add(rolledBack);
    }

    /** The work registered by one transaction, by outcome, in registration order (nulls skipped). */
    private static final class Outcomes implements Synchronization {

        private final List<Runnable> committed = new ArrayList<>();
        private final List<Runnable> rolledBack = new ArrayList<>();

        @Override
        public void beforeCompletion() {
        }

        @Override
        public void afterCompletion(int status) {
            for (Runnable r : status == Status.STATUS_COMMITTED ? committed : rolledBack) {
                if (r == null) {
                    continue;
                }
                try {
                    r.run();
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "Work after the end of a transaction failed (recovery will redo it): " + e, e);
                }
            }
        }
    }

    public void committed(Runnable r) {
        then(r, null);
    }

    /**
     * After a commit, on one background thread, in the order of the commits: for work the
     * committing thread should not wait for (a confirmed publish, a Redis write) and that recovery
     * redoes from kinton if the node dies before it ran. The leader's serial consumers take their
     * next message while it runs.
     */
    public void committedInBackground(Runnable r) {
        then(() -> background.execute(() -> {
            try {
                r.run();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Work after a commit failed (recovery will redo it): " + e, e);
            }
        }), null);
    }

    @PreDestroy
    void stop() {
        background.shutdown();
        try {
            if (!background.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.warning("Work after commits still pending at shutdown: recovery redoes it");
                background.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
