package com.abiquo.api.rest.tenancy;

import com.abiquo.api.rest.protocol.AbiquoMediaTypes;
import com.abiquo.api.rest.protocol.Bodies;
import com.abiquo.api.rest.protocol.CollectionDto;
import com.abiquo.api.rest.protocol.Collections;
import com.abiquo.api.rest.protocol.Ids;
import com.abiquo.api.rest.protocol.Links;
import com.abiquo.api.rest.protocol.PagingParams;
import com.abiquo.api.security.Requires;
import com.abiquo.security.Privilege;
import com.abiquo.tenancy.ScopeService;

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

/** {@code /api/admin/scopes}: which datacenters and enterprises administrators' roles reach. */
@Path("admin/scopes")
@RequestScoped
public class ScopeResource {

    @Inject
    ScopeService scopes;

    @Context
    UriInfo uriInfo;

    @GET
    @Produces({ScopeDto.COLLECTION_TYPE, AbiquoMediaTypes.JSON})
    @Requires({Privilege.USERS_MANAGE_SCOPES, Privilege.USERS_MANAGE_SYSTEM_ROLES})
    public CollectionDto<ScopeDto> list(@BeanParam PagingParams paging) {
        Links links = Links.of(uriInfo);
        return Collections.of(scopes.list(paging.toRequest()), s -> ScopeDto.from(s, links), uriInfo,
                ScopeDto.COLLECTION_TYPE);
    }

    @POST
    @Consumes({ScopeDto.TYPE, AbiquoMediaTypes.JSON})
    @Produces({ScopeDto.TYPE, AbiquoMediaTypes.JSON})
    @Requires(Privilege.USERS_MANAGE_SCOPES)
    public Response create(ScopeDto body) {
        Bodies.require(body);
        ScopeDto dto = ScopeDto.from(scopes.create(body.name.trim(), body.automaticAddDatacenter,
                body.automaticAddEnterprise), Links.of(uriInfo));
        return Response.status(Response.Status.CREATED).entity(dto).build();
    }

    @GET
    @Path("{scope}")
    @Produces({ScopeDto.TYPE, AbiquoMediaTypes.JSON})
    @Requires({Privilege.USERS_MANAGE_SCOPES, Privilege.USERS_MANAGE_SYSTEM_ROLES})
    public ScopeDto get(@PathParam("scope") String id) {
        return ScopeDto.from(scopes.get(Ids.parse(id)), Links.of(uriInfo));
    }

    @PUT
    @Path("{scope}")
    @Consumes({ScopeDto.TYPE, AbiquoMediaTypes.JSON})
    @Produces({ScopeDto.TYPE, AbiquoMediaTypes.JSON})
    @Requires(Privilege.USERS_MANAGE_SCOPES)
    public ScopeDto update(@PathParam("scope") String id, ScopeDto body) {
        Bodies.require(body);
        return ScopeDto.from(scopes.update(Ids.parse(id), body.name.trim(), body.automaticAddDatacenter,
                body.automaticAddEnterprise), Links.of(uriInfo));
    }

    @DELETE
    @Path("{scope}")
    @Requires(Privilege.USERS_MANAGE_SCOPES)
    public void delete(@PathParam("scope") String id) {
        scopes.delete(Ids.parse(id));
    }
}
