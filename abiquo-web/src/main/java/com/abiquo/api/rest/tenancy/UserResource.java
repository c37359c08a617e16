package com.abiquo.api.rest.tenancy;

import com.abiquo.api.rest.cloud.PendingTaskResource;
import com.abiquo.api.rest.cloud.TaskDto;
import com.abiquo.task.Tasks;
import com.abiquo.tenancy.User;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import com.abiquo.api.rest.protocol.AbiquoMediaTypes;
import com.abiquo.api.rest.protocol.Bodies;
import com.abiquo.api.rest.protocol.CollectionDto;
import com.abiquo.api.rest.protocol.Collections;
import com.abiquo.api.rest.protocol.Ids;
import com.abiquo.api.rest.protocol.Links;
import com.abiquo.api.rest.protocol.PagingParams;
import com.abiquo.api.security.Requires;
import com.abiquo.error.ApiError;
import com.abiquo.error.ApiException;
import com.abiquo.security.Privilege;
import com.abiquo.tenancy.UserService;

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
 * {@code /api/admin/enterprises/{e}/users}. Reading and editing one user is open to that user
 * themselves (the service decides what they may change); the rest needs user management.
 */
@Path("admin/enterprises/{enterprise}/users")
@RequestScoped
public class UserResource {

    @Inject
    com.abiquo.cloud.CloudAccess access;

    @Inject
    UserService users;

    @Inject
    Tasks tasks;

    @PersistenceContext
    EntityManager em;

    @Context
    UriInfo uriInfo;

    @GET
    @Produces({UserDto.COLLECTION_TYPE, AbiquoMediaTypes.JSON})
    @Requires(Privilege.USERS_VIEW)
    public CollectionDto<UserDto> list(@PathParam("enterprise") String enterprise, @BeanParam PagingParams paging) {
        Links links = Links.of(uriInfo);
        return Collections.of(users.list(Ids.parse(enterprise), paging.toRequest()), u -> UserDto.from(u, links),
                uriInfo, UserDto.COLLECTION_TYPE);
    }

    @POST
    @Consumes({UserDto.TYPE, AbiquoMediaTypes.JSON})
    @Produces({UserDto.TYPE, AbiquoMediaTypes.JSON})
    @Requires(Privilege.USERS_MANAGE_USERS)
    public Response create(@PathParam("enterprise") String enterprise, UserDto body) {
        Bodies.require(body);
        Integer role = body.roleId();
        if (role == null) {
            throw ApiException.of(ApiError.MISSING_LINK, "role");
        }
        UserDto dto = UserDto.from(users.create(Ids.parse(enterprise), body.profile(), role, body.password),
                Links.of(uriInfo));
        return Response.status(Response.Status.CREATED).entity(dto).build();
    }

    @GET
    @Path("{user}/action/pendingtasks")
    @Produces({TaskDto.COLLECTION_TYPE, AbiquoMediaTypes.JSON})
    @Requires(Privilege.VDC_ENUMERATE)
    @Transactional
    public CollectionDto<TaskDto> pendingTasks(@PathParam("enterprise") String enterprise, @PathParam("user") String id) {
        User user = users.get(Ids.parse(enterprise), Ids.parse(id));
        return PendingTaskResource.dtos(tasks.pending(user.getEnterprise().getId(), user.getId()), em, uriInfo, access);
    }

    @GET
    @Path("{user}")
    @Produces({UserDto.TYPE, AbiquoMediaTypes.JSON})
    @Requires
    public UserDto get(@PathParam("enterprise") String enterprise, @PathParam("user") String id) {
        return UserDto.from(users.get(Ids.parse(enterprise), Ids.parse(id)), Links.of(uriInfo));
    }

    @PUT
    @Path("{user}")
    @Consumes({UserDto.TYPE, AbiquoMediaTypes.JSON})
    @Produces({UserDto.TYPE, AbiquoMediaTypes.JSON})
    @Requires
    public UserDto update(@PathParam("enterprise") String enterprise, @PathParam("user") String id, UserDto body) {
        Bodies.require(body);
        return UserDto.from(users.update(Ids.parse(enterprise), Ids.parse(id), body.profile(), body.roleId(),
                body.password), Links.of(uriInfo));
    }

    @DELETE
    @Path("{user}")
    @Requires(Privilege.USERS_MANAGE_USERS)
    public void delete(@PathParam("enterprise") String enterprise, @PathParam("user") String id) {
        users.delete(Ids.parse(enterprise), Ids.parse(id));
    }
}
