package com.abiquo.rs.messaging;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;

import com.abiquo.messaging.QueueDefinition;
import com.abiquo.messaging.Queues;
import com.abiquo.rs.RemoteServicesConfiguration;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Address;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;

/**
 * The remote services' RabbitMQ: connections (amqp-client's own recovery off: each user reconnects
 * with its own backoff), the topology they rely on, declared with exactly the API's arguments
 * ({@link Queues#arguments}), and message properties. Never logs the password.
 */
public final class Rabbit {

    private final List<Address> addresses;
    private final String username;
    private final String password;
    private final String virtualHost;

    public Rabbit(RemoteServicesConfiguration c) {
        this.addresses = List.of(Address.parseAddresses(c.rabbitmqAddresses()));
        this.username = c.rabbitmqUsername();
        this.password = c.rabbitmqPassword();
        this.virtualHost = c.rabbitmqVirtualHost();
    }

    public Connection connect(String name) throws IOException {
        ConnectionFactory f = new ConnectionFactory();
        f.setUsername(username);
        f.setPassword(password);
        f.setVirtualHost(virtualHost);
        f.setAutomaticRecoveryEnabled(false);
        f.setTopologyRecoveryEnabled(false);
        f.setConnectionTimeout(5_000);
        f.setRequestedHeartbeat(30);
        try {
            return f.newConnection(addresses, name);
        } catch (TimeoutException e) {
            throw new IOException("RabbitMQ at " + this + " did not answer in time", e);
        }
    }

    /**
     * Declares (idempotently) the dead-letter exchange and queue, the datacenter's virtual factory
     * queue and the API's notification and monitor queues that the remote services publish to, with
     * the same arguments as the API's Topology.
     */
    public static void declare(Channel ch, String datacenterId) throws IOException {
        ch.exchangeDeclare(Queues.DEAD_LETTER_EXCHANGE, "fanout", true);
        ch.queueDeclare(Queues.DEAD_LETTERS, true, false, false, Queues.deadLetterArguments());
        ch.queueBind(Queues.DEAD_LETTERS, Queues.DEAD_LETTER_EXCHANGE, "");
        for (QueueDefinition q : queues(datacenterId)) {
            ch.exchangeDeclare(q.exchange(), q.exchangeType(), true);
            ch.queueDeclare(q.queue(), true, false, false, Queues.arguments(q));
            ch.queueBind(q.queue(), q.exchange(), q.routingKey());
        }
    }

    static List<QueueDefinition> queues(String datacenterId) {
        return List.of(Queues.datacenterRequests(datacenterId),
                definition(Queues.VIRTUALFACTORY_NOTIFICATIONS), definition(Queues.VSM_EVENTS));
    }

    private static QueueDefinition definition(String queue) {
        return Queues.api().stream().filter(q -> q.queue().equals(queue)).findFirst().orElseThrow();
    }

    /** Persistent JSON, the id in the AMQP message-id and in the {@code messageId} header (as the API's publisher). */
    public static AMQP.BasicProperties properties(String messageId) {
        return new AMQP.BasicProperties.Builder().contentType("application/json").contentEncoding("UTF-8")
                .deliveryMode(2).messageId(messageId).timestamp(Date.from(Instant.now()))
                .headers(Map.of("messageId", messageId)).build();
    }

    public static byte[] body(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return addresses + " vhost " + virtualHost + " user " + username;
    }
}
