package com.abiquo.notification;

import org.jboss.ejb3.annotation.DeliveryActive;
import org.jboss.ejb3.annotation.ResourceAdapter;

import com.abiquo.cluster.LeaderOnlyListener;
import com.abiquo.messaging.Queues;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;

/**
 * Datacenter notifications (job results of the remote services), strictly in order (one session),
 * up to {@link LeaderOnlyListener#BATCH} of them handled in one transaction.
 * Deployed inactive; only the leader's {@link com.abiquo.cluster.Leadership} starts it, on its
 * own server.
 */
@MessageDriven(activationConfig = {
    @ActivationConfigProperty(propertyName = "queue", propertyValue = Queues.VIRTUALFACTORY_NOTIFICATIONS),
    @ActivationConfigProperty(propertyName = "maxSessions", propertyValue = "1"),
    @ActivationConfigProperty(propertyName = "prefetch", propertyValue = LeaderOnlyListener.BATCH),
    @ActivationConfigProperty(propertyName = "maxBatch", propertyValue = LeaderOnlyListener.BATCH)})
@ResourceAdapter("abiquo.ear#abiquo-jms-ra.rar")
@DeliveryActive(false)
public class DatacenterNotificationMDB extends LeaderOnlyListener {

    @Override
    protected String queue() {
        return Queues.VIRTUALFACTORY_NOTIFICATIONS;
    }
}
