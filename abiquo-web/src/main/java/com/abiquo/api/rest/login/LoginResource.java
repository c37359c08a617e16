package com.abiquo.api.rest.login;

import com.abiquo.api.rest.protocol.AbiquoMediaTypes;
import com.abiquo.api.rest.protocol.Links;
import com.abiquo.api.rest.tenancy.UserDto;
import com.abiquo.api.security.Requires;
import com.abiquo.tenancy.UserService;

import jakarta.enterprise.context.RequestScoped;
import jakarta.transaction.Transactional;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;

/**
 * {@code GET /api/login}: who the credentials belong to, as {@code user+json} (also with no Accept
 * header). The response carries {@code X-Abiquo-Token} and the {@code auth} cookie.
 */
@Path("login")
@RequestScoped
@Transactional
public class LoginResource {

    @Inject
    UserService users;

    @Context
    UriInfo uriInfo;

    @GET
    @Produces({UserDto.TYPE, AbiquoMediaTypes.JSON})
    @Requires
    public UserDto login() {
        return UserDto.from(users.current(), Links.of(uriInfo));
    }
}
