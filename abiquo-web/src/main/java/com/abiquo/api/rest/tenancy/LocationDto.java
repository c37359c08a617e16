package com.abiquo.api.rest.tenancy;

import com.abiquo.api.rest.protocol.AbiquoMediaTypes;
import com.abiquo.api.rest.protocol.Links;
import com.abiquo.api.rest.protocol.RestDto;
import com.abiquo.infrastructure.Datacenter;

/**
 * A datacenter seen from the cloud ({@code datacenter+json} or, for clients that ask for public
 * cloud regions, {@code publiccloudregion+json}): {@code {id, name, location, links}}.
 */
public class LocationDto extends RestDto {
    public static final String TYPE = AbiquoMediaTypes.PREFIX + "datacenter+json";
    public static final String COLLECTION_TYPE = AbiquoMediaTypes.PREFIX + "datacenters+json";
    public static final String REGION_TYPE = AbiquoMediaTypes.PREFIX + "publiccloudregion+json";
    public static final String REGIONS_TYPE = AbiquoMediaTypes.PREFIX + "publiccloudregions+json";
    public static final String LOCATION_TYPE = AbiquoMediaTypes.PREFIX + "location+json";

    public Integer id;
    public String name;
    public String location;

    public static LocationDto from(Datacenter dc, Links links) {
        LocationDto dto = new LocationDto();
        dto.id = dc.getId();
        dto.name = dc.getName();
        dto.location = dc.getLocation();
        String self = "cloud/locations/" + dc.getId();
        dto.add(links.titled("edit", TYPE, dc.getName(), self));
        dto.add(links.titled("self", TYPE, dc.getName(), self));
        // what a virtual datacenter is created with
        dto.add(links.titled("location", LOCATION_TYPE, dc.getName(), self));
        return dto;
    }
}
