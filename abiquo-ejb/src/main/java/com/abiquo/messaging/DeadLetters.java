package com.abiquo.messaging;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;

/**
 * Operator tooling for the dead-letter queue: list, inspect, and requeue a message to the queue it
 * died in. Browsing takes messages without acknowledging them; closing the channel puts them back,
 * so nothing is lost if this fails halfway. A requeue publishes the copy (confirmed) before it
 * acknowledges the dead letter: at worst a message is in both queues, never in none.
 */
public class DeadLetters {

    private final Broker broker;
    private final String deadLetterQueue;

    public DeadLetters(Broker broker, String deadLetterQueue) {
        this.broker = broker;
        this.deadLetterQueue = deadLetterQueue;
    }

    /** Up to {@code max} dead letters, oldest first. */
    public List<DeadLetter> list(int max) {
        List<DeadLetter> result = new ArrayList<>();
        browse(max, (ch, r, letter) -> {
            result.add(letter);
            return false;
        });
        return result;
    }

    public Optional<DeadLetter> inspect(String messageId) {
        List<DeadLetter> found = new ArrayList<>();
        browse(Integer.MAX_VALUE, (ch, r, letter) -> {
            if (messageId.equals(letter.messageId())) {
                found.add(letter);
                return true;
            }
            return false;
        });
        return found.stream().findFirst();
    }

    /**
     * Sends the dead letter {@code messageId} back to the queue it died in (through the default
     * exchange, so only that queue gets it), with its properties and headers.
     *
     * @return the letter requeued, or empty if there is no such message
     */
    public Optional<DeadLetter> requeue(String messageId) {
        List<DeadLetter> done = new ArrayList<>();
        browse(Integer.MAX_VALUE, (ch, r, letter) -> {
            if (!messageId.equals(letter.messageId())) {
                return false;
            }
            if (letter.queue() == null) {
                throw new MessagingException("Dead letter " + messageId + " has no x-death header: its queue is unknown",
                        null);
            }
            ch.confirmSelect();
            ch.basicPublish("", letter.queue(), true, r.getProps(), r.getBody());
            try {
                ch.waitForConfirmsOrDie(10_000);
            } catch (TimeoutException e) {
                throw new IOException("no confirm for the requeued copy of " + messageId, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted waiting for the confirm of " + messageId, e);
            }
            ch.basicAck(r.getEnvelope().getDeliveryTag(), false);
            done.add(letter);
            return true;
        });
        return done.stream().findFirst();
    }

    /** How many messages are dead-lettered now. */
    public long count() {
        try (Connection c = broker.connect("abiquo-api dead letters"); Channel ch = c.createChannel()) {
            return ch.queueDeclarePassive(deadLetterQueue).getMessageCount();
        } catch (IOException | TimeoutException e) {
            throw new MessagingException("Cannot read the dead-letter queue " + deadLetterQueue + ": " + e, e);
        }
    }

    private interface Visitor {
        /** @return true to stop */
        boolean visit(Channel ch, GetResponse r, DeadLetter letter) throws IOException;
    }

    private void browse(int max, Visitor visitor) {
        try (Connection c = broker.connect("abiquo-api dead letters")) {
            Channel ch = c.createChannel();
            // every message got stays unacked until the channel closes: each is seen once
            for (int seen = 0; seen < max; seen++) {
                GetResponse r = ch.basicGet(deadLetterQueue, false);
                if (r == null || visitor.visit(ch, r, DeadLetter.of(r.getProps(), r.getBody()))) {
                    break;
                }
            }
            ch.close();
        } catch (IOException | TimeoutException e) {
            throw new MessagingException("Cannot read the dead-letter queue " + deadLetterQueue + ": " + e, e);
        }
    }
}
