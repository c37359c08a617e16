package com.abiquo.jms.ra;

import java.beans.PropertyDescriptor;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.InvalidPropertyException;
import jakarta.resource.spi.ResourceAdapter;

/**
 * What an MDB's activation-config says: the queue (declared elsewhere: this adapter never declares
 * topology) and how to consume it. Wrapper types with JavaBean setters, as the container sets them
 * from strings.
 */
public class RabbitActivationSpec implements ActivationSpec, Serializable {

    private static final long serialVersionUID = 1L;

    private String queue;
    /** Sessions (consumers) of the activation's one connection. */
    private Integer maxSessions = 1;
    /** basic.qos per session; {@code recover()} is only safe with 1 (else the session is reopened). */
    private Integer prefetch = 1;
    /** The JMS client interrupts onMessage after this: keep it well above the transaction timeout. */
    private Integer onMessageTimeoutMs = 300_000;
    private Integer reconnectInitialMs = 1_000;
    private Integer reconnectMaxMs = 30_000;
    /** Delay before a failed message is redelivered: initial, doubled per delivery, capped. */
    private Integer retryInitialMs = 1_000;
    private Integer retryMaxMs = 30_000;
    /**
     * Messages delivered in one endpoint transaction: 1 (one transaction per message) unless the
     * MDB opts in. Above 1 the prefetch must be at least as large, or batches could never fill.
     */
    private Integer maxBatch = 1;
    /** How long a batch waits for more messages once it has one; 0 takes only those already here. */
    private Integer batchWindowMs = 0;

    private transient ResourceAdapter resourceAdapter;

    @Override
    public void validate() throws InvalidPropertyException {
        List<String> bad = new ArrayList<>();
        if (queue == null || queue.isBlank()) {
            bad.add("queue");
        }
        check(bad, "maxSessions", maxSessions, 1, 100);
        check(bad, "prefetch", prefetch, 1, 10_000);
        check(bad, "onMessageTimeoutMs", onMessageTimeoutMs, 1_000, Integer.MAX_VALUE);
        check(bad, "reconnectInitialMs", reconnectInitialMs, 1, Integer.MAX_VALUE);
        check(bad, "reconnectMaxMs", reconnectMaxMs, reconnectInitialMs == null ? 1 : reconnectInitialMs, Integer.MAX_VALUE);
        check(bad, "retryInitialMs", retryInitialMs, 1, Integer.MAX_VALUE);
        check(bad, "retryMaxMs", retryMaxMs, retryInitialMs == null ? 1 : retryInitialMs, Integer.MAX_VALUE);
        check(bad, "maxBatch", maxBatch, 1, prefetch == null ? 1 : prefetch);
        check(bad, "batchWindowMs", batchWindowMs, 0, 1_000);
        if (!bad.isEmpty()) {
            InvalidPropertyException e = new InvalidPropertyException("invalid activation-config properties " + bad
                    + " (queue " + queue + ")");
            List<PropertyDescriptor> descriptors = new ArrayList<>();
            for (String name : bad) {
                try {
                    descriptors.add(new PropertyDescriptor(name, RabbitActivationSpec.class));
                } catch (java.beans.IntrospectionException ignored) {
                    // the message names it anyway
                }
            }
            e.setInvalidPropertyDescriptors(descriptors.toArray(new PropertyDescriptor[0]));
            throw e;
        }
    }

    private static void check(List<String> bad, String name, Integer value, int min, int max) {
        if (value == null || value < min || value > max) {
            bad.add(name);
        }
    }

    @Override
    public ResourceAdapter getResourceAdapter() {
        return resourceAdapter;
    }

    @Override
    public void setResourceAdapter(ResourceAdapter ra) throws ResourceException {
        this.resourceAdapter = ra;
        if (ra instanceof RabbitResourceAdapter rabbit) {
            rabbit.known(this); // the container creates specs at deployment, also for MDBs deployed inactive
        }
    }

    public String getQueue() {
        return queue;
    }

    public void setQueue(String queue) {
        this.queue = queue == null ? null : queue.trim();
    }

    public Integer getMaxSessions() {
        return maxSessions;
    }

    public void setMaxSessions(Integer maxSessions) {
        this.maxSessions = maxSessions;
    }

    public Integer getPrefetch() {
        return prefetch;
    }

    public void setPrefetch(Integer prefetch) {
        this.prefetch = prefetch;
    }

    public Integer getOnMessageTimeoutMs() {
        return onMessageTimeoutMs;
    }

    public void setOnMessageTimeoutMs(Integer onMessageTimeoutMs) {
        this.onMessageTimeoutMs = onMessageTimeoutMs;
    }

    public Integer getReconnectInitialMs() {
        return reconnectInitialMs;
    }

    public void setReconnectInitialMs(Integer reconnectInitialMs) {
        this.reconnectInitialMs = reconnectInitialMs;
    }

    public Integer getReconnectMaxMs() {
        return reconnectMaxMs;
    }

    public void setReconnectMaxMs(Integer reconnectMaxMs) {
        this.reconnectMaxMs = reconnectMaxMs;
    }

    public Integer getRetryInitialMs() {
        return retryInitialMs;
    }

    public void setRetryInitialMs(Integer retryInitialMs) {
        this.retryInitialMs = retryInitialMs;
    }

    public Integer getRetryMaxMs() {
        return retryMaxMs;
    }

    public void setRetryMaxMs(Integer retryMaxMs) {
        this.retryMaxMs = retryMaxMs;
    }

    public Integer getMaxBatch() {
        return maxBatch;
    }

    public void setMaxBatch(Integer maxBatch) {
        this.maxBatch = maxBatch;
    }

    public Integer getBatchWindowMs() {
        return batchWindowMs;
    }

    public void setBatchWindowMs(Integer batchWindowMs) {
        this.batchWindowMs = batchWindowMs;
    }

    boolean batching() {
        return maxBatch != null && maxBatch > 1;
    }

    @Override
    public String toString() {
        return "queue=" + queue + ", maxSessions=" + maxSessions + ", prefetch=" + prefetch
                + (batching() ? ", maxBatch=" + maxBatch + ", batchWindowMs=" + batchWindowMs : "");
    }
}
