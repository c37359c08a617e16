package com.abiquo.cluster;

import jakarta.ejb.EJB;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/**
 * Base of the leader-only MDBs: each names its queue; every message goes through
 * {@link LeaderMessages} (fencing, duplicate check, handler) in the MDB's transaction.
 */
public abstract class LeaderOnlyListener implements MessageListener {

    @EJB
    private LeaderMessages messages;

    protected abstract String queue();

    @Override
    public void onMessage(Message message) {
        messages.handle(queue(), message);
    }
}
