package com.abiquo.rs.virtualfactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
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
 * (manual acknowledgement), runs the jobs of each task with the {@link JobRunner} and acknowledges
 * a task only after every notification of it was confirmed by the broker. A notification that
 * cannot be published leaves the task unacknowledged (returned to the queue, run again
 * idempotently). A message that breaks the contract is rejected without requeue, so the broker
 * dead-letters it to {@code abiquo.dead-letters}.
 *
 * <p>Several tasks run at once ({@code abiquo.rs.virtualfactory.concurrency} lanes; prefetch twice
 * that): a hypervisor operation takes from milliseconds to minutes, and one slow host must not
 * hold up the others. Tasks of one VM always go to the same lane, one after another, in the order
 * the queue delivers them; each lane publishes on a channel of its own, so a task's notifications
 * keep their order (the leader applies them by sequence) and a lane waits for its own confirms only.
 *
 * <p>Runs on its own thread: connects, declares its queue (same arguments as the API), consumes;
 * when the broker goes away it reconnects with backoff (1 s doubling to 30 s); tasks of the lost
 * channel not yet started are left to the broker, which delivers them again. {@link #stop()}
 * cancels the consumer, waits for the tasks in hand (up to 30 s) and closes.
 */
public final class VirtualFactory {

    private static final Logger LOG = Logger.getLogger(VirtualFactory.class.getName());
    private static final long RETRY_INITIAL_MS = 1_000;
    private static final long RETRY_MAX_MS = 30_000;

    /** Runs its tasks one after another on its own thread and publishes their notifications on its own channel. */
    private record Lane(ExecutorService executor, ConfirmedPublisher publisher) {
    }

    private final String datacenterId;
    private final Rabbit rabbit;
    private final JobRunner runner;
    private final String queue;
    private final List<Lane> lanes;
    private final Object sleeper = new Object();
    private volatile boolean stopping;
    private volatile Connection connection;
    private volatile Channel channel;
    private volatile String consumerTag;
    private volatile CountDownLatch closed;
    private Thread thread;

    /** @param concurrency how many tasks may run at once (lanes) */
    public VirtualFactory(String datacenterId, Rabbit rabbit, JobRunner runner, int concurrency) {
        this.datacenterId = datacenterId;
        this.rabbit = rabbit;
        this.runner = runner;
        this.queue = Queues.datacenterRequests(datacenterId).queue();
        this.lanes = IntStream.range(0, concurrency).mapToObj(k -> new Lane(Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "abiquo-rs virtualfactory " + datacenterId + " lane " + k);
            t.setDaemon(true);
            return t;
        }), new ConfirmedPublisher(rabbit, datacenterId, "abiquo-rs virtualfactory " + datacenterId + " lane " + k)))
                .toList();
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
        ch.basicQos(2 * lanes.size());
        channel = ch;
        consumerTag = ch.basicConsume(queue, false, "abiquo-rs-virtualfactory-" + datacenterId, new DefaultConsumer(ch) {
            @Override
            public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties properties, byte[] body) {
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

    private void deliver(Channel ch, Envelope envelope, AMQP.BasicProperties properties, byte[] body) {
        String json = new String(body, StandardCharsets.UTF_8);
        DatacenterJobs task;
        try {
            task = DatacenterJobs.fromJson(json);
        } catch (MalformedMessageException e) {
            LOG.warning(() -> "Virtual factory of " + datacenterId + ": message " + properties.getMessageId()
                    + " breaks the contract and is dead-lettered: " + e.getMessage());
            settle(ch, envelope, Settlement.REJECT);
            return;
        }
        if (!datacenterId.equals(task.datacenterId())) {
            LOG.warning(() -> "Virtual factory of " + datacenterId + ": task " + task.taskId() + " is for datacenter "
                    + task.datacenterId() + "; dead-lettered");
            settle(ch, envelope, Settlement.REJECT);
            return;
        }
        Lane lane = lanes.get(Math.floorMod(task.virtualMachine().uuid().hashCode(), lanes.size()));
        lane.executor().execute(() -> run(lane, ch, envelope, task));
    }

    private void run(Lane lane, Channel ch, Envelope envelope, DatacenterJobs task) {
        if (!ch.isOpen() || stopping) {
            return; // the broker delivers it again (to the new channel)
        }
        LOG.info(() -> "Task " + task.taskId() + " (" + task.taskType() + ", " + task.jobs().size() + " jobs, VM "
                + task.virtualMachine().uuid() + " on " + task.target().ip() + ")"
                + (envelope.isRedeliver() ? " redelivered" : ""));
        ConfirmedPublisher publisher = lane.publisher();
        try {
            boolean ok = runner.run(task, n -> publisher.sendNotification(n.messageId(), n.toJson()));
            try {
                publisher.awaitConfirms();
            } catch (IllegalStateException e) {
                throw new JobRunner.NotificationFailed(e);
            }
            LOG.info(() -> "Task " + task.taskId() + (ok ? " done" : " failed and rolled back"));
            settle(ch, envelope, Settlement.ACK);
        } catch (RuntimeException e) {
            // a notification not published (or a bug): back to the queue, run again idempotently;
            // after the delivery limit the broker dead-letters it
            LOG.log(Level.WARNING, "Task " + task.taskId() + ": " + e.getMessage() + "; left in the queue to run again",
                    e instanceof JobRunner.NotificationFailed ? e.getCause() : e);
            pause(RETRY_INITIAL_MS);
            settle(ch, envelope, Settlement.REQUEUE);
        }
    }

    private enum Settlement {
        ACK, REQUEUE, REJECT
    }

    /** Lanes settle their deliveries on the consumer's channel: one at a time. A closed channel needs nothing. */
    private void settle(Channel ch, Envelope envelope, Settlement settlement) {
        long tag = envelope.getDeliveryTag();
        synchronized (ch) {
            try {
                switch (settlement) {
                    case ACK -> ch.basicAck(tag, false);
                    case REQUEUE -> ch.basicNack(tag, false, true);
                    case REJECT -> ch.basicReject(tag, false);
                }
            } catch (IOException | RuntimeException e) {
                LOG.info(() -> "Virtual factory of " + datacenterId + ": " + settlement + " of delivery " + tag
                        + " not sent (" + e + "); the broker delivers it again");
            }
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

    /** Cancels the consumer, lets the tasks in hand finish (up to 30 s), closes the connections. */
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
        lanes.forEach(l -> l.executor().shutdown()); // tasks not started yet return at once (stopping)
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            for (Lane l : lanes) {
                if (!l.executor().awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                    LOG.warning(() -> "Virtual factory of " + datacenterId + ": a task still runs after 30 s; closing");
                    break;
                }
            }
            closeQuietly();
            lanes.forEach(l -> l.publisher().close());
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
