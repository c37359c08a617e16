package com.abiquo.messaging;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;

/**
 * Publishes JSON messages, persistent and confirmed by the broker (publisher confirms, mandatory:
 * a message no queue takes is an error, not a silent drop). Thread-safe (one channel, serialised);
 * reconnects on the next publish after a failure. Usable on any node.
 */
public class MessagePublisher implements AutoCloseable {

    /** The header (and AMQP message-id) that names a message, so that consumers are idempotent. */
    public static final String MESSAGE_ID_HEADER = "messageId";

    private static final Logger LOG = Logger.getLogger(MessagePublisher.class.getName());
    private static final long CONFIRM_TIMEOUT_MS = 10_000;

    private final Broker broker;
    private final String connectionName;
    private Connection connection;
    private Channel channel;
    private volatile String returned;
    private Jsonb jsonb;

    public MessagePublisher(Broker broker, String connectionName) {
        this.broker = broker;
        this.connectionName = connectionName;
    }

    /** Publishes {@code payload} as JSON (JSON-B). */
    public void publish(String exchange, String routingKey, String messageId, Object payload) {
        publishJson(exchange, routingKey, messageId, json().toJson(payload));
    }

    /**
     * Publishes a JSON body and returns once the broker confirmed it (it is on disk in the queue).
     * One retry on a fresh connection; a publish that then fails throws, so a caller's
     * transaction can roll back. (A retry may duplicate a message: consumers dedupe by id.)
     *
     * @throws MessagingException when the broker is unreachable, refuses or routes it nowhere
     */
    public void publishJson(String exchange, String routingKey, String messageId, String json) {
        publish(exchange, routingKey, messageId, json, Map.of());
    }

    /** The same with headers of the caller's besides the message id (e.g. why a message was dead-lettered). */
    public synchronized void publish(String exchange, String routingKey, String messageId, String json,
            Map<String, Object> extraHeaders) {
        if (messageId == null || messageId.isBlank()) {
            throw new IllegalArgumentException("a message needs an id");
        }
        Map<String, Object> headers = new java.util.HashMap<>(extraHeaders);
        headers.put(MESSAGE_ID_HEADER, messageId);
        AMQP.BasicProperties props = new AMQP.BasicProperties.Builder()
                .contentType("application/json")
                .contentEncoding("UTF-8")
                .deliveryMode(2)
                .messageId(messageId)
                .timestamp(Date.from(Instant.now()))
                .headers(headers)
                .build();
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        Exception last = null;
        for (int attempt = 1; attempt <= 2; attempt++) {
            try {
                Channel ch = channel();
                returned = null;
                ch.basicPublish(exchange, routingKey, true, props, body);
                ch.waitForConfirmsOrDie(CONFIRM_TIMEOUT_MS);
                if (returned != null) {
                    throw new MessagingException("Message " + messageId + " to exchange '" + exchange
                            + "' with routing key '" + routingKey + "' reached no queue: " + returned, null);
                }
                return;
            } catch (IOException | TimeoutException | InterruptedException | RuntimeException e) {
                if (e instanceof MessagingException m) {
                    throw m;
                }
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                last = e;
                LOG.log(Level.FINE, "Publishing " + messageId + " failed (attempt " + attempt + ")", e);
                closeQuietly();
                if (e instanceof InterruptedException) {
                    break;
                }
            }
        }
        throw new MessagingException("Cannot publish message " + messageId + " to exchange '" + exchange + "': "
                + last, last);
    }

    private Channel channel() throws IOException {
        if (channel != null && channel.isOpen()) {
            return channel;
        }
        closeQuietly();
        connection = broker.connect(connectionName);
        Channel ch = connection.createChannel();
        ch.confirmSelect();
        ch.addReturnListener(r -> returned = r.getReplyCode() + " " + r.getReplyText());
        channel = ch;
        return ch;
    }

    private synchronized Jsonb json() {
        if (jsonb == null) {
            jsonb = JsonbBuilder.create();
        }
        return jsonb;
    }

    private void closeQuietly() {
        try {
            if (connection != null && connection.isOpen()) {
                connection.close(2_000);
            }
        } catch (IOException | RuntimeException ignored) {
            // a dead connection: nothing to close
        }
        connection = null;
        channel = null;
    }

    @Override
    public synchronized void close() {
        closeQuietly();
    }
}
