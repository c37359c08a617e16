package com.abiquo.api.rest.infrastructure;

import java.util.Arrays;
import java.util.List;

import com.abiquo.api.rest.protocol.AbiquoMediaTypes;
import com.abiquo.api.rest.protocol.CollectionDto;
import com.abiquo.api.rest.protocol.Collections;
import com.abiquo.api.rest.protocol.Ids;
import com.abiquo.api.rest.protocol.Links;
import com.abiquo.api.security.Requires;
import com.abiquo.error.ApiError;
import com.abiquo.error.ApiException;
import com.abiquo.infrastructure.DatacenterService;
import com.abiquo.infrastructure.HypervisorType;
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
 * Hypervisor types, identified by name: all of them ({@code /config/hypervisortypes}, for any
 * user) and those of a datacenter's machines ({@code /admin/datacenters/{dc}/hypervisors}).
 */
@Path("/")
@RequestScoped
public class HypervisorTypeResource {

    @Inject
    DatacenterService datacenters;

    @Context
    UriInfo uriInfo;

    @GET
    @Path("config/hypervisortypes")
    @Produces({HypervisorTypeDto.COLLECTION_TYPE, AbiquoMediaTypes.JSON})
    @Requires
    public CollectionDto<HypervisorTypeDto> all() {
        return collection(Arrays.asList(HypervisorType.values()));
    }

    @GET
    @Path("config/hypervisortypes/{name}")
    @Produces({HypervisorTypeDto.TYPE, AbiquoMediaTypes.JSON})
    @Requires
    public HypervisorTypeDto get(@PathParam("name") String name) {
        HypervisorType type = HypervisorType.byName(name)
                .orElseThrow(() -> ApiException.of(ApiError.HYPERVISOR_TYPE_NOT_FOUND, name));
        return HypervisorTypeDto.from(type, Links.of(uriInfo));
    }

    @GET
    @Path("admin/datacenters/{datacenter}/hypervisors")
    @Produces({HypervisorTypeDto.COLLECTION_TYPE, AbiquoMediaTypes.JSON})
    @Requires({Privilege.PHYS_DC_ENUMERATE, Privilege.PHYS_DC_RETRIEVE_DETAILS})
    public CollectionDto<HypervisorTypeDto> ofDatacenter(@PathParam("datacenter") String datacenter) {
        return collection(datacenters.hypervisorTypes(Ids.parse(datacenter)));
    }

    private CollectionDto<HypervisorTypeDto> collection(List<HypervisorType> types) {
        Links links = Links.of(uriInfo);
        return Collections.of(types.stream().map(t -> HypervisorTypeDto.from(t, links)).toList(), uriInfo,
                HypervisorTypeDto.COLLECTION_TYPE);
    }
}
