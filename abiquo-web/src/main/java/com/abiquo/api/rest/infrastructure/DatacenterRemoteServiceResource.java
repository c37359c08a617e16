package com.abiquo.api.rest.infrastructure;

import com.abiquo.api.rest.protocol.AbiquoMediaTypes;
import com.abiquo.api.rest.protocol.CollectionDto;
import com.abiquo.api.rest.protocol.Collections;
import com.abiquo.api.rest.protocol.Ids;
import com.abiquo.api.rest.protocol.Links;
import com.abiquo.api.security.Requires;
import com.abiquo.infrastructure.RemoteServiceService;
import com.abiquo.security.Privilege;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;

/**
 * {@code /api/admin/datacenters/{dc}/remoteservices[/{TYPE}]}: a datacenter's remote services,
 * all or the one of a type ({@code VIRTUAL_FACTORY} or {@code virtualfactory}).
 */
@Path("admin/datacenters/{datacenter}/remoteservices")
@RequestScoped
public class DatacenterRemoteServiceResource {

    @Inject
    RemoteServiceService remoteServices;

    @Context
    UriInfo uriInfo;

    @GET
        @Produces({RemoteServiceDto.COLLECTION_TYPE, AbiquoMediaTypes.JSON})
    @Requires({Privilege.PHYS_DC_ENUMERATE, Privilege.PHYS_DC_RETRIEVE_DETAILS})
    public CollectionDto<RemoteServiceDto> ofDatacenter(@PathParam("datacenter") String datacenter) {
        Links links = Links.of(uriInfo);
        return Collections.of(remoteServices.list(Ids.parse(datacenter)), r -> RemoteServiceDto.from(r, links), uriInfo,
                RemoteServiceDto.COLLECTION_TYPE);
    }

    @GET
    @Path("{type}")
    @Produces({RemoteServiceDto.TYPE, AbiquoMediaTypes.JSON})
    @Requires({Privilege.PHYS_DC_ENUMERATE, Privilege.PHYS_DC_RETRIEVE_DETAILS})
    public RemoteServiceDto byType(@PathParam("datacenter") String datacenter, @PathParam("type") String type) {
        return RemoteServiceDto.from(remoteServices.byType(Ids.parse(datacenter), type), Links.of(uriInfo));
    }
}
