package com.abiquo.cluster;

/**
 * Handles one type of message of the leader-only queues ({@code "type"} in the JSON body). Runs
 * in the MDB's transaction, after the fencing check and the duplicate check, so a handler only
 * writes to kinton and never sees a message twice (unless it recognises repeats itself).
 */
public interface LeaderMessageHandler {

    /** The message type this handler takes, e.g. {@code cluster.probe}. */
    String type();

    void handle(LeaderMessage message);

    /**
     * Whether the handler recognises a message it has already applied by itself (e.g. by a
     * sequence number it keeps with what the message changes), so that the generic duplicate
     * check, a row in {@code processed_message} per message, can be skipped: one statement less
     * per message on the leader's busiest queue.
     */
    default boolean recognisesRepeats() {
        return false;
    }
}
