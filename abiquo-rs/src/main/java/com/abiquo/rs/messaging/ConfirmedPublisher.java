package com.abiquo.rs.messaging;

import java.io.IOException;
import java.util.concurrent.TimeoutException;

import com.abiquo.messaging.Queues;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;

/**
 * Publishes the remote services' messages (job notifications, monitor events): persistent,
 * mandatory, and returns only once the broker confirmed them. Thread-safe (serialised); opens its
 * connection on first use and again after a failure.
 */
public final class ConfirmedPublisher implements AutoCloseable {

    private static final long CONFIRM_TIMEOUT_MS = 10_000;

    private final Rabbit rabbit;
    private final String datacenterId;
    private final String name;
    private Connection connection;
    private Channel channel;
    private volatile String returned;

    public ConfirmedPublisher(Rabbit rabbit, String datacenterId, String name) {
        this.rabbit = rabbit;
        this.datacenterId = datacenterId;
        this.name = name;
    }

    /** @throws IllegalStateException when the broker is unreachable, does not confirm, or routes it nowhere */
    public synchronized void publish(String exchange, String routingKey, String messageId, String json) {
        try {
            Channel ch = channel();
            returned = null;
            ch.basicPublish(exchange, routingKey, true, Rabbit.properties(messageId), Rabbit.body(json));
            ch.waitForConfirmsOrDie(CONFIRM_TIMEOUT_MS);
            if (returned != null) {
                throw new IllegalStateException("Message " + messageId + " to '" + exchange + "' reached no queue: "
                        + returned);
            }
        } catch (IOException | TimeoutException | RuntimeException e) {
            closeQuietly();
            throw e instanceof IllegalStateException ise ? ise
                    : new IllegalStateException("Cannot publish " + messageId + " to '" + exchange + "': " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closeQuietly();
            throw new IllegalStateException("Interrupted publishing " + messageId, e);
        }
    }

    public void notification(String messageId, String json) {
        publish(Queues.VIRTUALFACTORY_EXCHANGE, Queues.VIRTUALFACTORY_NOTIFICATIONS, messageId, json);
    }

    public void vsmEvent(String messageId, String json) {
        publish(Queues.VSM_EXCHANGE, Queues.VSM_EVENTS, messageId, json);
    }

    private Channel channel() throws IOException {
        if (channel != null && channel.isOpen()) {
            return channel;
        }
        closeQuietly();
        connection = rabbit.connect(name);
        Channel ch = connection.createChannel();
        Rabbit.declare(ch, datacenterId);
        ch.confirmSelect();
        ch.addReturnListener(r -> returned = r.getReplyCode() + " " + r.getReplyText());
        channel = ch;
        return ch;
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
