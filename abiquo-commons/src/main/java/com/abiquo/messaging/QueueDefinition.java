package com.abiquo.messaging;

/**
 * A queue, the exchange that feeds it and the binding between them.
 *
 * @param singleActiveConsumer leader-only queues: the broker lets one consumer at a time have
 *        messages (a second guard besides per-server delivery switching)
 */
public record QueueDefinition(String exchange, String exchangeType, String routingKey, String queue,
        boolean singleActiveConsumer) {
}
