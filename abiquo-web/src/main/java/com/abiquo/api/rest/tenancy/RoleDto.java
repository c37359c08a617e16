package com.abiquo.api.rest.tenancy;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

import com.abiquo.api.rest.protocol.AbiquoMediaTypes;
import com.abiquo.api.rest.protocol.InputLinks;
import com.abiquo.api.rest.protocol.LinkDto;
import com.abiquo.api.rest.protocol.Links;
import com.abiquo.api.rest.protocol.RestDto;
import com.abiquo.error.ApiError;
import com.abiquo.error.ApiException;
import com.abiquo.security.Privilege;
import com.abiquo.tenancy.Role;
import com.abiquo.tenancy.RoleService;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * {@code role+json}: {@code {id, name, blocked, links}}. Its privileges are {@code privilege}
 * links (read back and sent again, so that a GET-then-PUT keeps them); the owner is an
 * {@code enterprise} link (none: a global role) and the scope a {@code scope} link.
 */
public class RoleDto extends RestDto {
    public static final String TYPE = AbiquoMediaTypes.PREFIX + "role+json";
    public static final String COLLECTION_TYPE = AbiquoMediaTypes.PREFIX + "roles+json";
    static final String TEMPLATE = "admin/roles/{id}";

    public Integer id;

    @NotBlank
    @Size(max = 40)
    public String name;

    public boolean blocked;

    public static RoleDto from(Role r, Links links) {
        RoleDto dto = new RoleDto();
        dto.id = r.getId();
        dto.name = r.getName();
        dto.blocked = r.isBlocked();
        dto.add(links.titled("edit", TYPE, r.getName(), "admin/roles/%d", r.getId()));
        dto.add(links.link("privileges", PrivilegeDto.COLLECTION_TYPE, "admin/roles/%d/action/privileges", r.getId()));
        if (!r.isGlobal()) {
            dto.add(EnterpriseDto.link(links, r.getEnterprise()));
        }
        if (r.getScope() != null) {
            dto.add(ScopeDto.link(links, r.getScope()));
        }
        r.getPrivileges().stream().sorted().forEach(p -> dto.add(PrivilegeDto.link(links, "privilege", p)));
        return dto;
    }

    /** The link a user carries to their role. */
    public static LinkDto link(Links links, Role r) {
        return links.titled("role", TYPE, r.getName(), "admin/roles/%d", r.getId());
    }

    public RoleService.Definition definition() {
        Set<Privilege> privileges = EnumSet.noneOf(Privilege.class);
        // "links": null is a role without privileges, not a failure
        (links == null ? Stream.<LinkDto>empty() : links.stream()).filter(Objects::nonNull)
                .filter(l -> "privilege".equals(l.rel) && l.href != null)
                .map(l -> InputLinks.ids(l, "config/privileges/{id}")[0])
                .map(id -> Privilege.byId(id).orElseThrow(() -> ApiException.of(ApiError.PRIVILEGE_NOT_FOUND)))
                .forEach(privileges::add);
        Integer enterprise = link("enterprise").map(l -> InputLinks.ids(l, "admin/enterprises/{id}")[0]).orElse(null);
        Integer scope = link("scope").map(l -> InputLinks.ids(l, ScopeDto.TEMPLATE)[0]).orElse(null);
        return new RoleService.Definition(name.trim(), blocked, privileges, enterprise, scope);
    }
}
