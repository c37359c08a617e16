package com.abiquo.jms.ra;

import java.io.IOException;
import java.io.Reader;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

import javax.transaction.xa.XAResource;

import com.rabbitmq.client.Address;
import com.rabbitmq.jms.admin.RMQConnectionFactory;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.BootstrapContext;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.ResourceAdapterInternalException;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;

/**
 * The adapter: broker settings (from ironjacamar.xml) and one {@link Activation} per MDB whose
 * delivery is active. Activation returns at once; connecting runs on the adapter's own scheduler,
 * so startDelivery never waits for (or fails because of) the broker.
 */
public class RabbitResourceAdapter implements ResourceAdapter, Serializable {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(RabbitResourceAdapter.class.getName());

    /**
     * The AMQP heartbeat the consumers' connections ask for, in seconds. A leader frozen (a long GC
     * pause, a suspended VM) keeps its TCP connections open, so the broker keeps its consumer the
     * single active one of each leader-only queue, and the successor's stays idle, until the
     * heartbeat declares the connection dead: the broker's default (60 s) would stall consumption
     * for a minute or more after a failover.
     */
    static final int HEARTBEAT_SECONDS = 10;

    private String addresses;
    private String host = "localhost";
    private Integer port = BrokerAddresses.DEFAULT_PORT;
    private String username = "guest";
    private String password = "guest";
    private String virtualHost = "/";

    private transient ScheduledExecutorService scheduler;
    private final transient Map<Key, Activation> activations = new ConcurrentHashMap<>();
    private transient StandbyConnections standby;
    private transient InboundConsumers published;

