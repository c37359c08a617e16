package com.abiquo.scheduler;

import org.jboss.ejb3.annotation.DeliveryActive;
import org.jboss.ejb3.annotation.ResourceAdapter;

import com.abiquo.cluster.LeaderOnlyListener;
import com.abiquo.messaging.Queues;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;

/**
 * Scheduler requests, one at a time and in order (one session), up to {@link LeaderOnlyListener#BATCH}
 * of them handled in one transaction.
 * Deployed inactive; only the leader's {@link com.abiquo.cluster.Leadership} starts it, on its
 * own server.
 */
@MessageDriven(activationConfig = {
    @ActivationConfigProperty(propertyName = "queue", propertyValue = Queues.SCHEDULER_REQUESTS),
    @ActivationConfigProperty(propertyName = "maxSessions", propertyValue = "1"),
    @ActivationConfigProperty(propertyName = "prefetch", propertyValue = LeaderOnlyListener.BATCH),
    @ActivationConfigProperty(propertyName = "maxBatch", propertyValue = LeaderOnlyListener.BATCH)})
@ResourceAdapter("abiquo.ear#abiquo-jms-ra.rar")
@DeliveryActive(false)
public class SchedulerRequestMDB extends LeaderOnlyListener {

    @Override
    protected String queue() {
        return Queues.SCHEDULER_REQUESTS;
    }
}
