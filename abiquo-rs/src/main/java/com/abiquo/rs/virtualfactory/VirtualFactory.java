package com.abiquo.rs.virtualfactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;

import com.abiquo.messaging.Queues;
import com.abiquo.messaging.model.DatacenterJobs;
import com.abiquo.messaging.model.MalformedMessageException;
import com.abiquo.rs.messaging.ConfirmedPublisher;
import com.abiquo.rs.messaging.Rabbit;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;

/**
 * The datacenter's virtual factory: consumes {@code abiquo.datacenter.requests.<dc>.virtualfactory}
 * one message at a time (prefetch 1, manual acknowledgement), runs its jobs with the
 * {@link JobRunner} and acknowledges only after every notification of the task was confirmed by
 * the broker. A notification that cannot be published leaves the task unacknowledged (returned to
 * the queue, run again idempotently). A message that breaks the contract is rejected without
 * requeue, so the broker dead-letters it to {@code abiquo.dead-letters}.
 *
 * <p>Runs on its own thread: connects, declares its queue (same arguments as the API), consumes;
 * when the broker goes away it reconnects with backoff (1 s doubling to 30 s). {@link #stop()}
 * cancels the consumer, waits for the task in hand (up to 30 s) and closes.
 */
public final class VirtualFactory {

    private static final Logger LOG = Logger.getLogger(VirtualFactory.class.getName());
    private static final long RETRY_INITIAL_MS = 1_000;
    private static final long RETRY_MAX_MS = 30_000;

    private final String datacenterId;
    private final Rabbit rabbit;
    private final ConfirmedPublisher publisher;
    private final JobRunner runner;
    private final String queue;
    private final ReentrantLock inHand = new ReentrantLock();
    private final Object sleeper = new Object();
    private volatile boolean stopping;
    private volatile Connection connection;
    private volatile Channel channel;
    private volatile String consumerTag;
    private volatile CountDownLatch closed;
    private Thread thread;

    public VirtualFactory(String datacenterId, Rabbit rabbit, ConfirmedPublisher publisher, JobRunner runner) {
        this.datacenterId = datacenterId;
        this.rabbit = rabbit;
        this.publisher = publisher;
        this.runner = runner;
        this.queue = Queues.datacenterRequests(datacenterId).queue();
    }

    public synchronized void start() {
        thread = new Thread(this::loop, "abiquo-rs virtualfactory " + datacenterId);
        thread.setDaemon(true);
        thread.start();
    }

    /** Whether it is consuming now. */
    public boolean consuming() {
        Channel ch = channel;
        return consumerTag != null && ch != null && ch.isOpen();
    }

    private void loop() {
        int attempts = 0;
        while (!stopping) {
            try {
                consume();
                attempts = 0;
                closed.await(); // until the connection is lost or we stop
                if (!stopping) {
                    LOG.warning(() -> "Virtual factory of " + datacenterId + ": lost RabbitMQ; reconnecting");
                }
            } catch (IOException | RuntimeException | LinkageError e) {
                long delay = Math.min(RETRY_MAX_MS, RETRY_INITIAL_MS << Math.min(attempts++, 10));
                LOG.warning(() -> "Virtual factory of " + datacenterId + " cannot consume " + queue + " at " + rabbit
                        + " (" + e + "); retrying in " + delay + " ms");
                pause(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                consumerTag = null;
                closeQuietly();
            }
        }
    }

    private void consume() throws IOException {
        CountDownLatch latch = new CountDownLatch(1);
        closed = latch;
        Connection c = rabbit.connect("abiquo-rs virtualfactory " + datacenterId);
        connection = c;
        c.addShutdownListener(cause -> latch.countDown());
        Channel ch = c.createChannel();
        ch.addShutdownListener(cause -> latch.countDown()); // a closed channel: start over on a new connection
        Rabbit.declare(ch, datacenterId);
        ch.basicQos(1);
        channel = ch;
        consumerTag = ch.basicConsume(queue, false, "abiquo-rs-virtualfactory-" + datacenterId, new DefaultConsumer(ch) {
            @Override
            public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties properties, byte[] body)
                    throws IOException {
                deliver(ch, envelope, properties, body);
            }

            @Override
            public void handleCancel(String tag) {
                latch.countDown(); // the queue was deleted: declare it again
            }
        });
        LOG.info(() -> "Virtual factory of datacenter " + datacenterId + " consuming " + queue + " at " + rabbit);
        if (stopping) {
            latch.countDown();
        }
    }

