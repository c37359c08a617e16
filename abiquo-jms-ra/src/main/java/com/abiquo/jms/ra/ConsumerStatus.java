package com.abiquo.jms.ra;

import java.time.Instant;

/**
 * One active MDB's view of the broker: whether its connection is up and how many of its sessions
 * consume. {@code deliveryActive} of the MDB says nothing about this.
 *
 * @param queue the queue consumed
 * @param connected the connection is up and every session consumes
 * @param sessions sessions wanted
 * @param consumingSessions sessions consuming now
 * @param since when {@code connected} last changed
 * @param lastProblem the last connection or session failure (no credentials), or null
 */
public record ConsumerStatus(String queue, boolean connected, int sessions, int consumingSessions, Instant since,
        String lastProblem) {
}
