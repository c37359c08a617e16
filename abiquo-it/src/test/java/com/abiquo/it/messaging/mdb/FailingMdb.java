package com.abiquo.it.messaging.mdb;

import org.jboss.ejb3.annotation.DeliveryActive;
import org.jboss.ejb3.annotation.ResourceAdapter;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.jms.MessageListener;

/** The queue name of this run comes from the deployment's jboss-ejb3.xml. */
@MessageDriven(messageListenerInterface = MessageListener.class, activationConfig = {
        @ActivationConfigProperty(propertyName = "queue", propertyValue = "set-by-jboss-ejb3.xml"),
        @ActivationConfigProperty(propertyName = "retryInitialMs", propertyValue = "200"),
        @ActivationConfigProperty(propertyName = "retryMaxMs", propertyValue = "1000"),
        @ActivationConfigProperty(propertyName = "reconnectInitialMs", propertyValue = "200"),
        @ActivationConfigProperty(propertyName = "reconnectMaxMs", propertyValue = "2000") })
@ResourceAdapter("msg-it.ear#abiquo-jms-ra.rar")
@DeliveryActive(false)
@TransactionAttribute(TransactionAttributeType.REQUIRED)
public class FailingMdb extends RecordingMdb {

    @Override
    protected String queueRole() {
        return "failing";
    }
}
