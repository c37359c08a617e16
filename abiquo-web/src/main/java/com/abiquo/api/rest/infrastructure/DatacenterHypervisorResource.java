package com.abiquo.api.rest.infrastructure;

import com.abiquo.api.rest.protocol.AbiquoMediaTypes;
import com.abiquo.api.rest.protocol.CollectionDto;
import com.abiquo.api.rest.protocol.Ids;
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

/** {@code /api/admin/datacenters/{dc}/hypervisors}: the hypervisor types of the datacenter's machines. */
@Path("admin/datacenters/{datacenter}/hypervisors")
@RequestScoped
public class DatacenterHypervisorResource {

    @Inject
    DatacenterService datacenters;

    @Context
    UriInfo uriInfo;

    @GET
    @Produces({HypervisorTypeDto.COLLECTION_TYPE, AbiquoMediaTypes.JSON})
    @Requires({Privilege.PHYS_DC_ENUMERATE, Privilege.PHYS_DC_RETRIEVE_DETAILS})
    public CollectionDto<HypervisorTypeDto> list(@PathParam("datacenter") String datacenter) {
        return HypervisorTypeResource.collection(uriInfo, datacenters.hypervisorTypes(Ids.parse(datacenter)));
    }
}
