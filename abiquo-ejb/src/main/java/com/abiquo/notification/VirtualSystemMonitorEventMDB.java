package com.abiquo.notification;

import org.jboss.ejb3.annotation.DeliveryActive;
import org.jboss.ejb3.annotation.ResourceAdapter;

import com.abiquo.cluster.LeaderOnlyListener;
import com.abiquo.messaging.Queues;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;

/**
 * Events of the virtual system monitors (VMs changed outside the platform), in order.
 * Deployed inactive; only the leader's {@link com.abiquo.cluster.Leadership} starts it, on its
 * own server.
 */
@MessageDriven(activationConfig = {
    @ActivationConfigProperty(propertyName = "queue", propertyValue = Queues.VSM_EVENTS),
    @ActivationConfigProperty(propertyName = "maxSessions", propertyValue = "1"),
    @ActivationConfigProperty(propertyName = "prefetch", propertyValue = "1")})
@ResourceAdapter("abiquo.ear#abiquo-jms-ra.rar")
@DeliveryActive(false)
public class VirtualSystemMonitorEventMDB extends LeaderOnlyListener {

    @Override
    protected String queue() {
        return Queues.VSM_EVENTS;
    }
}
