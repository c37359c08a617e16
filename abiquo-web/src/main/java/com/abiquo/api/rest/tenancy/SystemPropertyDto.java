package com.abiquo.api.rest.tenancy;

import com.abiquo.api.rest.protocol.AbiquoMediaTypes;
import com.abiquo.api.rest.protocol.Links;
import com.abiquo.api.rest.protocol.RestDto;
import com.abiquo.tenancy.SystemProperty;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** {@code systemproperty+json}: {@code {name, value, description, links}}; only the value is written. */
public class SystemPropertyDto extends RestDto {
    public static final String TYPE = AbiquoMediaTypes.PREFIX + "systemproperty+json";
    public static final String COLLECTION_TYPE = AbiquoMediaTypes.PREFIX + "systemproperties+json";

    public String name;

    @NotNull
    @Size(max = 1024)
    public String value;

    public String description;

    public static SystemPropertyDto from(SystemProperty p, Links links) {
        SystemPropertyDto dto = new SystemPropertyDto();
        dto.name = p.getName();
        dto.value = p.getValue();
        dto.description = p.getDescription();
        dto.add(links.titled("edit", TYPE, p.getName(), "config/properties/%s", p.getName()));
        return dto;
    }
}
