package com.abiquo.messaging;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Date;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;

/**
 * Publishes JSON messages, persistent and confirmed by the broker (publisher confirms, mandatory:
 * a message no queue takes is an error, not a silent drop). Thread-safe: one connection and a pool
 * of up to {@value #CHANNELS} confirm channels, so that concurrent requests (and the leader's
 * dispatches) wait for their own confirms side by side instead of one after another; reconnects on
 * the next publish after a failure. Usable on any node.
 */
public class MessagePublisher implements AutoCloseable {

    /** The header (and AMQP message-id) that names a message, so that consumers are idempotent. */
    public static final String MESSAGE_ID_HEADER = "messageId";

    private static final Logger LOG = Logger.getLogger(MessagePublisher.class.getName());
    private static final long CONFIRM_TIMEOUT_MS = 10_000;

    /** Channels publishing at once at most; a publish waits for its confirm (a few ms: the queue's disk write). */
    static final int CHANNELS = 8;

    /** A confirm channel and what the broker returned on it as unroutable since its last publish. */
    private record Pooled(Channel channel, AtomicReference<String> returned) {
    }

    private final Broker broker;
    private final String connectionName;
    private final Object pool = new Object();
    private Connection connection; // guarded by pool
    private final Deque<Pooled> idle = new ArrayDeque<>(); // guarded by pool
    private int open; // channels open, idle or in use; guarded by pool
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
    public void publish(String exchange, String routingKey, String messageId, String json,
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
            Pooled pooled = null;
            boolean healthy = false;
            try {
                pooled = borrow();
                pooled.returned().set(null);
                pooled.channel().basicPublish(exchange, routingKey, true, props, body);
                pooled.channel().waitForConfirmsOrDie(CONFIRM_TIMEOUT_MS);
                healthy = true;
                String returned = pooled.returned().get();
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
                if (e instanceof InterruptedException) {
                    break;
                }
            } finally {
                if (pooled != null) {
                    giveBack(pooled, healthy);
                }
            }
        }
        throw new MessagingException("Cannot publish message " + messageId + " to exchange '" + exchange + "': "
                + last, last);
    }

    /** Channels open now, idle or in use. */
    int openChannels() {
        synchronized (pool) {
            return open;
        }
    }

    /** An idle channel, a new one while fewer than {@link #CHANNELS} are open, or the next one given back. */
    private Pooled borrow() throws IOException, InterruptedException {
        synchronized (pool) {
            while (true) {
                if (connection == null || !connection.isOpen()) {
                    closeQuietly();
                    connection = broker.connect(connectionName);
                }
                Pooled p = idle.pollFirst();
                if (p != null && p.channel().isOpen()) {
                    return p;
                } else if (p != null) {
                    open--;
                } else if (open < CHANNELS) {
                    Channel ch = connection.createChannel();
                    ch.confirmSelect();
                    AtomicReference<String> returned = new AtomicReference<>();
                    ch.addReturnListener(r -> returned.set(r.getReplyCode() + " " + r.getReplyText()));
                    open++;
                    return new Pooled(ch, returned);
                } else {
                    pool.wait();
                }
            }
        }
    }

    /** A channel that failed is closed (with the connection, when that is what failed). */
    private void giveBack(Pooled p, boolean healthy) {
        synchronized (pool) {
            if (healthy && p.channel().isOpen()) {
                idle.addFirst(p);
            } else {
                open--;
                try {
                    p.channel().abort();
                } catch (IOException | RuntimeException ignored) {
                    // already closed
                }
                if (connection != null && !connection.isOpen()) {
                    closeQuietly();
                }
            }
            pool.notifyAll();
        }
    }

    private synchronized Jsonb json() {
        if (jsonb == null) {
            jsonb = JsonbBuilder.create();
        }
        return jsonb;
    }

    /** Closes the connection and forgets its channels (those in use fail and are given back closed). Holds pool. */
    private void closeQuietly() {
        try {
            if (connection != null && connection.isOpen()) {
                connection.close(2_000);
            }
        } catch (IOException | RuntimeException ignored) {
            // a dead connection: nothing to close
        }
        connection = null;
        open -= idle.size();
        idle.clear();
    }

    @Override
    public void close() {
        synchronized (pool) {
            closeQuietly();
        }
    }
}
