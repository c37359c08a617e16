package com.abiquo.api.rest.system;

import java.util.Map;

import com.abiquo.api.security.Public;
import com.abiquo.cluster.NodeHealth;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** {@code GET /api/health}: 200 when this node can serve, 503 otherwise; for load balancers. */
@Path("health")
@RequestScoped
@Public
public class HealthResource {

    @Inject
    NodeHealth health;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response health() {
        Map<String, String> checks = health.check();
        boolean up = checks.values().stream().allMatch("UP"::equals);
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("status", up ? "UP" : "DOWN");
        body.put("checks", checks);
        body.putAll(health.details());
        return Response.status(up ? 200 : 503).entity(body).build();
    }
}
