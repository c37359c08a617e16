package com.abiquo.jms.ra;

import java.lang.reflect.Method;
import java.util.List;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.ShutdownSignalException;
import com.rabbitmq.jms.client.RMQSession;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageListener;
import jakarta.jms.Session;
import jakarta.resource.spi.endpoint.MessageEndpoint;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;

/**
 * One session of an activation: a basic.consume (never the polling receive()) whose listener hands
 * each message to a fresh MDB endpoint and acknowledges it only after the endpoint's transaction
 * completed normally. Never throws out of {@link #onMessage}.
 * <p>
 * With {@code maxBatch} &gt; 1 the listener only queues what arrives, and a delivery thread of the
 * session delivers a run of queued messages ({@link Batches}) in order to one endpoint, between
 * one beforeDelivery and one afterDelivery: one transaction, one commit, then every message of the
 * run is acknowledged in order. If any of them fails, none is acknowledged and the session is
 * replaced, so that the whole run comes back (redelivered, hence one by one).
 * <p>
 * A session replaced after a failure (prefetch &gt; 1) is <em>cautious</em>: it takes one message at
 * a time (basic.qos 1 on its channel) until a message that was not delivered before has been
 * handled, then makes way for a session with the full prefetch. Otherwise every failure of a
 * poison message would return, and count as a delivery of, all the messages prefetched behind it
 * (a quorum queue counts every return), and they would reach the delivery limit with it.
 */
final class SessionConsumer implements MessageListener {

    private static final Logger LOG = Logger.getLogger(SessionConsumer.class.getName());
    private static final Method GET_CHANNEL;
    /** How long closing waits for a batch in flight, as the JMS client waits for an onMessage in flight. */
    private static final long TERMINATION_MS = Long.getLong("rabbit.jms.terminationTimeout", 15_000);

    static {
        Method m;
        try {
            m = RMQSession.class.getDeclaredMethod("getChannel");
            m.setAccessible(true);
        } catch (ReflectiveOperationException | RuntimeException e) {
            m = null;
            Logger.getLogger(SessionConsumer.class.getName()).warning(
                    "RMQSession.getChannel() not reachable: channel-only failures will not be detected (" + e + ")");
        }
        GET_CHANNEL = m;
    }

    private final Activation activation;
    private final int index;
    private Session session;
    private MessageConsumer consumer;
    /** Set when this session is being closed by us: its channel's shutdown is expected. */
    private volatile boolean closing;
    /** Set after a failure that needs a new session: later deliveries stay unacked and come back. */
    private volatile boolean poisoned;
    private volatile boolean consuming;
    /** Batching only: what the listener received and the delivery thread has not taken yet. */
    private final BlockingDeque<Message> received = new LinkedBlockingDeque<>();
    private volatile Thread deliverer;

    /** One message at a time, until one not delivered before has been handled (see the class comment). */
    private final boolean cautious;

    SessionConsumer(Activation activation, int index, boolean cautious) {
        this.activation = activation;
        this.index = index;
        this.cautious = cautious;
    }

    int index() {
        return index;
    }

    boolean consuming() {
        return consuming && !closing && !poisoned;
    }

    void open(Connection connection) throws JMSException {
        session = connection.createSession(false, RMQSession.CLIENT_INDIVIDUAL_ACKNOWLEDGE);
        Channel channel = watch(session);
        if (cautious && channel != null) {
            try {
                channel.basicQos(1); // for the consumer created next (the factory set the full prefetch)
            } catch (java.io.IOException e) {
                throw new JMSException("basic.qos 1 on a cautious session of " + activation.queue() + ": " + e);
            }
        }
        if (activation.spec().batching()) {
            // before the first message can arrive: every message of a batching session goes through it
            Thread t = new Thread(this::deliverBatches, "abiquo-jms-ra " + activation.queue() + " batches " + index);
            t.setDaemon(true);
            deliverer = t;
            t.start();
        }
        try {
            consumer = session.createConsumer(activation.destination());
            consumer.setMessageListener(this);
        } catch (JMSException | RuntimeException e) {
            markClosing(); // the delivery thread ends
            throw e;
        }
        consuming = true;
    }

