package com.abiquo.jms.ra.outbound;

import java.io.PrintWriter;
import java.io.Serializable;
import java.util.Set;

import javax.security.auth.Subject;

import com.abiquo.jms.ra.RabbitResourceAdapter;

import jakarta.resource.NotSupportedException;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionManager;
import jakarta.resource.spi.ConnectionRequestInfo;
import jakarta.resource.spi.ManagedConnection;
import jakarta.resource.spi.ManagedConnectionFactory;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.ResourceAdapterAssociation;

/**
 * The adapter's outbound side: binds a {@link ProducerConnectionFactory} built from the adapter's
 * broker settings, so producers and consumers use one configuration. The container's pool is not
 * used: the RabbitMQ JMS client manages its own connections and offers no XA, so there is no
 * managed connection to pool or enlist.
 */
public class ProducerManagedConnectionFactory implements ManagedConnectionFactory, ResourceAdapterAssociation, Serializable {

    private static final long serialVersionUID = 1L;

    private transient RabbitResourceAdapter adapter;
    private transient PrintWriter logWriter;

    @Override
    public Object createConnectionFactory(ConnectionManager manager) throws ResourceException {
        return createConnectionFactory();
    }

    @Override
    public Object createConnectionFactory() throws ResourceException {
        if (adapter == null) {
            throw new ResourceException("the producer connection factory has no resource adapter");
        }
        return new ProducerConnectionFactory(adapter.brokerAddresses(), adapter.getUsername(), adapter.getPassword(),
                adapter.getVirtualHost());
    }

    @Override
    public ManagedConnection createManagedConnection(Subject subject, ConnectionRequestInfo info) throws ResourceException {
        throw new NotSupportedException("RabbitMQ JMS connections are the client's own; they are not pooled by the container");
    }

    @Override
    @SuppressWarnings("rawtypes")
    public ManagedConnection matchManagedConnections(Set connections, Subject subject, ConnectionRequestInfo info) {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        this.logWriter = out;
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }

    @Override
    public ResourceAdapter getResourceAdapter() {
        return adapter;
    }

    @Override
    public void setResourceAdapter(ResourceAdapter ra) throws ResourceException {
        if (!(ra instanceof RabbitResourceAdapter r)) {
            throw new ResourceException("not the abiquo RabbitMQ adapter: " + ra);
        }
        this.adapter = r;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ProducerManagedConnectionFactory other && other.adapter == adapter;
    }

    @Override
    public int hashCode() {
        return ProducerManagedConnectionFactory.class.hashCode();
    }
}
