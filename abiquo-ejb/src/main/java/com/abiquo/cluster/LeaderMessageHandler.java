package com.abiquo.cluster;

/**
 * Handles one type of message of the leader-only queues ({@code "type"} in the JSON body). Runs
 * in the MDB's transaction, after the fencing check and the duplicate check, so a handler only
 * writes to kinton and never sees a message twice.
 */
public interface LeaderMessageHandler {

    /** The message type this handler takes, e.g. {@code cluster.probe}. */
    String type();

    void handle(LeaderMessage message);
}
