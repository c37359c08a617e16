package com.abiquo.cluster;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.abiquo.messaging.Messaging;
import com.abiquo.messaging.QueueDefinition;
import com.abiquo.messaging.Queues;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.json.Json;
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

    @EJB
    private Messaging messaging;

    /** Publishes {@code count} probes to each leader-only queue; returns their ids. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public List<String> send(int count, String prefix) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            for (QueueDefinition q : Queues.api()) {
                String id = (prefix == null || prefix.isBlank() ? "probe" : prefix) + "-" + UUID.randomUUID();
                String body = Json.createObjectBuilder().add("type", TYPE).add("probeId", id)
                        .add("publishedAt", Instant.now().toString()).build().toString();
                messaging.publisher().publishJson(q.exchange(), q.routingKey(), id, body);
                ids.add(id);
            }
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
