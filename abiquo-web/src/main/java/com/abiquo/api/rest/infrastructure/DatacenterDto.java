package com.abiquo.api.rest.infrastructure;

import com.abiquo.api.rest.protocol.AbiquoMediaTypes;
import com.abiquo.api.rest.protocol.Links;
import com.abiquo.api.rest.protocol.RestDto;
import com.abiquo.infrastructure.Datacenter;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** {@code datacenter+json}: {@code {id, name, location, uuid, links}}. */
public class DatacenterDto extends RestDto {
    public static final String TYPE = AbiquoMediaTypes.PREFIX + "datacenter+json";
    public static final String COLLECTION_TYPE = AbiquoMediaTypes.PREFIX + "datacenters+json";

    public Integer id;

    @NotBlank
    @Size(max = 40)
    public String name;

    @NotBlank
    @Size(max = 255)
    public String location;

    public String uuid;

    public static DatacenterDto from(Datacenter dc, Links links) {
        DatacenterDto dto = new DatacenterDto();
        dto.id = dc.getId();
        dto.name = dc.getName();
        dto.location = dc.getLocation();
        dto.uuid = dc.getUuid();
        String self = "admin/datacenters/" + dc.getId();
        dto.add(links.titled("edit", TYPE, dc.getName(), self));
        dto.add(links.link("racks", RackDto.COLLECTION_TYPE, self + "/racks"));
        dto.add(links.link("remoteservices", RemoteServiceDto.COLLECTION_TYPE, self + "/remoteservices"));
        dto.add(links.link("hypervisors", HypervisorTypeDto.COLLECTION_TYPE, self + "/hypervisors"));
        dto.add(links.link("networkservicetypes", NetworkServiceTypeDto.COLLECTION_TYPE, self + "/networkservicetypes"));
        dto.add(links.link("discover", MachineDto.TYPE, self + "/action/discover"));
        dto.add(links.titled("location", AbiquoMediaTypes.of("location"), dc.getName(), "cloud/locations/" + dc.getId()));
        return dto;
    }

    /** The link a child (rack, remote service, limit) carries to its datacenter. */
    public static com.abiquo.api.rest.protocol.LinkDto link(Links links, Datacenter dc) {
        return links.titled("datacenter", TYPE, dc.getName(), "admin/datacenters/%d", dc.getId());
    }
}
