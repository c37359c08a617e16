package com.abiquo.api.rest.tenancy;

import com.abiquo.api.rest.protocol.AbiquoMediaTypes;
import com.abiquo.api.rest.protocol.CollectionDto;
import com.abiquo.api.rest.protocol.Collections;
import com.abiquo.api.rest.protocol.Ids;
import com.abiquo.api.rest.protocol.Links;
import com.abiquo.api.rest.protocol.PagingParams;
import com.abiquo.api.security.Requires;
import com.abiquo.tenancy.LocationService;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;

/**
 * {@code /api/cloud/locations}: the datacenters the caller's enterprise may use. Answers both as
 * datacenters and as public cloud regions (Ansible asks for both on the same URL).
 */
@Path("cloud/locations")
@RequestScoped
public class LocationResource {

    @Inject
    LocationService locations;

    @Context
    UriInfo uriInfo;

    @GET
    @Produces({LocationDto.COLLECTION_TYPE, LocationDto.REGIONS_TYPE, AbiquoMediaTypes.JSON})
    @Requires
    public CollectionDto<LocationDto> list(@BeanParam PagingParams paging) {
        Links links = Links.of(uriInfo);
        return Collections.of(locations.list(paging.toRequest()), dc -> LocationDto.from(dc, links), uriInfo,
                LocationDto.COLLECTION_TYPE);
    }

    @GET
    @Path("{location}")
    @Produces({LocationDto.TYPE, LocationDto.REGION_TYPE, LocationDto.LOCATION_TYPE, AbiquoMediaTypes.JSON})
    @Requires
    public LocationDto get(@PathParam("location") String id) {
        return LocationDto.from(locations.get(Ids.parse(id)), Links.of(uriInfo));
    }
}
