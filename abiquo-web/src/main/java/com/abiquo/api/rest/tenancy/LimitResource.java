package com.abiquo.api.rest.tenancy;

import com.abiquo.api.rest.protocol.AbiquoMediaTypes;
import com.abiquo.api.rest.protocol.Bodies;
import com.abiquo.api.rest.protocol.CollectionDto;
import com.abiquo.api.rest.protocol.Collections;
import com.abiquo.api.rest.protocol.Ids;
import com.abiquo.api.rest.protocol.InputLinks;
import com.abiquo.api.rest.protocol.LinkDto;
import com.abiquo.api.rest.protocol.Links;
import com.abiquo.api.rest.protocol.PagingParams;
import com.abiquo.api.security.Requires;
import com.abiquo.error.ApiError;
import com.abiquo.error.ApiException;
import com.abiquo.security.Privilege;
import com.abiquo.tenancy.LimitService;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * {@code /api/admin/enterprises/{e}/limits}: what an enterprise may use per datacenter. Created
 * with a {@code location} (or {@code datacenter}) link to {@code /admin/datacenters/{dc}}.
 */
@Path("admin/enterprises/{enterprise}/limits")
@RequestScoped
public class LimitResource {

    @Inject
    LimitService limits;

    @Context
    UriInfo uriInfo;

    @GET
    @Produces({LimitDto.COLLECTION_TYPE, AbiquoMediaTypes.JSON})
    @Requires({Privilege.ENTERPRISE_LIMITS_VIEW, Privilege.ENTERPRISE_ADMINISTER_ALL})
    public CollectionDto<LimitDto> list(@PathParam("enterprise") String enterprise, @BeanParam PagingParams paging) {
        Links links = Links.of(uriInfo);
        return Collections.of(limits.list(Ids.parse(enterprise), paging.toRequest()), l -> LimitDto.from(l, links),
                uriInfo, LimitDto.COLLECTION_TYPE);
    }

    @POST
    @Consumes({LimitDto.TYPE, AbiquoMediaTypes.JSON})
    @Produces({LimitDto.TYPE, AbiquoMediaTypes.JSON})
    @Requires(Privilege.ENTERPRISE_ADMINISTER_ALL)
    public Response create(@PathParam("enterprise") String enterprise, LimitDto body) {
        Bodies.require(body);
        LinkDto datacenter = body.link("location").or(() -> body.link("datacenter"))
                .orElseThrow(() -> ApiException.of(ApiError.MISSING_LINK, "location"));
        int dc = InputLinks.ids(datacenter, "admin/datacenters/{id}")[0];
        LimitDto dto = LimitDto.from(limits.create(Ids.parse(enterprise), dc, body.toLimits()), Links.of(uriInfo));
        return Response.status(Response.Status.CREATED).entity(dto).build();
    }

    @GET
    @Path("{limit}")
    @Produces({LimitDto.TYPE, AbiquoMediaTypes.JSON})
    @Requires({Privilege.ENTERPRISE_LIMITS_VIEW, Privilege.ENTERPRISE_ADMINISTER_ALL})
    public LimitDto get(@PathParam("enterprise") String enterprise, @PathParam("limit") String id) {
        return LimitDto.from(limits.get(Ids.parse(enterprise), Ids.parse(id)), Links.of(uriInfo));
    }

    @PUT
    @Path("{limit}")
    @Consumes({LimitDto.TYPE, AbiquoMediaTypes.JSON})
    @Produces({LimitDto.TYPE, AbiquoMediaTypes.JSON})
    @Requires(Privilege.ENTERPRISE_ADMINISTER_ALL)
    public LimitDto update(@PathParam("enterprise") String enterprise, @PathParam("limit") String id, LimitDto body) {
        Bodies.require(body);
        return LimitDto.from(limits.update(Ids.parse(enterprise), Ids.parse(id), body.toLimits()), Links.of(uriInfo));
    }

    @DELETE
    @Path("{limit}")
    @Requires(Privilege.ENTERPRISE_ADMINISTER_ALL)
    public void delete(@PathParam("enterprise") String enterprise, @PathParam("limit") String id) {
        limits.delete(Ids.parse(enterprise), Ids.parse(id));
    }
}
