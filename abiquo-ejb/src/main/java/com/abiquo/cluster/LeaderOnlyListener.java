package com.abiquo.cluster;

import jakarta.ejb.EJB;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/**
 * Base of the leader-only MDBs: each names its queue; every message goes through
 * {@link LeaderMessages} (fencing, duplicate check, handler) in the MDB's transaction, which with
 * {@code maxBatch} &gt; 1 holds the messages before and after it in the queue too.
 */
public abstract class LeaderOnlyListener implements MessageListener {

    /**
     * maxBatch (and prefetch) of the busy leader-only queues: up to this many queued messages are
     * handled one by one in one fenced transaction, one commit, before they are acknowledged.
     * Measured with bench/deploy.sh (see bench/HISTORY.md, Deploys).
     */
    public static final String BATCH = "32";

    @EJB
    private LeaderMessages messages;

    protected abstract String queue();

    @Override
    public void onMessage(Message message) {
        messages.handle(queue(), message);
    }
}
