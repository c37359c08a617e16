package com.abiquo.api.rest.system;

import com.abiquo.api.security.Requires;
import com.abiquo.observability.Metrics;
import com.abiquo.security.Privilege;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;

/**
 * {@code GET /api/admin/metrics}: this node's metrics in Prometheus' text format, for a scraper
 * that sends the credentials of a user allowed to see the cluster (each API server scraped on its
 * own address; through the balancer it is whichever node answers).
 */
@Path("admin/metrics")
@RequestScoped
public class MetricsResource {

    static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    @Inject
    Metrics metrics;

    @GET
    @Produces(PROMETHEUS_TEXT)
    @Requires(Privilege.CLUSTER_VIEW)
    public String metrics() {
        return metrics.scrape();
    }
}
