package com.abiquo.jms.ra;

import java.lang.reflect.Method;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import com.rabbitmq.jms.admin.RMQDestination;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.MessageListener;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;

/**
 * One MDB's consumption of one queue: one RabbitMQ JMS connection with {@code maxSessions}
 * sessions. Connects, reconnects (exponential backoff after a connection loss) and reopens
 * sessions (after a failed message when prefetch &gt; 1, or a channel closed under it) on the
 * adapter's scheduler. All state changes happen under this object's lock.
 */
final class Activation {

    private static final Logger LOG = Logger.getLogger(Activation.class.getName());
    static final Method ON_MESSAGE;

    static {
        try {
            ON_MESSAGE = MessageListener.class.getMethod("onMessage", jakarta.jms.Message.class);
        } catch (NoSuchMethodException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final RabbitResourceAdapter ra;
    private final MessageEndpointFactory factory;
    private final RabbitActivationSpec spec;
    private final ScheduledExecutorService scheduler;
    private final RMQDestination destination;
    private final Backoff reconnect;

    private volatile boolean stopped;
    private Connection connection;
    private final List<SessionConsumer> sessions = new ArrayList<>();
    private volatile boolean connected;
    private volatile Instant since = Instant.now();
    private volatile String lastProblem;

    Activation(RabbitResourceAdapter ra, MessageEndpointFactory factory, RabbitActivationSpec spec,
            ScheduledExecutorService scheduler) {
        this.ra = ra;
        this.factory = factory;
        this.spec = spec;
        this.scheduler = scheduler;
        // AMQP-mapped: the client never declares the queue (its arguments belong to the topology)
        this.destination = new RMQDestination(spec.getQueue(), "", spec.getQueue(), spec.getQueue());
        this.reconnect = new Backoff(spec.getReconnectInitialMs(), spec.getReconnectMaxMs());
    }

    String queue() {
        return spec.getQueue();
    }

    RMQDestination destination() {
        return destination;
    }

    RabbitActivationSpec spec() {
        return spec;
    }

    MessageEndpointFactory factory() {
        return factory;
    }

    boolean stopped() {
        return stopped;
    }

    void start() {
        Consumers.add(this);
        LOG.info(() -> "Delivery from queue " + queue() + " activated (" + spec + ")");
        submit(this::connect, 0);
    }

    /** Closes the connection: waits for in-flight messages, at most rabbit.jms.terminationTimeout. */
    void stop() {
        stopped = true;
        synchronized (this) {
            closeConnection();
            setConnected(false, null);
        }
        Consumers.remove(this); // listed until closed: a leader waits for this before it releases
        LOG.info(() -> "Delivery from queue " + queue() + " deactivated");
    }

    ConsumerStatus status() {
        int consuming;
        synchronized (sessions) {
            consuming = (int) sessions.stream().filter(SessionConsumer::consuming).count();
        }
        return new ConsumerStatus(queue(), connected && consuming == spec.getMaxSessions(), spec.getMaxSessions(),
                connected ? consuming : 0, since, lastProblem);
    }

    /**
     * Consumes through the connection opened ahead for this spec if there is one (only channels to
     * open then), else through a new one; a standby that turns out dead costs no backoff delay.
     */
    private synchronized void connect() {
        if (stopped || connection != null) {
            return;
        }
        Connection standby = ra.standbyConnection(spec);
        if (standby != null) {
            try {
                consumeWith(standby, " on its standby connection");
                return;
            } catch (JMSException | RuntimeException e) {
                closeConnection();
                LOG.fine(() -> "Standby connection for queue " + queue() + " unusable (" + describe(e) + "); connecting");
            }
        }
        try {
            consumeWith(ra.connectionFactory(spec).createConnection(ra.brokerAddresses()), "");
        } catch (JMSException | RuntimeException e) {
            closeConnection();
            long delay = reconnect.next();
            setConnected(false, describe(e));
            LOG.warning(() -> "Cannot consume queue " + queue() + ": " + describe(e) + "; retrying in " + delay + " ms");
            submit(this::connect, delay);
        }
    }

    private void consumeWith(Connection c, String how) throws JMSException {
        connection = c;
        c.setExceptionListener(e -> connectionLost(c, e));
        for (int i = 0; i < spec.getMaxSessions(); i++) {
            SessionConsumer s = new SessionConsumer(this, i, false);
            s.open(c);
            synchronized (sessions) {
                sessions.add(s);
            }
        }
        c.start();
        reconnect.reset();
        setConnected(true, null);
        LOG.info(() -> "Consuming queue " + queue() + " with " + spec.getMaxSessions() + " session(s)" + how);
    }

    private void connectionLost(Connection lost, JMSException e) {
        submit(() -> {
            synchronized (this) {
                if (stopped || connection != lost) {
                    return;
                }
                closeConnection();
                long delay = reconnect.next();
                setConnected(false, describe(e));
                LOG.warning(() -> "Connection for queue " + queue() + " lost: " + describe(e) + "; reconnecting in "
                        + delay + " ms");
                submit(this::connect, delay);
            }
        }, 0);
    }

    /**
     * Replaces a session after {@code delayMs}: its channel closed under it (watchdog), or a message
     * failed and the session must drop what it prefetched, or a cautious session is done. If the
     * connection is gone the ExceptionListener's reconnect takes over.
     *
     * @param cautious the new session takes one message at a time (see {@link SessionConsumer})
     */
    void reopen(SessionConsumer old, long delayMs, String why, boolean cautious) {
        submit(() -> {
            synchronized (this) {
                if (stopped || connection == null) {
                    return;
                }
                synchronized (sessions) {
                    if (!sessions.contains(old)) {
                        return;
                    }
                }
                old.close();
                // with prefetch 1 a session is always as cautious as it can be
                SessionConsumer fresh = new SessionConsumer(this, old.index(), cautious && spec.getPrefetch() > 1);
                try {
                    fresh.open(connection);
                    synchronized (sessions) {
                        sessions.set(sessions.indexOf(old), fresh);
                    }
                    LOG.info(() -> "Session " + old.index() + " of queue " + queue() + " reopened (" + why + ")");
                } catch (JMSException | RuntimeException e) {
                    fresh.close();
                    closeConnection();
                    long delay = reconnect.next();
                    setConnected(false, describe(e));
                    LOG.warning(() -> "Cannot reopen a session of queue " + queue() + ": " + describe(e)
                            + "; reconnecting in " + delay + " ms");
                    submit(this::connect, delay);
                }
            }
        }, delayMs);
    }

    private void closeConnection() {
        Connection c = connection;
        connection = null;
        List<SessionConsumer> old;
        synchronized (sessions) {
            old = List.copyOf(sessions);
            sessions.clear();
        }
        // a batch in flight ends (commit and acknowledgement) before the connection goes
        old.forEach(SessionConsumer::stopDelivering);
        if (c != null) {
            try {
                c.close();
            } catch (Exception e) {
                LOG.log(Level.FINE, "Closing the connection of queue " + queue(), e);
            }
        }
    }

    private void setConnected(boolean now, String problem) {
        if (connected != now) {
            since = Instant.now();
        }
        connected = now;
        if (problem != null) {
            lastProblem = problem;
        }
    }

    void sessionProblem(String problem) {
        lastProblem = problem;
    }

    private void submit(Runnable task, long delayMs) {
        if (stopped) {
            return;
        }
        try {
            scheduler.schedule(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "Unexpected failure handling queue " + queue(), e);
                }
            }, delayMs, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            LOG.fine(() -> "Adapter stopping; nothing more scheduled for queue " + queue());
        }
    }

    static String describe(Throwable e) {
        StringBuilder sb = new StringBuilder();
        for (Throwable t = e; t != null && sb.length() < 400; t = t.getCause()) {
            if (sb.length() > 0) {
                sb.append(" <- ");
            }
            sb.append(t.getClass().getSimpleName());
            if (t.getMessage() != null) {
                sb.append(": ").append(t.getMessage());
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return sb.toString();
    }
}
