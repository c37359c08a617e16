package com.abiquo.api.rest.cluster;

import java.util.List;

import com.abiquo.api.rest.protocol.AbiquoMediaTypes;
import com.abiquo.api.rest.protocol.CollectionDto;
import com.abiquo.api.rest.protocol.Collections;
import com.abiquo.api.rest.protocol.Links;
import com.abiquo.api.rest.protocol.QueryParams;
import com.abiquo.api.security.Requires;
import com.abiquo.error.ApiError;
import com.abiquo.error.ApiException;
import com.abiquo.messaging.DeadLetter;
import com.abiquo.messaging.Messaging;
import com.abiquo.security.Privilege;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;

/**
 * {@code /api/admin/deadletters}: what operators do with messages that could not be handled —
 * list them, inspect one (why, from which queue, its body), requeue it to its queue once the cause
 * is fixed. Reading never consumes: every message stays until it is requeued.
 */
@Path("admin/deadletters")
@RequestScoped
public class DeadLetterResource {

    static final int MAX_LISTED = 1000;

    @Inject
    Messaging messaging;

    @Context
    UriInfo uriInfo;

    @GET
    @Produces({DeadLetterDto.COLLECTION_TYPE, AbiquoMediaTypes.JSON})
    @Requires(Privilege.CLUSTER_VIEW)
    public CollectionDto<DeadLetterDto> list(@QueryParam("limit") @DefaultValue("100") String limit) {
        int max = QueryParams.wholeNumber("limit", limit, 1, MAX_LISTED);
        Links links = Links.of(uriInfo);
        List<DeadLetterDto> all = broker(() -> messaging.deadLetters().list(max)).stream()
                .map(d -> DeadLetterDto.from(d, links)).toList();
        return Collections.of(all, uriInfo, DeadLetterDto.COLLECTION_TYPE);
    }

    @GET
    @Path("{id}")
    @Produces({DeadLetterDto.TYPE, AbiquoMediaTypes.JSON})
    @Requires(Privilege.CLUSTER_VIEW)
    public DeadLetterDto inspect(@PathParam("id") String id) {
        DeadLetter d = broker(() -> messaging.deadLetters().inspect(id)).orElseThrow(() -> ApiException.of(ApiError.NOT_FOUND));
        return DeadLetterDto.from(d, Links.of(uriInfo));
    }

    @POST
    @Path("{id}/action/requeue")
    @Produces({DeadLetterDto.TYPE, AbiquoMediaTypes.JSON})
    @Requires(Privilege.SYSCONFIG_ALLOW_MODIFY)
    public DeadLetterDto requeue(@PathParam("id") String id) {
        DeadLetter d = broker(() -> messaging.deadLetters().requeue(id)).orElseThrow(() -> ApiException.of(ApiError.NOT_FOUND));
        return DeadLetterDto.from(d, Links.of(uriInfo));
    }

    /** A broker that cannot be reached is a 503, not a 500. */
    private static <T> T broker(java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (ApiException e) {
            throw e;
        } catch (RuntimeException e) {
            throw ApiException.of(ApiError.SERVICE_UNAVAILABLE, "RabbitMQ");
        }
    }
}
