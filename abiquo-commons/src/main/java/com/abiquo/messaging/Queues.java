package com.abiquo.messaging;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Abiquo's exchange and queue names (commons-amqp), which of them only the leader consumes, and the
 * arguments every queue is declared with. Shared by the API and the remote services (both declare
 * the datacenter queues, so both must ask for exactly the same arguments).
 */
public final class Queues {

    /** Requests to allocate (deploy, reconfigure): any API node publishes, the leader consumes one at a time. */
    public static final String SCHEDULER_EXCHANGE = "abiquo.scheduler";
    public static final String SCHEDULER_REQUESTS = "abiquo.scheduler.requests";

    /** Datacenter notifications (job results of the virtual factory): the leader applies them in order. */
    public static final String VIRTUALFACTORY_EXCHANGE = "abiquo.virtualfactory";
    public static final String VIRTUALFACTORY_NOTIFICATIONS = "abiquo.virtualfactory.notifications";

    /** VM state events from the monitors of the remote services: the leader consumes them. */
    public static final String VSM_EXCHANGE = "abiquo.vsm";
    public static final String VSM_EVENTS = "abiquo.vsm.eventsynk";

    /** Jobs for the remote services of one datacenter (topic exchange, one queue per datacenter). */
    public static final String DATACENTER_REQUESTS_EXCHANGE = "abiquo.datacenter.requests";

    /** Where rejected and over-delivered messages go, with the broker's x-death reason. */
    public static final String DEAD_LETTER_EXCHANGE = "abiquo.dlx";
    public static final String DEAD_LETTERS = "abiquo.dead-letters";

    /**
     * Deliveries of a failing message before it is dead-lettered (RabbitMQ delivers it limit + 1
     * times). With the adapter's redelivery backoff (1 s doubling to 30 s) that is about eight
     * minutes of retries: long enough for a database or broker blip, bounded for a poison message.
     */
    public static final int DELIVERY_LIMIT = 20;

    public static final String TOPIC = "topic";
    public static final String DIRECT = "direct";

    private Queues() {
    }

    /** The queues every API node declares at start. */
    public static List<QueueDefinition> api() {
        return List.of(
                new QueueDefinition(SCHEDULER_EXCHANGE, TOPIC, SCHEDULER_REQUESTS, SCHEDULER_REQUESTS, true),
                new QueueDefinition(VIRTUALFACTORY_EXCHANGE, DIRECT, VIRTUALFACTORY_NOTIFICATIONS,
                        VIRTUALFACTORY_NOTIFICATIONS, true),
                new QueueDefinition(VSM_EXCHANGE, DIRECT, VSM_EVENTS, VSM_EVENTS, true));
    }

    /** {@code abiquo.datacenter.requests.<dc>.virtualfactory}, consumed by that datacenter's remote services. */
    public static QueueDefinition datacenterRequests(String datacenter) {
        if (datacenter == null || !datacenter.matches("[A-Za-z0-9_\\-]+")) {
            throw new IllegalArgumentException("bad datacenter id for a queue name: '" + datacenter + "'");
        }
        String name = DATACENTER_REQUESTS_EXCHANGE + "." + datacenter + ".virtualfactory";
        return new QueueDefinition(DATACENTER_REQUESTS_EXCHANGE, TOPIC, name, name, false);
    }

    /**
     * The arguments a queue is declared with: a durable quorum queue that dead-letters to
     * {@code deadLetterExchange} after {@code deliveryLimit} redeliveries; single active consumer on
     * leader-only queues.
     */
    public static Map<String, Object> arguments(QueueDefinition q, String deadLetterExchange, int deliveryLimit) {
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("x-queue-type", "quorum");
        args.put("x-dead-letter-exchange", deadLetterExchange);
        args.put("x-delivery-limit", deliveryLimit);
        if (q.singleActiveConsumer()) {
            args.put("x-single-active-consumer", true);
        }
        return args;
    }

    /** {@link #arguments(QueueDefinition, String, int)} with abiquo's dead-letter exchange and limit. */
    public static Map<String, Object> arguments(QueueDefinition q) {
        return arguments(q, DEAD_LETTER_EXCHANGE, DELIVERY_LIMIT);
    }

    /** The arguments of the dead-letter queue itself (a quorum queue that dead-letters nowhere). */
    public static Map<String, Object> deadLetterArguments() {
        return Map.of("x-queue-type", "quorum");
    }
}
