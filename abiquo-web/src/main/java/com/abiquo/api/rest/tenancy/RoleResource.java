package com.abiquo.api.rest.tenancy;

import java.util.List;

import com.abiquo.api.rest.protocol.AbiquoMediaTypes;
import com.abiquo.api.rest.protocol.Bodies;
import com.abiquo.api.rest.protocol.CollectionDto;
import com.abiquo.api.rest.protocol.Collections;
import com.abiquo.api.rest.protocol.Ids;
import com.abiquo.api.rest.protocol.Links;
import com.abiquo.api.rest.protocol.PagingParams;
import com.abiquo.api.security.Requires;
import com.abiquo.security.Privilege;
import com.abiquo.tenancy.RoleService;

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
 * {@code /api/admin/roles}: global roles and enterprises' own roles. The service keeps anybody
 * from giving privileges they do not hold.
 */
@Path("admin/roles")
@RequestScoped
public class RoleResource {

    @Inject
    RoleService roles;

    @Context
    UriInfo uriInfo;

    @GET
    @Produces({RoleDto.COLLECTION_TYPE, AbiquoMediaTypes.JSON})
    @Requires({Privilege.USERS_VIEW, Privilege.USERS_VIEW_PRIVILEGES, Privilege.USERS_MANAGE_ROLES})
    public CollectionDto<RoleDto> list(@BeanParam PagingParams paging) {
        Links links = Links.of(uriInfo);
        return Collections.of(roles.list(paging.toRequest()), r -> RoleDto.from(r, links), uriInfo,
                RoleDto.COLLECTION_TYPE);
    }

    @POST
    @Consumes({RoleDto.TYPE, AbiquoMediaTypes.JSON})
    @Produces({RoleDto.TYPE, AbiquoMediaTypes.JSON})
    @Requires(Privilege.USERS_MANAGE_ROLES)
    public Response create(RoleDto body) {
        Bodies.require(body);
        RoleDto dto = RoleDto.from(roles.create(body.definition()), Links.of(uriInfo));
        return Response.status(Response.Status.CREATED).entity(dto).build();
    }

    @GET
    @Path("{role}")
    @Produces({RoleDto.TYPE, AbiquoMediaTypes.JSON})
    @Requires({Privilege.USERS_VIEW, Privilege.USERS_VIEW_PRIVILEGES, Privilege.USERS_MANAGE_ROLES})
    public RoleDto get(@PathParam("role") String id) {
        return RoleDto.from(roles.get(Ids.parse(id)), Links.of(uriInfo));
    }

    @PUT
    @Path("{role}")
    @Consumes({RoleDto.TYPE, AbiquoMediaTypes.JSON})
    @Produces({RoleDto.TYPE, AbiquoMediaTypes.JSON})
    @Requires(Privilege.USERS_MANAGE_ROLES)
    public RoleDto update(@PathParam("role") String id, RoleDto body) {
        Bodies.require(body);
        return RoleDto.from(roles.update(Ids.parse(id), body.definition()), Links.of(uriInfo));
    }

    @DELETE
    @Path("{role}")
    @Requires(Privilege.USERS_MANAGE_ROLES)
    public void delete(@PathParam("role") String id) {
        roles.delete(Ids.parse(id));
    }

    @GET
    @Path("{role}/action/privileges")
    @Produces({PrivilegeDto.COLLECTION_TYPE, AbiquoMediaTypes.JSON})
    @Requires({Privilege.USERS_VIEW, Privilege.USERS_VIEW_PRIVILEGES, Privilege.USERS_MANAGE_ROLES})
    public CollectionDto<PrivilegeDto> privileges(@PathParam("role") String id) {
        Links links = Links.of(uriInfo);
        List<PrivilegeDto> all = roles.get(Ids.parse(id)).getPrivileges().stream().sorted()
                .map(p -> PrivilegeDto.from(p, links)).toList();
        return Collections.of(all, uriInfo, PrivilegeDto.COLLECTION_TYPE);
    }
}
