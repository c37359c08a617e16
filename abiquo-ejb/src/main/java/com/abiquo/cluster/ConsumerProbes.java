package com.abiquo.cluster;


import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.abiquo.messaging.MessagePublisher;
import com.abiquo.messaging.MessagingException;
import com.abiquo.messaging.QueueDefinition;
import com.abiquo.messaging.Queues;
import com.abiquo.persistence.JsonP;
import com.rabbitmq.jms.admin.RMQDestination;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Probes through the leader-only queues: any node publishes them, the leader records each in
 * {@code consumer_probe} (node, epoch, how often handled). An operator sees end to end that the
 * leader consumes; tests count them to prove exactly-once handling across failovers.
 */
@Stateless
public class ConsumerProbes {

    public static final String TYPE = "cluster.probe";

    /** What became of one probe. */
    public record Probe(String id, String queue, String node, long epoch, int handled, Instant processedAt) {
    }

    @PersistenceContext
    private EntityManager em;

    /** The adapter's JMS factory for producers: probes go the way any JMS producer's messages would. */
    @Resource(lookup = "java:/jms/abiquo/ConnectionFactory")
    private ConnectionFactory producers;

    /**
     * Publishes {@code count} probes to each leader-only queue and returns their ids once the broker
     * has taken them: the session is transacted because a plain send of the RabbitMQ JMS client
     * returns before the broker has the message (no confirm), so a broker stopping right after
     * could lose probes already reported as sent; the commit returns only when they are the
     * broker's (on disk in their durable queues).
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public List<String> send(int count, String prefix) {
        List<String> ids = new ArrayList<>();
        try (Connection c = producers.createConnection(); Session s = c.createSession(true, Session.SESSION_TRANSACTED)) {
            for (QueueDefinition q : Queues.api()) {
                // amqp=true: the queue is the API's (declared with its arguments), the client must not declare it
                MessageProducer producer = s.createProducer(new RMQDestination(q.queue(), q.exchange(), q.routingKey(),
                        q.queue()));
                producer.setDeliveryMode(DeliveryMode.PERSISTENT);
                for (int i = 0; i < count; i++) {
                    String id = (prefix == null || prefix.isBlank() ? "probe" : prefix) + "-" + UUID.randomUUID();
                    TextMessage m = s.createTextMessage(JsonP.object().add("type", TYPE).add("probeId", id)
                            .add("publishedAt", Instant.now().toString()).build().toString());
                    m.setStringProperty(MessagePublisher.MESSAGE_ID_HEADER, id);
                    producer.send(m);
                    ids.add(id);
                }
            }
            s.commit();
        } catch (JMSException e) {
            throw new MessagingException("Cannot publish probes: " + e.getMessage(), e);
        }
        return ids;
    }

    public List<Probe> recent(int limit) {
        List<Probe> probes = new ArrayList<>();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT probe_id, queue, node, epoch, handled, processed_at "
                + "FROM consumer_probe ORDER BY processed_at DESC LIMIT ?").setParameter(1, limit).getResultList();
        for (Object[] r : rows) {
            probes.add(new Probe((String) r[0], (String) r[1], (String) r[2], ((Number) r[3]).longValue(),
                    ((Number) r[4]).intValue(), r[5] instanceof Timestamp t ? t.toInstant() : null));
        }
        return probes;
    }
}