    private void deliver(Channel ch, Envelope envelope, AMQP.BasicProperties properties, byte[] body)
            throws IOException {
        inHand.lock();
        try {
            String json = new String(body, StandardCharsets.UTF_8);
            DatacenterJobs task;
            try {
                task = DatacenterJobs.fromJson(json);
            } catch (MalformedMessageException e) {
                LOG.warning(() -> "Virtual factory of " + datacenterId + ": message " + properties.getMessageId()
                        + " breaks the contract and is dead-lettered: " + e.getMessage());
                ch.basicReject(envelope.getDeliveryTag(), false);
                return;
            }
            if (!datacenterId.equals(task.datacenterId())) {
                LOG.warning(() -> "Virtual factory of " + datacenterId + ": task " + task.taskId() + " is for datacenter "
                        + task.datacenterId() + "; dead-lettered");
                ch.basicReject(envelope.getDeliveryTag(), false);
                return;
            }
            LOG.info(() -> "Task " + task.taskId() + " (" + task.taskType() + ", " + task.jobs().size() + " jobs, VM "
                    + task.virtualMachine().uuid() + " on " + task.target().ip() + ")"
                    + (envelope.isRedeliver() ? " redelivered" : ""));
            try {
                boolean ok = runner.run(task, n -> publisher.notification(n.messageId(), n.toJson()));
                LOG.info(() -> "Task " + task.taskId() + (ok ? " done" : " failed and rolled back"));
                ch.basicAck(envelope.getDeliveryTag(), false);
            } catch (RuntimeException e) {
                // a notification not published (or a bug): back to the queue, run again idempotently;
                // after the delivery limit the broker dead-letters it
                LOG.log(Level.WARNING, "Task " + task.taskId() + ": " + e.getMessage()
                        + "; left in the queue to run again", e instanceof JobRunner.NotificationFailed ? e.getCause() : e);
                pause(RETRY_INITIAL_MS);
                ch.basicNack(envelope.getDeliveryTag(), false, true);
            }
        } finally {
            inHand.unlock();
        }
    }

    private void pause(long ms) {
        synchronized (sleeper) {
            if (!stopping) {
                try {
                    sleeper.wait(ms);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    /** Cancels the consumer, lets the task in hand finish (up to 30 s), closes the connection. */
    public void stop() {
        stopping = true;
        synchronized (sleeper) {
            sleeper.notifyAll();
        }
        Channel ch = channel;
        String tag = consumerTag;
        try {
            if (ch != null && ch.isOpen() && tag != null) {
                ch.basicCancel(tag);
            }
        } catch (IOException | RuntimeException ignored) {
            // closing anyway
        }
        boolean idle = false;
        try {
            idle = inHand.tryLock(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            closeQuietly();
            CountDownLatch latch = closed;
            if (latch != null) {
                latch.countDown();
            }
            Thread t = thread;
            if (t != null) {
                t.join(5_000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (idle) {
                inHand.unlock();
            }
        }
        LOG.info(() -> "Virtual factory of datacenter " + datacenterId + " stopped");
    }

    private void closeQuietly() {
        Connection c = connection;
        connection = null;
        channel = null;
        try {
            if (c != null && c.isOpen()) {
                c.close(2_000);
            }
        } catch (IOException | RuntimeException ignored) {
            // a dead connection: nothing to close
        }
    }
}
