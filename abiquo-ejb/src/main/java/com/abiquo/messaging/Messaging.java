package com.abiquo.messaging;

import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

import javax.sql.DataSource;

import com.abiquo.config.ApiConfiguration;
import com.abiquo.startup.ApiNode;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;

/**
 * The node's link to RabbitMQ: declares the topology at start, in the background and retrying
 * with backoff, so that a broker that is down delays messaging but never the REST API; and holds
 * the publisher and the dead-letter tooling.
 */
@Startup
@Singleton
@DependsOn("ApiNode")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionManagement(TransactionManagementType.BEAN)
public class Messaging {

    private static final Logger LOG = Logger.getLogger(Messaging.class.getName());
    private static final long RETRY_INITIAL_MS = 1_000;
    private static final long RETRY_MAX_MS = 30_000;

    @EJB
    private ApiNode apiNode;

    @Resource(lookup = "java:jboss/datasources/KintonDS")
    private DataSource dataSource;

    @Resource
    private ManagedScheduledExecutorService scheduler;

    private final Topology topology = Topology.abiquo();
    private volatile Broker broker;
    private volatile MessagePublisher publisher;
    private volatile DeadLetters deadLetters;
    private volatile boolean topologyDeclared;
    private volatile String topologyProblem = "not declared yet";
    private volatile ScheduledFuture<?> pending;
    private volatile boolean stopping;
    private int attempts;

    @PostConstruct
    void start() {
        ApiConfiguration c;
        try {
            c = apiNode.configuration();
        } catch (RuntimeException e) {
            return; // ApiNode already reported why this node cannot start
        }
        broker = new Broker(c.rabbitmqAddresses(), c.rabbitmqUsername(), c.rabbitmqPassword(), c.rabbitmqVirtualHost());
        publisher = new MessagePublisher(broker, "abiquo-api publisher");
        deadLetters = new DeadLetters(broker, topology.deadLetterQueue());
        schedule(0);
    }

    @PreDestroy
    void stop() {
        stopping = true;
        ScheduledFuture<?> p = pending;
        if (p != null) {
            p.cancel(false);
        }
        if (publisher != null) {
            publisher.close();
        }
    }

    private void schedule(long delayMs) {
        if (!stopping) {
            pending = scheduler.schedule(this::declareTopology, delayMs, TimeUnit.MILLISECONDS);
        }
    }

    private synchronized void declareTopology() {
        if (stopping) {
            return;
        }
        List<QueueDefinition> queues = new ArrayList<>(Queues.api());
        queues.addAll(datacenterQueues());
        try (com.rabbitmq.client.Connection c = broker.connect("abiquo-api topology")) {
            topology.declare(c, queues);
            topologyDeclared = true;
            topologyProblem = null;
            LOG.info(() -> "RabbitMQ topology declared at " + broker + ": " + queues.size() + " queues and "
                    + topology.deadLetterQueue());
        } catch (TopologyException e) {
            // an operator must act; keep trying so that the fix is picked up without a restart
            topologyProblem = e.getMessage();
            LOG.severe(e.getMessage());
            schedule(RETRY_MAX_MS);
        } catch (IOException | RuntimeException e) {
            topologyProblem = "RabbitMQ unreachable: " + e;
            long delay = Math.min(RETRY_MAX_MS, RETRY_INITIAL_MS << Math.min(attempts++, 10));
            LOG.warning(() -> "Cannot declare the RabbitMQ topology at " + broker + " (" + e
                    + "); the API serves meanwhile; retrying in " + delay + " ms");
            schedule(delay);
        }
    }

    /** The virtual factory queue of each datacenter whose remote services are known (by uuid). */
    private List<QueueDefinition> datacenterQueues() {
        List<QueueDefinition> result = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select uuid from datacenter where uuid is not null")) {
            while (rs.next()) {
                try {
                    result.add(Queues.datacenterRequests(rs.getString(1)));
                } catch (IllegalArgumentException e) {
                    LOG.warning(e.getMessage());
                }
            }
        } catch (SQLException e) {
            LOG.warning(() -> "Cannot read the datacenters for their queues: " + e.getMessage());
        }
        return result;
    }

    /** Declares the queue of a datacenter whose remote services just became known. */
    public void declareDatacenter(String datacenterUuid) throws IOException {
        try (com.rabbitmq.client.Connection c = broker.connect("abiquo-api topology")) {
            topology.declare(c, List.of(Queues.datacenterRequests(datacenterUuid)));
        }
    }

    /** Depth and consumer count of a queue, as the broker reports them now. */
    public record QueueStats(String queue, boolean leaderOnly, long messages, long consumers) {
    }

    /** The leader-only and shared queues of the API, read with passive declarations. */
    public List<QueueStats> queueStats() throws IOException {
        return queueStats(Queues.api());
    }

    /** The same for any queues (one that does not exist fails the call). */
    public List<QueueStats> queueStats(List<QueueDefinition> queues) throws IOException {
        List<QueueStats> stats = new ArrayList<>();
        try (com.rabbitmq.client.Connection c = broker.connect("abiquo-api stats");
                com.rabbitmq.client.Channel ch = c.createChannel()) {
            for (QueueDefinition q : queues) {
                com.rabbitmq.client.AMQP.Queue.DeclareOk ok = ch.queueDeclarePassive(q.queue());
                stats.add(new QueueStats(q.queue(), q.singleActiveConsumer(), ok.getMessageCount(), ok.getConsumerCount()));
            }
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IOException(e);
        }
        return stats;
    }

    public boolean topologyDeclared() {
        return topologyDeclared;
    }

    /** Why the topology is not declared (yet), or null. */
    public String topologyProblem() {
        return topologyProblem;
    }

    public MessagePublisher publisher() {
        return publisher;
    }

    public DeadLetters deadLetters() {
        return deadLetters;
    }
}
