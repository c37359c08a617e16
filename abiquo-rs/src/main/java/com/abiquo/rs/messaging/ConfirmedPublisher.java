package com.abiquo.rs.messaging;

import java.io.IOException;
import java.util.concurrent.TimeoutException;

import com.abiquo.messaging.Queues;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;

/**
 * Publishes the remote services' messages (job notifications, monitor events): persistent and
 * mandatory. {@link #publish} returns only once the broker confirmed the message; {@link #send}
 * does not wait, and {@link #awaitConfirms} then waits once for everything sent since the last wait
 * (the virtual factory sends a task's notifications as they come and waits before acknowledging
 * the task: one round trip per task instead of one per notification). Thread-safe (serialised);
 * opens its connection on first use and again after a failure: what was sent on a connection that
 * failed is reported by the next {@link #awaitConfirms}, so nothing is taken as confirmed unless it was.
 */
public final class ConfirmedPublisher implements AutoCloseable {

    private static final long CONFIRM_TIMEOUT_MS = 10_000;

    private final Rabbit rabbit;
    private final String datacenterId;
    private final String name;
    private Connection connection;
    private Channel channel;
    private volatile String returned;
    /** Something was sent on a channel that failed before its confirms were awaited. */
    private boolean lost;

    public ConfirmedPublisher(Rabbit rabbit, String datacenterId, String name) {
        this.rabbit = rabbit;
        this.datacenterId = datacenterId;
        this.name = name;
    }

    /** Sends and waits for the broker's confirm. @throws IllegalStateException as {@link #awaitConfirms} */
    public synchronized void publish(String exchange, String routingKey, String messageId, String json) {
        send(exchange, routingKey, messageId, json);
        awaitConfirms();
    }

    /** Sends without waiting for the confirm. @throws IllegalStateException when the broker is unreachable */
    public synchronized void send(String exchange, String routingKey, String messageId, String json) {
        try {
            channel().basicPublish(exchange, routingKey, true, Rabbit.properties(messageId), Rabbit.body(json));
        } catch (IOException | RuntimeException e) {
            throw failed("Cannot publish " + messageId + " to '" + exchange + "': " + e, e);
        }
    }

    /**
     * Waits until the broker confirmed everything sent since the last call.
     *
     * @throws IllegalStateException when something was not confirmed (broker unreachable, a nack, no
     *             answer in time) or was routed to no queue
     */
    public synchronized void awaitConfirms() {
        try {
            if (lost) {
                throw new IllegalStateException("the connection failed before the broker confirmed what was sent");
            }
            if (channel != null) {
                channel.waitForConfirmsOrDie(CONFIRM_TIMEOUT_MS);
            }
            String r = returned;
            returned = null;
            if (r != null) {
                throw new IllegalStateException("A message reached no queue: " + r);
            }
        } catch (IOException | TimeoutException | RuntimeException e) {
            throw failed("Not confirmed by the broker: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failed("Interrupted waiting for the broker's confirms", e);
        } finally {
            lost = false;
        }
    }

    private IllegalStateException failed(String message, Exception cause) {
        closeQuietly();
        return cause instanceof IllegalStateException ise ? ise : new IllegalStateException(message, cause);
    }

    /** A job notification, sent without waiting: {@link #awaitConfirms} before taking it as published. */
    public void sendNotification(String messageId, String json) {
        send(Queues.VIRTUALFACTORY_EXCHANGE, Queues.VIRTUALFACTORY_NOTIFICATIONS, messageId, json);
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
        lost = channel != null;
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
        lost = false;
    }
}
