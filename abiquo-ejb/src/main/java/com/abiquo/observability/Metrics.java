package com.abiquo.observability;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import com.abiquo.cluster.Leadership;
import com.abiquo.messaging.Messaging;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * This node's metrics (Micrometer, scraped in Prometheus' text format from
 * {@code /api/admin/metrics}), every series tagged with the node's name: HTTP requests by method,
 * resource and status; whether this node leads and with which epoch; the depth and consumers of
 * the API's queues; task durations by type and final state; the JVM.
 */
@ApplicationScoped
public class Metrics {

    private static final Logger LOG = Logger.getLogger(Metrics.class.getName());
    /** Queue figures are read from the broker at most this often, however often Prometheus scrapes. */
    private static final long QUEUE_STATS_TTL_MS = 5_000;

    @Inject
    private Leadership leadership;

    @Inject
    private Messaging messaging;

    private PrometheusMeterRegistry registry;
    private JvmGcMetrics gc;
    private final Map<String, Messaging.QueueStats> queues = new ConcurrentHashMap<>();
    private volatile long queuesReadAt;

    @PostConstruct
    void init() {
        registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.config().commonTags("node", leadership.nodeName());
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        gc = new JvmGcMetrics();
        gc.bindTo(registry);
        Gauge.builder("abiquo.leader", leadership, l -> l.isLeader() ? 1 : 0)
                .description("1 while this node is the /api/leader-election leader").register(registry);
        Gauge.builder("abiquo.leader.epoch", leadership, l -> l.isLeader() ? l.epoch() : 0)
                .description("The fencing epoch this node leads with (0 when it does not lead)").register(registry);
    }

    @PreDestroy
    void close() {
        if (gc != null) {
            gc.close();
        }
        registry.close();
    }

    /** One HTTP request answered: {@code resource} is the JAX-RS resource class (or "none" when nothing matched). */
    public void request(String method, String resource, int status, long nanos) {
        Timer.builder("abiquo.http.requests").description("HTTP requests answered by this node")
                .tags("method", method, "resource", resource, "status", Integer.toString(status))
                .register(registry).record(nanos, TimeUnit.NANOSECONDS);
    }

    /** A task reached its final state (recorded after the commit that ended it), {@code took} since it was accepted. */
    public void taskFinished(String type, String state, Duration took) {
        Timer.builder("abiquo.tasks").description("Tasks from acceptance to their final state")
                .tags("type", type, "state", state).register(registry).record(took);
    }

    /** Every series in Prometheus' text format (0.0.4), the queue figures fresh to within a few seconds. */
    public String scrape() {
        refreshQueues();
        return registry.scrape();
    }

    private void refreshQueues() {
        long now = System.currentTimeMillis();
        if (now - queuesReadAt < QUEUE_STATS_TTL_MS) {
            return;
        }
        queuesReadAt = now;
        List<Messaging.QueueStats> stats;
        try {
            stats = messaging.queueStats();
        } catch (IOException | RuntimeException e) {
            // the broker is down: the gauges say NaN (unknown) rather than an old figure
            LOG.log(Level.FINE, "Queue figures unavailable", e);
            queues.clear();
            return;
        }
        for (Messaging.QueueStats q : stats) {
            if (queues.put(q.queue(), q) == null) {
                String name = q.queue();
                Gauge.builder("abiquo.queue.messages", queues, m -> m.containsKey(name) ? m.get(name).messages() : Double.NaN)
                        .description("Messages ready in the queue").tag("queue", name).register(registry);
                Gauge.builder("abiquo.queue.consumers", queues, m -> m.containsKey(name) ? m.get(name).consumers() : Double.NaN)
                        .description("Consumers of the queue").tag("queue", name).register(registry);
            }
        }
    }
}
