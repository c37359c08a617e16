package com.abiquo.jms.ra;

/** What the adapter consumes in this JVM, in JMX: read in memory, without the server's management. */
public interface InboundConsumersMBean {

    /** The queues with an activation whose connection is not closed yet. */
    String[] getConsumingQueues();
}
