package com.abiquo.api.rest.infrastructure;

import com.abiquo.api.rest.protocol.AbiquoMediaTypes;
import com.abiquo.api.rest.protocol.CollectionDto;
import com.abiquo.api.rest.protocol.Collections;
import com.abiquo.api.rest.protocol.Ids;
import com.abiquo.api.rest.protocol.Links;
import com.abiquo.api.security.Requires;
import com.abiquo.infrastructure.DatacenterService;
import com.abiquo.security.Privilege;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;

/** {@code /api/admin/datacenters/{dc}/networkservicetypes}: what a machine's NICs may serve. */
@Path("admin/datacenters/{datacenter}/networkservicetypes")
@RequestScoped
public class NetworkServiceTypeResource {

    @Inject
    DatacenterService datacenters;

    @Context
    UriInfo uriInfo;

    @GET
    @Produces({NetworkServiceTypeDto.COLLECTION_TYPE, AbiquoMediaTypes.JSON})
    @Requires({Privilege.PHYS_DC_ENUMERATE, Privilege.PHYS_DC_RETRIEVE_DETAILS})
    public CollectionDto<NetworkServiceTypeDto> list(@PathParam("datacenter") String datacenter) {
        Links links = Links.of(uriInfo);
        return Collections.of(datacenters.networkServiceTypes(Ids.parse(datacenter)),
                n -> NetworkServiceTypeDto.from(n, links), uriInfo, NetworkServiceTypeDto.COLLECTION_TYPE);
    }

    @GET
    @Path("{nst}")
    @Produces({NetworkServiceTypeDto.TYPE, AbiquoMediaTypes.JSON})
    @Requires({Privilege.PHYS_DC_ENUMERATE, Privilege.PHYS_DC_RETRIEVE_DETAILS})
    public NetworkServiceTypeDto get(@PathParam("datacenter") String datacenter, @PathParam("nst") String nst) {
        return NetworkServiceTypeDto.from(datacenters.networkServiceType(Ids.parse(datacenter), Ids.parse(nst)),
                Links.of(uriInfo));
    }
}
