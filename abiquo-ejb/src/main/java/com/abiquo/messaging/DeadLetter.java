package com.abiquo.messaging;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.rabbitmq.client.AMQP;

/**
 * A dead-lettered message, as the broker recorded it in x-death (the most recent death first).
 *
 * @param messageId the publisher's message id (MessagePublisher), or null
 * @param queue the queue it died in (where a requeue sends it back)
 * @param exchange the exchange it was first published to
 * @param routingKeys its routing keys then
 * @param reason rejected, expired, maxlen or delivery_limit
 * @param deaths how many times it died in that queue for that reason
 * @param body the body as text (UTF-8)
 */
public record DeadLetter(String messageId, String queue, String exchange, List<String> routingKeys, String reason,
        long deaths, String body) {

    /** Set on messages the platform itself dead-letters (it read them and could not handle them). */
    public static final String REASON_HEADER = "x-abiquo-dead-reason";
    public static final String QUEUE_HEADER = "x-abiquo-dead-queue";

    /** Reads one message of the dead-letter queue. */
    static DeadLetter of(AMQP.BasicProperties props, byte[] body) {
        String id = props.getMessageId();
        Map<String, Object> headers = props.getHeaders() == null ? Map.of() : props.getHeaders();
        if (id == null && headers.get(MessagePublisher.MESSAGE_ID_HEADER) != null) {
            id = headers.get(MessagePublisher.MESSAGE_ID_HEADER).toString();
        }
        String queue = null;
        String exchange = null;
        List<String> keys = List.of();
        String reason = null;
        long count = 0;
        if (headers.get("x-death") instanceof List<?> deaths && !deaths.isEmpty()
                && deaths.get(0) instanceof Map<?, ?> last) {
            queue = text(last.get("queue"));
            exchange = text(last.get("exchange"));
            reason = text(last.get("reason"));
            count = last.get("count") instanceof Number n ? n.longValue() : 0;
            if (last.get("routing-keys") instanceof List<?> rk) {
                keys = rk.stream().map(DeadLetter::text).toList();
            }
        }
        if (queue == null && headers.get(QUEUE_HEADER) != null) {
            queue = text(headers.get(QUEUE_HEADER));
            reason = text(headers.get(REASON_HEADER));
            count = 1;
        }
        return new DeadLetter(id, queue, exchange, keys, reason, count, new String(body, StandardCharsets.UTF_8));
    }

    /** AMQP long strings arrive as LongString, not String. */
    private static String text(Object o) {
        return o == null ? null : o.toString();
    }
}
