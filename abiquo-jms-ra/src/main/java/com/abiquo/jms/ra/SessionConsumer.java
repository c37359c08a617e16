package com.abiquo.jms.ra;

import java.lang.reflect.Method;
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
 */
final class SessionConsumer implements MessageListener {

    private static final Logger LOG = Logger.getLogger(SessionConsumer.class.getName());
    private static final Method GET_CHANNEL;

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

    SessionConsumer(Activation activation, int index) {
        this.activation = activation;
        this.index = index;
    }

    int index() {
        return index;
    }

    boolean consuming() {
        return consuming && !closing && !poisoned;
    }

    void open(Connection connection) throws JMSException {
        session = connection.createSession(false, RMQSession.CLIENT_INDIVIDUAL_ACKNOWLEDGE);
        watch(session);
        consumer = session.createConsumer(activation.destination());
        consumer.setMessageListener(this);
        consuming = true;
    }

    /**
     * The channel watchdog: a channel closed alone (onMessage timeout, a 406 on ack) is invisible
     * through JMS and would leave the session dead while the connection looks fine.
     */
    private void watch(Session s) {
        if (GET_CHANNEL == null) {
            return;
        }
        try {
            Channel channel = (Channel) GET_CHANNEL.invoke(s);
            channel.addShutdownListener(this::channelClosed);
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.log(Level.WARNING, "Cannot watch the channel of queue " + activation.queue(), e);
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
        activation.reopen(this, 100, why);
    }

    void markClosing() {
        closing = true;
        consuming = false;
    }

    void close() {
        markClosing();
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
            Throwable failure = deliver(message);
            if (failure == null) {
                message.acknowledge();
            } else {
                failed(message, failure);
            }
        } catch (Throwable t) {
            // never let anything out: the client would nack and cancel the consumer
            LOG.log(Level.WARNING, "Unexpected failure on queue " + activation.queue() + "; reopening the session", t);
            poisoned = true;
            activation.reopen(this, activation.spec().getRetryInitialMs(), "unexpected failure");
        }
    }

    /** Delivers to a new endpoint; null when it completed (and committed) normally. */
    private Throwable deliver(Message message) {
        MessageEndpointFactory factory = activation.factory();
        MessageEndpoint endpoint = null;
        Throwable failure = null;
        try {
            endpoint = factory.createEndpoint(null);
            boolean transacted = factory.isDeliveryTransacted(Activation.ON_MESSAGE);
            if (transacted) {
                endpoint.beforeDelivery(Activation.ON_MESSAGE);
            }
            try {
                ((MessageListener) endpoint).onMessage(message);
            } catch (Throwable t) {
                failure = t;
            } finally {
                if (transacted) {
                    try {
                        endpoint.afterDelivery();
                    } catch (Throwable t) {
                        failure = failure == null ? t : failure;
                    }
                }
            }
        } catch (Throwable t) {
            failure = failure == null ? t : failure;
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
     * prefetch 1; otherwise the session is replaced, dropping what it had prefetched.
     */
    private void failed(Message message, Throwable failure) throws JMSException {
        int attempt = deliveryCount(message);
        RabbitActivationSpec spec = activation.spec();
        long delay = Backoff.delay(attempt, spec.getRetryInitialMs(), spec.getRetryMaxMs());
        LOG.warning(() -> "Message " + messageId(message) + " from queue " + activation.queue() + " failed (delivery "
                + attempt + "): " + Activation.describe(failure) + "; redelivering in " + delay + " ms");
        if (spec.getPrefetch() == 1) {
            if (pause(delay)) {
                session.recover();
            }
        } else {
            poisoned = true;
            activation.reopen(this, delay, "redelivery after a failed message");
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

    private static String messageId(Message m) {
        try {
            String id = m.getStringProperty("messageId");
            return id != null ? id : m.getJMSMessageID();
        } catch (Exception e) {
            return "?";
        }
    }
}
