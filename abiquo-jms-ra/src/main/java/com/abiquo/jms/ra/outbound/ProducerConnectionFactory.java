package com.abiquo.jms.ra.outbound;

import java.io.Serializable;
import java.util.List;

import javax.naming.NamingException;
import javax.naming.Reference;

import com.rabbitmq.client.Address;
import com.rabbitmq.jms.admin.RMQConnectionFactory;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.resource.Referenceable;

/**
 * The JMS ConnectionFactory producers look up in JNDI ({@code java:/jms/abiquo/ConnectionFactory}):
 * the RabbitMQ JMS client's factory with the adapter's broker settings (from abiquo.properties).
 * Connections are the client's own, neither pooled nor enlisted in transactions (the client has no
 * XA): send to {@code amqp=true} destinations (queues declared with arguments by the API), publish
 * after the commit of what the message announces, and close the connection. A send that must not
 * be lost goes through a transacted session and its commit: the client's plain send returns before
 * the broker has the message (it waits for no publisher confirm), the commit only once the broker
 * has taken responsibility for it.
 */
public class ProducerConnectionFactory implements ConnectionFactory, Serializable, Referenceable {

    private static final long serialVersionUID = 1L;

    private final String username;
    private final transient String password;
    private final String virtualHost;
    private final List<Address> addresses;
    private Reference reference;

    ProducerConnectionFactory(List<Address> addresses, String username, String password, String virtualHost) {
        this.addresses = List.copyOf(addresses);
        this.username = username;
        this.password = password;
        this.virtualHost = virtualHost;
    }

    private RMQConnectionFactory client() {
        RMQConnectionFactory cf = new RMQConnectionFactory();
        cf.setUsername(username);
        cf.setPassword(password);
        cf.setVirtualHost(virtualHost);
        cf.setAmqpConnectionFactoryPostProcessor(f -> {
            f.setConnectionTimeout(5_000);
            f.getClientProperties().put("connection_name", "abiquo producer");
        });
        return cf;
    }

    @Override
    public Connection createConnection() throws JMSException {
        return client().createConnection(addresses);
    }

    @Override
    public Connection createConnection(String user, String pass) throws JMSException {
        RMQConnectionFactory cf = client();
        cf.setUsername(user);
        cf.setPassword(pass);
        return cf.createConnection(addresses);
    }

    @Override
    public JMSContext createContext() {
        return client().createContext();
    }

    @Override
    public JMSContext createContext(String user, String pass) {
        return client().createContext(user, pass);
    }

    @Override
    public JMSContext createContext(String user, String pass, int sessionMode) {
        return client().createContext(user, pass, sessionMode);
    }

    @Override
    public JMSContext createContext(int sessionMode) {
        return client().createContext(sessionMode);
    }

    @Override
    public void setReference(Reference reference) {
        this.reference = reference;
    }

    @Override
    public Reference getReference() throws NamingException {
        return reference;
    }

    @Override
    public String toString() {
        return "ProducerConnectionFactory[" + addresses + " vhost " + virtualHost + " user " + username + "]";
    }
}
