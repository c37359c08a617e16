package com.abiquo.it.messaging.mdb;

import org.jboss.ejb3.annotation.DeliveryActive;
import org.jboss.ejb3.annotation.ResourceAdapter;

import jakarta.ejb.MessageDriven;

/** Its queue, maxBatch and prefetch come from the test deployment's jboss-ejb3.xml. */
@MessageDriven
@ResourceAdapter("msg-it.ear#abiquo-jms-ra.rar")
@DeliveryActive(false)
public class BatchedMdb extends RecordingMdb {

    @Override
    protected String queueRole() {
        return "batched";
    }
}
