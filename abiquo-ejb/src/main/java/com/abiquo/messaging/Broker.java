package com.abiquo.messaging;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeoutException;

import com.rabbitmq.client.Address;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;

/**
 * Where RabbitMQ is (abiquo.rabbitmq.addresses|username|password|virtualHost) and how to connect:
 * amqp-client's own recovery off, since each user (publisher, topology) reconnects on its own
 * terms. Never logs the password.
 */
public final class Broker {

    private final List<Address> addresses;
    private final String username;
    private final String password;
    private final String virtualHost;

    public Broker(String addresses, String username, String password, String virtualHost) {
        this.addresses = List.of(Address.parseAddresses(addresses));
        this.username = username;
        this.password = password;
        this.virtualHost = virtualHost;
    }

    /** A new connection, named for the broker's connection list. */
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

    @Override
    public String toString() {
        return addresses + " vhost " + virtualHost + " user " + username;
    }
}
