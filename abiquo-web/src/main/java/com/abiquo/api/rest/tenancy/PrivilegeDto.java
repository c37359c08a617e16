package com.abiquo.api.rest.tenancy;

import com.abiquo.api.rest.protocol.AbiquoMediaTypes;
import com.abiquo.api.rest.protocol.LinkDto;
import com.abiquo.api.rest.protocol.Links;
import com.abiquo.api.rest.protocol.RestDto;
import com.abiquo.security.Privilege;

/** {@code privilege+json}: {@code {id, name, links:[self]}}, read-only. */
public class PrivilegeDto extends RestDto {
    public static final String TYPE = AbiquoMediaTypes.PREFIX + "privilege+json";
    public static final String COLLECTION_TYPE = AbiquoMediaTypes.PREFIX + "privileges+json";

    public Integer id;
    public String name;

    public static PrivilegeDto from(Privilege p, Links links) {
        PrivilegeDto dto = new PrivilegeDto();
        dto.id = p.id();
        dto.name = p.name();
        dto.add(link(links, "self", p));
        return dto;
    }

    public static LinkDto link(Links links, String rel, Privilege p) {
        return links.titled(rel, TYPE, p.name(), "config/privileges/%d", p.id());
    }
}
