package com.abiquo.api.rest.tenancy;

import com.abiquo.api.rest.protocol.AbiquoMediaTypes;
import com.abiquo.api.rest.protocol.LinkDto;
import com.abiquo.api.rest.protocol.Links;
import com.abiquo.api.rest.protocol.RestDto;
import com.abiquo.tenancy.Scope;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** {@code scope+json}: {@code {id, name, automaticAddDatacenter, automaticAddEnterprise, links}}. */
public class ScopeDto extends RestDto {
    public static final String TYPE = AbiquoMediaTypes.PREFIX + "scope+json";
    public static final String COLLECTION_TYPE = AbiquoMediaTypes.PREFIX + "scopes+json";
    static final String TEMPLATE = "admin/scopes/{id}";

    public Integer id;

    @NotBlank
    @Size(max = 60)
    public String name;

    public boolean automaticAddDatacenter;
    public boolean automaticAddEnterprise;

    public static ScopeDto from(Scope s, Links links) {
        ScopeDto dto = new ScopeDto();
        dto.id = s.getId();
        dto.name = s.getName();
        dto.automaticAddDatacenter = s.isAutomaticAddDatacenter();
        dto.automaticAddEnterprise = s.isAutomaticAddEnterprise();
        dto.add(links.titled("edit", TYPE, s.getName(), "admin/scopes/%d", s.getId()));
        return dto;
    }

    public static LinkDto link(Links links, Scope s) {
        return links.titled("scope", TYPE, s.getName(), "admin/scopes/%d", s.getId());
    }
}
