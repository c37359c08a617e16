package com.abiquo.api.rest.tenancy;

import com.abiquo.api.rest.protocol.AbiquoMediaTypes;
import com.abiquo.api.rest.protocol.LinkDto;
import com.abiquo.api.rest.protocol.Links;
import com.abiquo.tenancy.Enterprise;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** {@code enterprise+json}: {@code {id, name, <limits>, isReservationRestricted, links}}. */
public class EnterpriseDto extends LimitsDto {
    public static final String TYPE = AbiquoMediaTypes.PREFIX + "enterprise+json";
    public static final String COLLECTION_TYPE = AbiquoMediaTypes.PREFIX + "enterprises+json";

    public Integer id;

    @NotBlank
    @Size(max = 40)
    public String name;

    public boolean isReservationRestricted;

    public static EnterpriseDto from(Enterprise e, Links links) {
        EnterpriseDto dto = new EnterpriseDto();
        dto.id = e.getId();
        dto.name = e.getName();
        dto.isReservationRestricted = e.isReservationRestricted();
        dto.fillLimits(e.getLimits());
        String self = path(e.getId());
        dto.add(links.titled("edit", TYPE, e.getName(), self));
        dto.add(links.link("users", UserDto.COLLECTION_TYPE, self + "/users"));
        dto.add(links.link("limits", LimitDto.COLLECTION_TYPE, self + "/limits"));
        dto.add(links.link("properties", EnterprisePropertiesDto.TYPE, self + "/properties"));
        return dto;
    }

    /** The link children (users, limits, roles) carry to their enterprise. */
    public static LinkDto link(Links links, Enterprise e) {
        return links.titled("enterprise", TYPE, e.getName(), path(e.getId()));
    }

    static String path(Integer enterpriseId) {
        return "admin/enterprises/" + enterpriseId;
    }
}
