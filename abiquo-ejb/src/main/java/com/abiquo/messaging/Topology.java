package com.abiquo.messaging;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ShutdownSignalException;

/**
 * Declares exchanges, queues and bindings, idempotently: durable quorum queues that dead-letter to
 * one dead-letter queue after a delivery limit. The resource adapter never declares anything; this
 * is the one place that does.
 */
public final class Topology {

    private final String deadLetterExchange;
    private final String deadLetterQueue;
    private final int deliveryLimit;

    public Topology(String deadLetterExchange, String deadLetterQueue, int deliveryLimit) {
        this.deadLetterExchange = deadLetterExchange;
        this.deadLetterQueue = deadLetterQueue;
        this.deliveryLimit = deliveryLimit;
    }

    public static Topology abiquo() {
        return new Topology(Queues.DEAD_LETTER_EXCHANGE, Queues.DEAD_LETTERS, Queues.DELIVERY_LIMIT);
    }

    public String deadLetterQueue() {
        return deadLetterQueue;
    }

    /** The arguments a queue is declared with. */
    public Map<String, Object> arguments(QueueDefinition q) {
        return Queues.arguments(q, deadLetterExchange, deliveryLimit);
    }

    /**
     * Declares the dead-letter exchange and queue, then each of {@code queues} with its exchange
     * and binding. Every declaration is tried; the failures are reported together.
     *
     * @throws TopologyException naming each queue or exchange the broker refused, and why
     * @throws IOException when the broker cannot be reached
     */
    public void declare(Connection connection, List<QueueDefinition> queues) throws IOException {
        List<String> problems = new ArrayList<>();
        Channel ch = connection.createChannel();
        try {
            ch = attempt(connection, ch, problems, "exchange '" + deadLetterExchange + "'", Map.of(),
                    c -> c.exchangeDeclare(deadLetterExchange, "fanout", true));
            ch = attempt(connection, ch, problems, "queue '" + deadLetterQueue + "'", Queues.deadLetterArguments(),
                    c -> c.queueDeclare(deadLetterQueue, true, false, false, Queues.deadLetterArguments()));
            ch = attempt(connection, ch, problems, "binding of '" + deadLetterQueue + "'", Map.of(),
                    c -> c.queueBind(deadLetterQueue, deadLetterExchange, ""));
            for (QueueDefinition q : queues) {
                ch = attempt(connection, ch, problems, "exchange '" + q.exchange() + "' (" + q.exchangeType() + ")",
                        Map.of(), c -> c.exchangeDeclare(q.exchange(), q.exchangeType(), true));
                Map<String, Object> args = arguments(q);
                ch = attempt(connection, ch, problems, "queue '" + q.queue() + "'", args,
                        c -> c.queueDeclare(q.queue(), true, false, false, args));
                ch = attempt(connection, ch, problems, "binding of '" + q.queue() + "'", Map.of(),
                        c -> c.queueBind(q.queue(), q.exchange(), q.routingKey()));
            }
        } finally {
            closeQuietly(ch);
        }
        if (!problems.isEmpty()) {
            throw new TopologyException(String.join("; ", problems), null);
        }
    }

    private interface Declaration {
        void run(Channel c) throws IOException;
    }

    /** Runs one declaration; a refusal closes the channel, so a new one is returned for the next. */
    private static Channel attempt(Connection connection, Channel ch, List<String> problems, String what,
            Map<String, Object> args, Declaration d) throws IOException {
        try {
            d.run(ch);
            return ch;
        } catch (IOException e) {
            Optional<AMQP.Channel.Close> refusal = refusal(e);
            if (refusal.isEmpty()) {
                throw e; // the connection itself: let the caller retry later
            }
            problems.add(describe(what, args, refusal.get().getReplyCode(), refusal.get().getReplyText()));
            return connection.createChannel();
        }
    }

    /** What an operator needs: which queue, what abiquo expects, what the broker said. */
    static String describe(String what, Map<String, Object> args, int replyCode, String replyText) {
        StringBuilder sb = new StringBuilder("RabbitMQ refused to declare ").append(what);
        if (replyCode == AMQP.PRECONDITION_FAILED) {
            sb.append(": it already exists with other settings than abiquo's");
            if (!args.isEmpty()) {
                sb.append(" (").append(args).append(")");
            }
            sb.append(": ").append(replyText)
                    .append(". Move its messages away and delete it (rabbitmqctl delete_queue <name>) so that it is"
                            + " declared again, or declare it with these arguments");
        } else {
            sb.append(": ").append(replyCode).append(" ").append(replyText);
        }
        return sb.toString();
    }

    static Optional<AMQP.Channel.Close> refusal(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ShutdownSignalException s && !s.isHardError()
                    && s.getReason() instanceof AMQP.Channel.Close close) {
                return Optional.of(close);
            }
        }
        return Optional.empty();
    }

    private static void closeQuietly(Channel ch) {
        try {
            if (ch != null && ch.isOpen()) {
                ch.close();
            }
        } catch (IOException | TimeoutException | RuntimeException ignored) {
            // closing only
        }
    }
}
