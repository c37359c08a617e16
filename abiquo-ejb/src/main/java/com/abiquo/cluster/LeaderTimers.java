package com.abiquo.cluster;

import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/**
 * Timers that run on every node but act only on the leader: the heartbeat that records the
 * leader's liveness in the fencing row (and discovers a deposition the election missed). The
 * recovery sweep of stuck tasks joins them with the deploy pipeline.
 */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class LeaderTimers {

    @Inject
    private Leadership leadership;

    @EJB
    private LeaderEpoch epochs;

    @Schedule(hour = "*", minute = "*", second = "*/5", persistent = false, info = "leader heartbeat")
    void heartbeat() {
        long epoch = leadership.epoch();
        if (epoch > 0 && !epochs.heartbeat(epoch)) {
            leadership.fencedOut(epochs.read().epoch());
        }
    }
}
