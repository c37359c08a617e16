package com.abiquo.api.rest.protocol;

import java.util.List;

import jakarta.ws.rs.core.Response;

/**
 * The answer to an asynchronous action: 202 with an {@code acceptedrequest} whose {@code status}
 * links (one per task started) are where clients follow the work.
 */
public final class Accepted {

    private Accepted() {
    }

    /** {@code taskPaths}: each task's path under /api, e.g. {@code cloud/.../virtualmachines/3/tasks/<id>}. */
    public static Response of(Links links, String taskType, List<String> taskPaths) {
        AcceptedRequestDto accepted = new AcceptedRequestDto();
        for (String path : taskPaths) {
            accepted.add(links.link("status", taskType, "%s", path));
        }
        return Response.status(Response.Status.ACCEPTED).entity(accepted).build();
    }
}
