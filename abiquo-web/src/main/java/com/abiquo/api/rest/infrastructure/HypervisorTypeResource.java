package com.abiquo.api.rest.infrastructure;

import java.util.Arrays;
import java.util.List;

import com.abiquo.api.rest.protocol.AbiquoMediaTypes;
import com.abiquo.api.rest.protocol.CollectionDto;
import com.abiquo.api.rest.protocol.Collections;
import com.abiquo.api.rest.protocol.Links;
import com.abiquo.api.security.Requires;
import com.abiquo.error.ApiError;
import com.abiquo.error.ApiException;
import com.abiquo.infrastructure.HypervisorType;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;

/** {@code /api/config/hypervisortypes}: every hypervisor type, by name, for any user. */
@Path("config/hypervisortypes")
@RequestScoped
public class HypervisorTypeResource {

    @Context
    UriInfo uriInfo;

    @GET
    @Produces({HypervisorTypeDto.COLLECTION_TYPE, AbiquoMediaTypes.JSON})
    @Requires
    public CollectionDto<HypervisorTypeDto> all() {
        return collection(uriInfo, Arrays.asList(HypervisorType.values()));
    }

    @GET
    @Path("{name}")
    @Produces({HypervisorTypeDto.TYPE, AbiquoMediaTypes.JSON})
    @Requires
    public HypervisorTypeDto get(@PathParam("name") String name) {
        HypervisorType type = HypervisorType.byName(name)
                .orElseThrow(() -> ApiException.of(ApiError.HYPERVISOR_TYPE_NOT_FOUND, name));
        return HypervisorTypeDto.from(type, Links.of(uriInfo));
    }

    /** Hypervisor types as a collection; also what a datacenter's {@code hypervisors} link answers. */
    static CollectionDto<HypervisorTypeDto> collection(UriInfo uriInfo, List<HypervisorType> types) {
        Links links = Links.of(uriInfo);
        return Collections.of(types, t -> HypervisorTypeDto.from(t, links), uriInfo, HypervisorTypeDto.COLLECTION_TYPE);
    }
}
