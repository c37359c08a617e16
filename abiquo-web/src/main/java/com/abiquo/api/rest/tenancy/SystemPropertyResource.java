package com.abiquo.api.rest.tenancy;

import com.abiquo.api.rest.protocol.AbiquoMediaTypes;
import com.abiquo.api.rest.protocol.Bodies;
import com.abiquo.api.rest.protocol.CollectionDto;
import com.abiquo.api.rest.protocol.Collections;
import com.abiquo.api.rest.protocol.Links;
import com.abiquo.api.rest.protocol.PagingParams;
import com.abiquo.api.security.Requires;
import com.abiquo.security.Privilege;
import com.abiquo.tenancy.SystemPropertyService;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;

/**
 * {@code /api/config/properties}: system properties. Any authenticated caller reads (the service
 * hides all but {@code client.*} from those without SYSCONFIG_VIEW); one property is changed at
 * {@code /config/properties/{name}}.
 */
@Path("config/properties")
@RequestScoped
public class SystemPropertyResource {

    @Inject
    SystemPropertyService properties;

    @Context
    UriInfo uriInfo;

    @GET
    @Produces({SystemPropertyDto.COLLECTION_TYPE, AbiquoMediaTypes.JSON})
    @Requires
    public CollectionDto<SystemPropertyDto> list(@QueryParam("name") String name,
            @QueryParam("component") String component, @BeanParam PagingParams paging) {
        Links links = Links.of(uriInfo);
        return Collections.of(properties.list(name, component, paging.toRequest()),
                p -> SystemPropertyDto.from(p, links), uriInfo, SystemPropertyDto.COLLECTION_TYPE);
    }

    @GET
    @Path("{name}")
    @Produces({SystemPropertyDto.TYPE, AbiquoMediaTypes.JSON})
    @Requires
    public SystemPropertyDto get(@PathParam("name") String name) {
        return SystemPropertyDto.from(properties.get(name), Links.of(uriInfo));
    }

    @PUT
    @Path("{name}")
    @Consumes({SystemPropertyDto.TYPE, AbiquoMediaTypes.JSON})
    @Produces({SystemPropertyDto.TYPE, AbiquoMediaTypes.JSON})
    @Requires(Privilege.SYSCONFIG_ALLOW_MODIFY)
    public SystemPropertyDto update(@PathParam("name") String name, SystemPropertyDto body) {
        Bodies.require(body);
        return SystemPropertyDto.from(properties.update(name, body.value), Links.of(uriInfo));
    }
}
