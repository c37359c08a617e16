package com.abiquo.api.rest.cloud;

import com.abiquo.api.rest.protocol.AbiquoMediaTypes;
import com.abiquo.api.rest.protocol.Links;
import com.abiquo.api.rest.protocol.RestDto;
import com.abiquo.infrastructure.Datacenter;

/** {@code datacenterrepository+json}: {id (the datacenter's), name, links}. */
public class DatacenterRepositoryDto extends RestDto {
    public static final String TYPE = AbiquoMediaTypes.PREFIX + "datacenterrepository+json";
    public static final String COLLECTION_TYPE = AbiquoMediaTypes.PREFIX + "datacenterrepositories+json";

    public Integer id;
    public String name;

    public static DatacenterRepositoryDto from(Integer enterpriseId, Datacenter dc, Links links) {
        DatacenterRepositoryDto dto = new DatacenterRepositoryDto();
        dto.id = dc.getId();
        dto.name = dc.getName();
        String self = CloudPaths.repository(enterpriseId, dc.getId());
        dto.add(links.titled("edit", TYPE, dc.getName(), self));
        dto.add(links.link("virtualmachinetemplates", VirtualMachineTemplateDto.COLLECTION_TYPE,
                self + "/virtualmachinetemplates"));
        dto.add(links.link("refresh", TYPE, self + "/actions/refresh"));
        dto.add(links.titled("location", AbiquoMediaTypes.of("location"), dc.getName(), "cloud/locations/" + dc.getId()));
        dto.add(links.link("enterprise", AbiquoMediaTypes.of("enterprise"), "admin/enterprises/" + enterpriseId));
        return dto;
    }
}
