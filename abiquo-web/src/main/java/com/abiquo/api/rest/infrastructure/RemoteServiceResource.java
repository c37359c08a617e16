package com.abiquo.api.rest.infrastructure;

import com.abiquo.api.rest.protocol.AbiquoMediaTypes;
import com.abiquo.api.rest.protocol.Bodies;
import com.abiquo.api.rest.protocol.CollectionDto;
import com.abiquo.api.rest.protocol.Collections;
import com.abiquo.api.rest.protocol.Ids;
import com.abiquo.api.rest.protocol.InputLinks;
import com.abiquo.api.rest.protocol.Links;
import com.abiquo.api.rest.protocol.PagingParams;
import com.abiquo.api.security.Requires;
import com.abiquo.infrastructure.RemoteService;
import com.abiquo.infrastructure.RemoteServiceChecks;
import com.abiquo.infrastructure.RemoteServiceService;
import com.abiquo.security.Privilege;

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
 * {@code /api/admin/remoteservices}: where remote services live (their canonical URL), are
 * created (with a {@code datacenter} link) and checked. Listed per datacenter by
 * {@link DatacenterRemoteServiceResource}.
 */
@Path("admin/remoteservices")
@RequestScoped
public class RemoteServiceResource {

    @Inject
    RemoteServiceService remoteServices;

    @Inject
    RemoteServiceChecks checks;

    @Context
    UriInfo uriInfo;

    @GET
    @Produces({RemoteServiceDto.COLLECTION_TYPE, AbiquoMediaTypes.JSON})
    @Requires({Privilege.PHYS_DC_ENUMERATE, Privilege.PHYS_DC_RETRIEVE_DETAILS})
    public CollectionDto<RemoteServiceDto> list(@BeanParam PagingParams paging) {
        Links links = Links.of(uriInfo);
        return Collections.of(remoteServices.list(paging.toRequest()), r -> RemoteServiceDto.from(r, links), uriInfo,
                RemoteServiceDto.COLLECTION_TYPE);
    }

    @POST
    @Consumes({RemoteServiceDto.TYPE, AbiquoMediaTypes.JSON})
    @Produces({RemoteServiceDto.TYPE, AbiquoMediaTypes.JSON})
    @Requires(Privilege.PHYS_DC_MANAGE)
    public Response create(RemoteServiceDto body) {
        Bodies.require(body);
        int datacenter = InputLinks.id(body, "datacenter", "admin/datacenters/{id}");
        RemoteService rs = checks.create(datacenter, body.type, body.uri,
                body.status == null ? RemoteService.STATUS_ERROR : body.status);
        return Response.status(Response.Status.CREATED).entity(RemoteServiceDto.from(rs, Links.of(uriInfo))).build();
    }

    @GET
    @Path("{id}")
    @Produces({RemoteServiceDto.TYPE, AbiquoMediaTypes.JSON})
    @Requires({Privilege.PHYS_DC_ENUMERATE, Privilege.PHYS_DC_RETRIEVE_DETAILS})
    public RemoteServiceDto get(@PathParam("id") String id) {
        return RemoteServiceDto.from(remoteServices.get(Ids.parse(id)), Links.of(uriInfo));
    }

    @PUT
    @Path("{id}")
    @Consumes({RemoteServiceDto.TYPE, AbiquoMediaTypes.JSON})
    @Produces({RemoteServiceDto.TYPE, AbiquoMediaTypes.JSON})
    @Requires(Privilege.PHYS_DC_MANAGE)
    public RemoteServiceDto update(@PathParam("id") String id, RemoteServiceDto body) {
        Bodies.require(body);
        return RemoteServiceDto.from(remoteServices.update(Ids.parse(id), body.uri, body.status), Links.of(uriInfo));
    }

    @DELETE
    @Path("{id}")
    @Requires(Privilege.PHYS_DC_MANAGE)
    public void delete(@PathParam("id") String id) {
        remoteServices.delete(Ids.parse(id));
    }

    /** 204 when the remote service answered for its datacenter; 409 RS-2 / RS-3 otherwise. */
    @GET
    @Path("{id}/action/check")
    @Requires(Privilege.PHYS_DC_MANAGE)
    public void check(@PathParam("id") String id) {
        checks.check(Ids.parse(id));
    }

    @POST
    @Path("{id}/action/check")
    @Requires(Privilege.PHYS_DC_MANAGE)
    public void checkByPost(@PathParam("id") String id) {
        check(id);
    }
}
