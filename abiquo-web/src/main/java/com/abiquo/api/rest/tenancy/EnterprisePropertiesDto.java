package com.abiquo.api.rest.tenancy;

import java.util.Map;
import java.util.TreeMap;

import com.abiquo.api.rest.protocol.AbiquoMediaTypes;
import com.abiquo.api.rest.protocol.Links;
import com.abiquo.api.rest.protocol.RestDto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** {@code enterpriseproperties+json}: {@code {properties:{key:value}, links}}; a PUT replaces them all. */
public class EnterprisePropertiesDto extends RestDto {
    public static final String TYPE = AbiquoMediaTypes.PREFIX + "enterpriseproperties+json";

    @NotNull
    @Size(max = 500)
    public Map<@NotBlank @Size(max = 64) String, @NotNull @Size(max = 255) String> properties;

    public static EnterprisePropertiesDto from(Integer enterpriseId, Map<String, String> properties, Links links) {
        EnterprisePropertiesDto dto = new EnterprisePropertiesDto();
        dto.properties = new TreeMap<>(properties);
        String enterprise = EnterpriseDto.path(enterpriseId);
        dto.add(links.link("edit", TYPE, enterprise + "/properties"));
        dto.add(links.link("enterprise", EnterpriseDto.TYPE, enterprise));
        return dto;
    }
}