    /**
     * The channel watchdog: a channel closed alone (onMessage timeout, a 406 on ack) is invisible
     * through JMS and would leave the session dead while the connection looks fine.
     */
    private Channel watch(Session s) {
        if (GET_CHANNEL == null) {
            return null;
        }
        try {
            Channel channel = (Channel) GET_CHANNEL.invoke(s);
            channel.addShutdownListener(this::channelClosed);
            return channel;
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.log(Level.WARNING, "Cannot watch the channel of queue " + activation.queue(), e);
            return null;
        }
    }

    private void channelClosed(ShutdownSignalException cause) {
        consuming = false;
        if (closing || activation.stopped() || cause.isHardError()) {
            return; // ours, or the whole connection (the ExceptionListener reconnects)
        }
        String why = "channel closed: " + Activation.describe(cause);
        activation.sessionProblem(why);
        LOG.warning(() -> "Session " + index + " of queue " + activation.queue() + ": " + why + "; reopening");
        activation.reopen(this, 100, why, cautious);
    }

    void markClosing() {
        closing = true;
        consuming = false;
    }

    /**
     * Takes no more messages and waits for a batch in flight to end (committed and acknowledged, or
     * rolled back), at most the termination timeout, then interrupts it: so that its session is not
     * closed under it and nothing is acknowledged that was not committed.
     */
    void stopDelivering() {
        markClosing();
        Thread t = deliverer;
        if (t == null || t == Thread.currentThread()) {
            return;
        }
        try {
            t.join(TERMINATION_MS);
            if (t.isAlive()) {
                LOG.warning(() -> "A batch of queue " + activation.queue() + " still running after " + TERMINATION_MS
                        + " ms: interrupting it");
                t.interrupt();
                t.join(1_000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void close() {
        stopDelivering();
        try {
            if (session != null) {
                session.close();
            }
        } catch (Exception e) {
            LOG.log(Level.FINE, "Closing a session of queue " + activation.queue(), e);
        }
    }

    @Override
    public void onMessage(Message message) {
        try {
            if (poisoned || closing || activation.stopped()) {
                return; // left unacked: requeued when this session closes
            }
            if (deliverer != null) {
                received.addLast(message); // the delivery thread batches it (the listener thread returns at once)
                return;
            }
            deliverAndAcknowledge(List.of(message));
        } catch (Throwable t) {
            unexpected(t);
        }
    }

    private void unexpected(Throwable t) {
        // never let anything out: the client would nack and cancel the consumer
        LOG.log(Level.WARNING, "Unexpected failure on queue " + activation.queue() + "; reopening the session", t);
        poisoned = true;
        activation.reopen(this, activation.spec().getRetryInitialMs(), "unexpected failure", true);
    }

    /** The delivery thread of a batching session: one batch after another until the session closes. */
    private void deliverBatches() {
        RabbitActivationSpec spec = activation.spec();
        try {
            while (!(poisoned || closing || activation.stopped())) {
                Message head = received.pollFirst(100, TimeUnit.MILLISECONDS);
                if (head == null) {
                    continue;
                }
                List<Message> batch = Batches.take(head, received, spec.getMaxBatch(), spec.getBatchWindowMs(),
                        SessionConsumer::redelivered);
                if (poisoned || closing || activation.stopped()) {
                    break; // not delivered: requeued when the session closes
                }
                deliverAndAcknowledge(batch);
            }
        } catch (InterruptedException e) {
            // stopping: whatever was not delivered is requeued when the session closes
        } catch (Throwable t) {
            unexpected(t);
        } finally {
            received.clear();
        }
    }

    /** Delivers in one endpoint transaction; after its commit acknowledges each message, in order. */
    private void deliverAndAcknowledge(List<Message> batch) throws JMSException {
        Failure failure = deliver(batch);
        if (failure == null) {
            for (Message m : batch) {
                m.acknowledge();
            }
            if (cautious && !redelivered(batch.get(0))) {
                // what the failure returned has been handled: back to the full prefetch (this session
                // ends; the one message it may have prefetched meanwhile comes back)
                poisoned = true;
                activation.reopen(this, 0, "back to prefetch " + activation.spec().getPrefetch(), false);
            }
        } else {
            failed(failure, batch.size());
        }
    }

    /** What failed a delivery: the message being delivered (null once all were) and why. */
    private record Failure(Message message, Throwable cause) {
    }

    /**
     * Delivers the messages in order to one new endpoint, in one transaction when the endpoint is
     * transacted, stopping at the first that fails (the container has marked the transaction
     * rollback-only); null when all completed and committed normally.
     */
    private Failure deliver(List<Message> messages) {
        MessageEndpointFactory factory = activation.factory();
        MessageEndpoint endpoint = null;
        Failure failure = null;
        Message current = messages.get(0);
        try {
            endpoint = factory.createEndpoint(null);
            boolean transacted = factory.isDeliveryTransacted(Activation.ON_MESSAGE);
            if (transacted) {
                endpoint.beforeDelivery(Activation.ON_MESSAGE);
            }
            try {
                for (Message m : messages) {
                    current = m;
                    ((MessageListener) endpoint).onMessage(m);
                }
                current = null;
            } catch (Throwable t) {
                failure = new Failure(current, t);
            } finally {
                if (transacted) {
                    try {
                        endpoint.afterDelivery();
                    } catch (Throwable t) {
                        failure = failure == null ? new Failure(null, t) : failure;
                    }
                }
            }
        } catch (Throwable t) {
            failure = failure == null ? new Failure(current, t) : failure;
        } finally {
            if (endpoint != null) {
                try {
                    endpoint.release();
                } catch (Throwable t) {
                    LOG.log(Level.FINE, "Releasing an endpoint of queue " + activation.queue(), t);
                }
            }
        }
        return failure;
    }

    /**
     * A failed delivery: wait (backoff by delivery count, so a failing message does not spin),
     * then have it redelivered. recover() requeues the whole channel, which is only safe with
     * prefetch 1; otherwise the session is replaced, dropping what it had prefetched. A failed
     * batch comes back whole (none of it was acknowledged), redelivered, so one message at a time.
     */
    private void failed(Failure failure, int batchSize) throws JMSException {
        Message culprit = failure.message();
        int attempt = culprit == null ? 1 : deliveryCount(culprit);
        RabbitActivationSpec spec = activation.spec();
        long delay = Backoff.delay(attempt, spec.getRetryInitialMs(), spec.getRetryMaxMs());
        String what = culprit == null ? "The commit of " + batchSize + " message(s)"
                : "Message " + messageId(culprit) + (batchSize > 1 ? " (in a batch of " + batchSize + ")" : "");
        LOG.warning(() -> what + " from queue " + activation.queue() + " failed (delivery " + attempt + "): "
                + Activation.describe(failure.cause()) + "; redelivering in " + delay + " ms");
        if (spec.getPrefetch() == 1) {
            if (pause(delay)) {
                session.recover();
            }
        } else {
            poisoned = true;
            activation.reopen(this, delay, "redelivery after a failed message", true);
        }
    }

    /** Sleeps in slices so that a stopDelivery is not held up; false if stopping. */
    private boolean pause(long ms) {
        long end = System.nanoTime() + ms * 1_000_000;
        try {
            while (System.nanoTime() < end) {
                if (closing || activation.stopped()) {
                    return false;
                }
                Thread.sleep(Math.min(100, Math.max(1, (end - System.nanoTime()) / 1_000_000)));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        return !(closing || activation.stopped());
    }

    private static int deliveryCount(Message m) {
        try {
            int n = m.getIntProperty("JMSXDeliveryCount");
            return n < 1 ? 1 : n;
        } catch (Exception e) {
            return 1;
        }
    }

    /** Delivered before (its batch failed, or its session closed before it was acknowledged). */
    private static boolean redelivered(Message m) {
        try {
            return m.getJMSRedelivered() || deliveryCount(m) > 1;
        } catch (Exception e) {
            return true; // when in doubt, alone
        }
    }

    private static String messageId(Message m) {
        try {
            String id = m.getStringProperty("messageId");
            return id != null ? id : m.getJMSMessageID();
        } catch (Exception e) {
            return "?";
        }
    }
}
