package com.abiquo.cluster;

import java.sql.Timestamp;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** The leader's side: records the probe (a second handling would show as handled = 2). */
@ApplicationScoped
public class ConsumerProbeHandler implements LeaderMessageHandler {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Leadership leadership;

    @Override
    public String type() {
        return ConsumerProbes.TYPE;
    }

    @Override
    public void handle(LeaderMessage message) {
        String published = message.body().getString("publishedAt", null);
        em.createNativeQuery("INSERT INTO consumer_probe (probe_id, queue, node, epoch, published_at) "
                + "VALUES (?,?,?,?,?) ON DUPLICATE KEY UPDATE handled = handled + 1")
                .setParameter(1, message.body().getString("probeId", message.id()))
                .setParameter(2, message.queue())
                .setParameter(3, leadership.nodeName())
                .setParameter(4, message.epoch())
                .setParameter(5, published == null ? null : Timestamp.from(Instant.parse(published)))
                .executeUpdate();
    }
}
