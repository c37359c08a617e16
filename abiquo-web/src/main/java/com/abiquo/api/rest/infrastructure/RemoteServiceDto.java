package com.abiquo.api.rest.infrastructure;

import com.abiquo.api.rest.protocol.AbiquoMediaTypes;
import com.abiquo.api.rest.protocol.Links;
import com.abiquo.api.rest.protocol.RestDto;
import com.abiquo.infrastructure.RemoteService;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * {@code remoteservice+json}: {@code {id, uuid, uri, type, status, links}}; created with a
 * {@code datacenter} link. Status 1 is up, 0 down (as its last check found).
 */
public class RemoteServiceDto extends RestDto {
    public static final String TYPE = AbiquoMediaTypes.PREFIX + "remoteservice+json";
    public static final String COLLECTION_TYPE = AbiquoMediaTypes.PREFIX + "remoteservices+json";

    public Integer id;

    public String uuid;

    @NotBlank
    @Size(max = 255)
    public String uri;

    @NotBlank
    @Size(max = 40)
    public String type;

    @Min(0)
    @Max(1)
    public Integer status;

    public static RemoteServiceDto from(RemoteService rs, Links links) {
        RemoteServiceDto dto = new RemoteServiceDto();
        dto.id = rs.getId();
        dto.uuid = rs.getUuid();
        dto.uri = rs.getUri();
        dto.type = rs.getType().name();
        dto.status = rs.getStatus();
        String self = "admin/remoteservices/" + rs.getId();
        dto.add(links.titled("edit", TYPE, rs.getType().name(), self));
        dto.add(links.link("check", AbiquoMediaTypes.JSON, self + "/action/check"));
        dto.add(DatacenterDto.link(links, rs.getDatacenter()));
        return dto;
    }
}