    @Override
    public void start(BootstrapContext ctx) throws ResourceAdapterInternalException {
        applyAbiquoProperties();
        try {
            brokerAddresses();
        } catch (IllegalArgumentException e) {
            throw new ResourceAdapterInternalException("RabbitMQ adapter: " + e.getMessage(), e);
        }
        AtomicInteger n = new AtomicInteger();
        ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = Executors.defaultThreadFactory().newThread(r);
            t.setName("abiquo-jms-ra-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        pool.setRemoveOnCancelPolicy(true);
        scheduler = pool;
        standby = new StandbyConnections(this, spec -> activations.keySet().stream().anyMatch(k -> k.spec() == spec));
        published = InboundConsumers.register(this);
        LOG.info(() -> "RabbitMQ inbound adapter started: broker " + brokerAddresses() + ", virtual host " + virtualHost
                + ", user " + username);
    }

    /**
     * The broker settings of abiquo.properties (the file the system property {@code abiquo.properties}
     * names), which win over ironjacamar.xml's expressions: in a domain, where the file is not loaded
     * as system properties (secrets stay out of the management model), those expressions would only
     * see their defaults.
     */
    private void applyAbiquoProperties() {
        String file = System.getProperty("abiquo.properties");
        if (file == null || file.isBlank()) {
            return;
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(Path.of(file))) {
            p.load(r);
        } catch (IOException | RuntimeException e) {
            LOG.warning(() -> "Cannot read " + file + " (" + e + "): the adapter keeps its own broker settings");
            return;
        }
        addresses = p.getProperty("abiquo.rabbitmq.addresses", addresses == null ? "" : addresses).trim();
        username = p.getProperty("abiquo.rabbitmq.username", username).trim();
        password = p.getProperty("abiquo.rabbitmq.password", password).trim();
        virtualHost = p.getProperty("abiquo.rabbitmq.virtualHost", virtualHost).trim();
    }

    @Override
    public void stop() {
        for (Key key : List.copyOf(activations.keySet())) {
            Activation a = activations.remove(key);
            if (a != null) {
                a.stop();
            }
        }
        if (standby != null) {
            standby.close();
        }
        if (published != null) {
            published.unregister();
        }
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
        LOG.info("RabbitMQ inbound adapter stopped");
    }

    @Override
    public void endpointActivation(MessageEndpointFactory factory, ActivationSpec spec) throws ResourceException {
        if (!(spec instanceof RabbitActivationSpec rabbitSpec)) {
            throw new ResourceException("Not a " + RabbitActivationSpec.class.getName() + ": " + spec);
        }
        rabbitSpec.validate();
        Activation a = new Activation(this, factory, rabbitSpec, scheduler);
        Activation previous = activations.putIfAbsent(new Key(factory, spec), a);
        if (previous != null) {
            // WildFly may activate an endpoint that is already active (a startDelivery racing the
            // server's resume at the end of boot): that is the state wanted, not an error
            LOG.fine(() -> "Delivery from queue " + rabbitSpec.getQueue() + " is already active");
            return;
        }
        a.start();
    }

    @Override
    public void endpointDeactivation(MessageEndpointFactory factory, ActivationSpec spec) {
        Activation a = activations.remove(new Key(factory, spec));
        if (a != null) {
            a.stop();
            standby.deactivated();
        }
    }

    /** A spec of an MDB of this adapter, created at deployment: see {@link StandbyConnections}. */
    void known(RabbitActivationSpec spec) {
        StandbyConnections s = standby;
        if (s != null) {
            s.known(spec);
        }
    }

    /** A connection opened ahead for this spec, now the caller's; null if there is none. */
    jakarta.jms.Connection standbyConnection(RabbitActivationSpec spec) {
        StandbyConnections s = standby;
        return s == null ? null : s.take(spec);
    }

    /** How an activation of {@code spec} connects: the adapter's broker settings and the spec's per-connection ones. */
    RMQConnectionFactory connectionFactory(RabbitActivationSpec spec) {
        RMQConnectionFactory cf = new RMQConnectionFactory();
        cf.setUsername(username);
        cf.setPassword(password);
        cf.setVirtualHost(virtualHost);
        cf.setChannelsQos(spec.getPrefetch());
        cf.setOnMessageTimeoutMs(spec.getOnMessageTimeoutMs());
        // our listener never throws; if it ever did, the message must stay unacked (redelivered)
        cf.setRequeueOnMessageListenerException(false);
        String name = "abiquo-jms-ra " + spec.getQueue();
        cf.setAmqpConnectionFactoryPostProcessor(f -> {
            // one recovery mechanism: ours (predictable state, sessions re-created by us)
            f.setAutomaticRecoveryEnabled(false);
            f.setTopologyRecoveryEnabled(false);
            f.setConnectionTimeout(5_000);
            f.setRequestedHeartbeat(HEARTBEAT_SECONDS);
            f.getClientProperties().put("connection_name", name);
        });
        return cf;
    }

    @Override
    public XAResource[] getXAResources(ActivationSpec[] specs) {
        return new XAResource[0];
    }

    /** The broker's addresses, for the inbound activations and the producers' connection factory. */
    public List<Address> brokerAddresses() {
        return BrokerAddresses.parse(addresses, host, port == null ? BrokerAddresses.DEFAULT_PORT : port);
    }

    String username() {
        return username;
    }

    String password() {
        return password;
    }

    String virtualHost() {
        return virtualHost;
    }

    /** Identity of an activation: the container's factory and spec (activation names are not unique). */
    private record Key(MessageEndpointFactory factory, ActivationSpec spec) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.factory == factory && k.spec == spec;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(factory) * 31 + System.identityHashCode(spec);
        }
    }

    public String getAddresses() {
        return addresses;
    }

    public void setAddresses(String addresses) {
        this.addresses = addresses;
    }

    public String getHost() {
        return host;
    }

    public void setHost(String host) {
        this.host = host;
    }

    public Integer getPort() {
        return port;
    }

    public void setPort(Integer port) {
        this.port = port;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getVirtualHost() {
        return virtualHost;
    }

    public void setVirtualHost(String virtualHost) {
        this.virtualHost = virtualHost;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RabbitResourceAdapter r && Objects.equals(addresses, r.addresses) && Objects.equals(host, r.host)
                && Objects.equals(port, r.port) && Objects.equals(username, r.username)
                && Objects.equals(virtualHost, r.virtualHost);
    }

    @Override
    public int hashCode() {
        return Objects.hash(addresses, host, port, username, virtualHost);
    }
}
